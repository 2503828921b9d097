// The evidence locker of incidents: streamed uploads hashed on arrival, a hash-chained custody ledger per item,
// downloads that re-check the hash first, legal hold and disposal. Every change is audited and on the timeline.
import type { Readable } from 'node:stream';
import type { Actor } from '../access/actor.js';
import type { Permission } from '../access/permissions.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { isRecordId, newRecordId, nowOf, permitFound } from '../triage/service-support.js';
import type { CaseDeps, IncidentLookup, TimelineWriter } from './case-support.js';
import { DEFAULT_EVIDENCE_MAX_BYTES } from './evidence/config.js';
import { verifyLedger, type CustodyEntry, type LedgerVerification } from './evidence/custody-ledger.js';
import type { EvidenceFiles } from './evidence/evidence-files.js';
import { readLedger, toEvidence, type Evidence, type EvidenceRow } from './evidence/evidence-rows.js';
import { checkText, fromOf, optionalText, refuseDisposed } from './evidence/evidence-input.js';
import { insertEvidence, recordCustody, type CustodyRecord } from './evidence/locker-writes.js';
import { verifyEvidence, type EvidenceCheck } from './evidence/verify-evidence.js';

export type { Evidence } from './evidence/evidence-rows.js';

export interface EvidenceServiceOptions {
  /** Largest upload in bytes (`evidence.maxBytes`); default 2 GiB. */
  maxBytes?: number;
}

/** Where a request came from and why; `from` defaults to the actor's network address. */
export interface Handling {
  from?: string;
  reason: string;
}

export interface UploadInput extends Handling {
  /** The original file name. */
  name: string;
  description?: string;
  contentType?: string;
  /** Where it came from: host, who collected it, how. */
  source?: string;
  /** Cancels the upload (the client went away); nothing is stored. */
  signal?: AbortSignal;
}

/** Entries people add by hand; the others are written by the locker itself as things happen. */
export const MANUAL_CUSTODY_ACTIONS = ['collected', 'transferred', 'analysed', 'accessed'] as const;
export type ManualCustodyAction = (typeof MANUAL_CUSTODY_ACTIONS)[number];

export interface CustodyEntryRequest extends Handling {
  action: ManualCustodyAction;
  note?: string;
  hashBefore?: string;
  hashAfter?: string;
}

export interface Download {
  evidence: Evidence;
  stream: Readable;
}

export interface Custody {
  evidence: Evidence;
  entries: CustodyEntry[];
  /** The chain checked entry by entry, and against the head kept on the item. */
  verification: LedgerVerification;
}

export interface Disposal {
  evidence: Evidence;
  /** False when other evidence items still refer to the same bytes, or the file was already gone. */
  fileRemoved: boolean;
}

const NAME_MAX = 255;
const TEXT_MAX = 2000;
const DESCRIPTION_MAX = 10_000;

export class EvidenceService {
  private readonly maxBytes: number;

  constructor(
    private readonly deps: CaseDeps,
    private readonly files: EvidenceFiles,
    private readonly timeline: TimelineWriter,
    private readonly incidents: IncidentLookup,
    options: EvidenceServiceOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES;
  }

  /** The largest upload accepted, in bytes. */
  get uploadLimit(): number {
    return this.maxBytes;
  }

  /**
   * Streams the file into the locker (hashing it, refusing it past the size limit), then records the item, its
   * first custody entry ('uploaded', with the hash on arrival), a timeline entry and an audit entry together.
   */
  async upload(actor: Actor, incidentId: string, source: Readable, input: UploadInput): Promise<Evidence> {
    const tenant = await this.permitIncident(actor, 'incidents:manage', incidentId, 'evidence.upload');
    const name = checkText(input.name, 'The file name', NAME_MAX, { single: true });
    const reason = checkText(input.reason, 'An upload', TEXT_MAX, { single: false, why: true });
    const description = optionalText(input.description, 'The description', DESCRIPTION_MAX);
    const origin = optionalText(input.source, 'The source', TEXT_MAX);
    const contentType = (input.contentType ?? '').trim().slice(0, 200) || 'application/octet-stream';
    const from = fromOf(actor, input.from);

    const stored = await this.files.store(source, {
      maxBytes: this.maxBytes,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const id = newRecordId();
    const now = nowOf(this.deps);
    try {
      await insertEvidence(this.deps, this.timeline, actor, {
        id,
        incidentId,
        tenant,
        name,
        ...(description !== undefined && { description }),
        contentType,
        ...(origin !== undefined && { origin }),
        stored,
        from,
        reason,
        at: now,
      });
    } catch (e) {
      // The bytes were stored for this item alone: without its record they would be an orphan.
      if (!stored.deduplicated && !(await this.referenced(stored.sha256))) {
        await this.files.remove(stored.sha256, { legalHold: false }).catch(() => undefined);
      }
      throw e;
    }
    return toEvidence(await this.row(id));
  }

  /** An incident's evidence items, oldest first (disposed ones too, with when and why). */
  async list(actor: Actor, incidentId: string): Promise<Evidence[]> {
    await this.permitIncident(actor, 'incidents:read', incidentId, 'evidence.list');
    const rows = await this.deps.db
      .selectFrom('evidence')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toEvidence);
  }

  async get(actor: Actor, id: string): Promise<Evidence> {
    const { row } = await this.permitEvidence(actor, 'incidents:read', id, 'evidence.read');
    return toEvidence(row);
  }

  /**
   * Re-hashes the stored file and hands it out only if it still has the hash recorded on arrival; either way
   * the ledger records it ('downloaded', or 'verification_failed' and EVIDENCE_ALTERED).
   */
  async download(actor: Actor, id: string, handling: Handling): Promise<Download> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:read', id, 'evidence.download');
    const reason = checkText(handling.reason, 'A download', TEXT_MAX, { single: false, why: true });
    const from = fromOf(actor, handling.from);
    refuseDisposed(row);
    const check = await this.files.verify(row.sha256);
    if (!check.ok) {
      const message =
        `Evidence "${row.name}" (${id}) is not handed out: its stored file ${this.files.relativePathOf(row.sha256)} ` +
        `has SHA-256 ${check.actual}, but ${row.sha256} was recorded on arrival. The file was altered after it was stored.`;
      await this.record(actor, tenant, row, {
        action: 'verification_failed',
        from,
        reason,
        hashBefore: row.sha256,
        hashAfter: check.actual,
        note: message,
        audit: { action: 'evidence.download', outcome: 'failure' },
        timeline: `Evidence "${row.name}" failed its hash check on download`,
      });
      throw new YaguraError('EVIDENCE_ALTERED', message, {
        evidenceId: id,
        file: this.files.relativePathOf(row.sha256),
        expected: row.sha256,
        actual: check.actual,
      });
    }
    // Opened before the entry is written, so a file that vanished in between is not recorded as handed out.
    const stream = await this.files.open(row.sha256);
    try {
      await this.record(actor, tenant, row, {
        action: 'downloaded',
        from,
        reason,
        hashBefore: row.sha256,
        hashAfter: check.actual,
        audit: { action: 'evidence.download', outcome: 'success' },
      });
    } catch (e) {
      stream.destroy();
      throw e;
    }
    return { evidence: toEvidence(await this.row(id)), stream };
  }

  /** Checks the stored bytes and the ledger end to end, and records the check ('verified' or 'verification_failed'). */
  async verify(actor: Actor, id: string, handling: Partial<Handling> = {}): Promise<EvidenceCheck> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:read', id, 'evidence.verify');
    const entries = await readLedger(this.deps.db, id);
    const check = await verifyEvidence(this.files, entries, row.sha256, {
      head: { seq: row.custody_seq, hash: row.custody_hash },
    });
    const reason = handling.reason?.trim() || 'Integrity check';
    await this.record(actor, tenant, row, {
      action: check.ok ? 'verified' : 'verification_failed',
      from: fromOf(actor, handling.from),
      reason: checkText(reason, 'A verification', TEXT_MAX, { single: false }),
      ...(check.stored && { hashBefore: row.sha256, hashAfter: check.stored.actual }),
      ...(!check.ok && { note: check.summary.slice(0, TEXT_MAX * 4) }),
      audit: { action: 'evidence.verify', outcome: check.ok ? 'success' : 'failure' },
      ...(!check.ok && { timeline: `Evidence "${row.name}" failed verification` }),
    });
    return check;
  }

  /** The item's custody ledger, oldest first, with the chain checked (against the head kept on the item too). */
  async custody(actor: Actor, id: string): Promise<Custody> {
    const { row } = await this.permitEvidence(actor, 'incidents:read', id, 'evidence.custody.read');
    const entries = await readLedger(this.deps.db, id);
    const verification = verifyLedger(entries, { head: { seq: row.custody_seq, hash: row.custody_hash } });
    return { evidence: toEvidence(row), entries, verification };
  }

  /** Records handling that happened outside Yagura: collected, transferred, analysed, accessed. */
  async addCustodyEntry(actor: Actor, id: string, request: CustodyEntryRequest): Promise<CustodyEntry> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:manage', id, 'evidence.custody.add');
    if (!(MANUAL_CUSTODY_ACTIONS as readonly string[]).includes(request.action)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `action: "${String(request.action).slice(0, 40)}" cannot be added by hand (one of ${MANUAL_CUSTODY_ACTIONS.join(', ')}); the others are recorded by the locker itself`,
        { location: { key: 'action' } },
      );
    }
    const reason = checkText(request.reason, 'A custody entry', TEXT_MAX, { single: false, why: true });
    const note = optionalText(request.note, 'The note', DESCRIPTION_MAX);
    return this.record(actor, tenant, row, {
      action: request.action,
      from: fromOf(actor, request.from),
      reason,
      ...(request.hashBefore !== undefined && { hashBefore: request.hashBefore.toLowerCase() }),
      ...(request.hashAfter !== undefined && { hashAfter: request.hashAfter.toLowerCase() }),
      ...(note !== undefined && { note }),
      audit: { action: 'evidence.custody.add', outcome: 'success' },
      timeline: `Evidence "${row.name}": ${request.action} (${reason.split('\n')[0]?.slice(0, 120)})`,
    });
  }

  /** Places the item under legal hold: it cannot be disposed of until the hold is released. */
  async placeHold(actor: Actor, id: string, handling: Handling): Promise<Evidence> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:manage', id, 'evidence.hold.place');
    const reason = checkText(handling.reason, 'A legal hold', TEXT_MAX, { single: false, why: true });
    refuseDisposed(row);
    if (row.legal_hold === 1) {
      throw new YaguraError('CONFLICT', `Evidence "${row.name}" (${id}) is already under legal hold`);
    }
    const now = nowOf(this.deps);
    await this.record(actor, tenant, row, {
      action: 'hold_placed',
      from: fromOf(actor, handling.from),
      reason,
      audit: { action: 'evidence.hold.place', outcome: 'success' },
      timeline: `Legal hold placed on evidence "${row.name}"`,
      set: {
        legal_hold: 1,
        hold_reason: reason,
        hold_by_id: actor.id,
        hold_by_name: actor.name,
        hold_at: now,
      },
    });
    return toEvidence(await this.row(id));
  }

  async releaseHold(actor: Actor, id: string, handling: Handling): Promise<Evidence> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:manage', id, 'evidence.hold.release');
    const reason = checkText(handling.reason, 'Releasing a legal hold', TEXT_MAX, {
      single: false,
      why: true,
    });
    if (row.legal_hold !== 1) {
      throw new YaguraError('CONFLICT', `Evidence "${row.name}" (${id}) is not under legal hold`);
    }
    await this.record(actor, tenant, row, {
      action: 'hold_released',
      from: fromOf(actor, handling.from),
      reason,
      audit: { action: 'evidence.hold.release', outcome: 'success' },
      timeline: `Legal hold released on evidence "${row.name}"`,
      set: { legal_hold: 0, hold_reason: null, hold_by_id: null, hold_by_name: null, hold_at: null },
    });
    return toEvidence(await this.row(id));
  }

  /**
   * Disposes of an item: refused under legal hold. The record and its ledger stay (with a 'disposed' entry);
   * the stored file is removed once no other item refers to the same bytes.
   */
  async dispose(actor: Actor, id: string, handling: Handling): Promise<Disposal> {
    const { row, tenant } = await this.permitEvidence(actor, 'incidents:manage', id, 'evidence.dispose');
    const reason = checkText(handling.reason, 'A disposal', TEXT_MAX, { single: false, why: true });
    refuseDisposed(row);
    if (row.legal_hold === 1) {
      throw new YaguraError(
        'EVIDENCE_LEGAL_HOLD',
        `Evidence "${row.name}" (${id}) is under legal hold (${row.hold_reason ?? 'no reason recorded'}); release the hold before disposing of it.`,
        { evidenceId: id },
      );
    }
    const now = nowOf(this.deps);
    await this.record(actor, tenant, row, {
      action: 'disposed',
      from: fromOf(actor, handling.from),
      reason,
      hashBefore: row.sha256,
      audit: { action: 'evidence.dispose', outcome: 'success' },
      timeline: `Evidence "${row.name}" disposed of`,
      set: {
        disposed_at: now,
        disposed_by_id: actor.id,
        disposed_by_name: actor.name,
        disposal_reason: reason,
      },
    });
    // After the commit: a failed commit must never have removed the bytes.
    const fileRemoved = (await this.referenced(row.sha256))
      ? false
      : await this.files.remove(row.sha256, { legalHold: false });
    return { evidence: toEvidence(await this.row(id)), fileRemoved };
  }

  private record(
    actor: Actor,
    tenant: TenantId,
    row: EvidenceRow,
    entry: CustodyRecord,
  ): Promise<CustodyEntry> {
    return recordCustody(this.deps, this.timeline, actor, tenant, row, entry);
  }

  private async permitIncident(
    actor: Actor,
    permission: Permission,
    incidentId: string,
    action: string,
  ): Promise<TenantId> {
    const tenant = await this.incidents.tenantOf(incidentId);
    return permitFound(this.deps, actor, permission, tenant === undefined ? undefined : { tenant }, {
      action,
      target: { type: 'incident', id: incidentId.slice(0, 80) },
      what: 'incident',
    });
  }

  private async permitEvidence(
    actor: Actor,
    permission: Permission,
    id: string,
    action: string,
  ): Promise<{ row: EvidenceRow; tenant: TenantId }> {
    const row = isRecordId(id)
      ? await this.deps.db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    const tenant = await permitFound(this.deps, actor, permission, row, {
      action,
      target: { type: 'evidence', id: id.slice(0, 80) },
      what: 'evidence item',
    });
    return { row: row!, tenant };
  }

  private async row(id: string): Promise<EvidenceRow> {
    return this.deps.db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  /** Whether an item that is not disposed of refers to these bytes. */
  private async referenced(sha256: string): Promise<boolean> {
    const found = await this.deps.db
      .selectFrom('evidence')
      .select('id')
      .where('sha256', '=', sha256)
      .where('disposed_at', 'is', null)
      .executeTakeFirst();
    return found !== undefined;
  }
}
