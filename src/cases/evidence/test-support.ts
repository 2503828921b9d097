// Test fixtures for the evidence locker: a fake incident directory and timeline writer, and the service over the
// real state database, the real audit log and a temporary evidence folder.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../access/actor.js';
import { accessFixture, type AccessFixture } from '../../access/test-support.js';
import { AuditLog } from '../../audit/audit-log.js';
import type { TenantId } from '../../core/ids.js';
import type { StateDb } from '../../state/database.js';
import type { IncidentLookup, TimelineEntryInput, TimelineWriter } from '../case-support.js';
import { EvidenceService, type EvidenceServiceOptions } from '../evidence-service.js';
import { EvidenceFiles } from './evidence-files.js';

/** Incidents by id -> tenant. */
export class FakeIncidents implements IncidentLookup {
  readonly tenants = new Map<string, string>([
    ['inc-acme-1', 'acme'],
    ['inc-acme-2', 'acme'],
    ['inc-globex-1', 'globex'],
  ]);
  async tenantOf(incidentId: string): Promise<string | undefined> {
    return this.tenants.get(incidentId);
  }
}

/** Keeps what it is asked to append, with whether it was inside a transaction; can be told to fail once. */
export class FakeTimeline implements TimelineWriter {
  readonly entries: (TimelineEntryInput & { inTransaction: boolean })[] = [];
  failNext = false;
  async append(trx: StateDb, entry: TimelineEntryInput): Promise<string> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the timeline could not be written');
    }
    this.entries.push({ ...entry, inTransaction: trx.isTransaction });
    return `tl-${this.entries.length}`;
  }
}

export interface EvidenceFixture {
  access: AccessFixture;
  audit: AuditLog;
  dir: string;
  files: EvidenceFiles;
  timeline: FakeTimeline;
  incidents: FakeIncidents;
  service: EvidenceService;
  user(name: string, role: 'admin' | 'soc_analyst' | 'csirt' | 'viewer', tenants: string[]): Promise<Actor>;
  close(): Promise<void>;
}

export async function evidenceFixture(options: EvidenceServiceOptions = {}): Promise<EvidenceFixture> {
  const access = await accessFixture();
  await access.tenants.create(access.cli, { name: 'Acme', id: 'acme' });
  await access.tenants.create(access.cli, { name: 'Globex', id: 'globex' });
  const audit = new AuditLog(access.db, { now: () => access.clock.now });
  const dir = await mkdtemp(join(tmpdir(), 'yagura-evidence-'));
  const files = new EvidenceFiles(join(dir, 'evidence'));
  const timeline = new FakeTimeline();
  const incidents = new FakeIncidents();
  const deps = {
    db: access.db,
    audit,
    knownTenants: () => ['acme', 'globex'] as TenantId[],
    clock: () => access.clock.now,
    dataDir: dir,
  };
  const service = new EvidenceService(deps, files, timeline, incidents, options);
  return {
    access,
    audit,
    dir,
    files,
    timeline,
    incidents,
    service,
    user: (name, role, tenants) => access.signIn(name, role, tenants),
    async close() {
      await access.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Flips one bit of a byte of a stored (read-only) file, as an intruder with write access would. */
export async function alterStoredByte(path: string, offset = 0): Promise<void> {
  await chmod(path, 0o640);
  const bytes = await readFile(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  await writeFile(path, bytes);
  await chmod(path, 0o440);
}
