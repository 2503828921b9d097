// Escalation policies in the database: list, read, create, change and remove them (each change audited in its
// own transaction), and choose the policy an escalation goes through.
import type { Selectable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { StateDb } from '../state/database.js';
import {
  columnsOf,
  maskChannel,
  parsePolicy,
  policyMatches,
  settingsOf,
  toPolicy,
  type EscalationPolicy,
  type PolicyChange,
  type PolicyInput,
  type PolicySettings,
} from './escalation-policy.js';
import type { EscalationPoliciesTable } from './escalation-tables.js';
import {
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from './service-support.js';

export type PolicyRow = Selectable<EscalationPoliciesTable>;

/** What choosing a policy knows of the alert. */
export type PolicyMatchInput = Parameters<typeof policyMatches>[1];

export class EscalationPolicyStore {
  constructor(private readonly deps: TriageDeps) {}

  async list(actor: Actor, tenants?: readonly string[]): Promise<EscalationPolicy[]> {
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'escalation.policy.list', tenants);
    const rows = await this.deps.db
      .selectFrom('escalation_policies')
      .selectAll()
      .where('tenant', 'in', [...scope])
      .where('deleted_at', 'is', null)
      .orderBy('tenant')
      .orderBy('priority')
      .orderBy('id')
      .execute();
    return rows.map(toPolicy);
  }

  async get(actor: Actor, id: string): Promise<EscalationPolicy> {
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'alerts:read', row, policyContext('escalation.policy.read', id));
    return toPolicy(row!);
  }

  async create(actor: Actor, tenant: string, input: PolicyInput): Promise<EscalationPolicy> {
    const action = 'escalation.policy.create';
    const at = await permitTenant(this.deps, actor, 'alerts:triage', tenant, { action });
    const settings = parsePolicy(input);
    const now = nowOf(this.deps);
    const id = newRecordId();
    const write = (trx: StateDb) =>
      trx
        .insertInto('escalation_policies')
        .values({
          id,
          tenant: at,
          ...columnsOf(settings),
          created_by: actor.id,
          created_at: now,
          updated_by: actor.id,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
    await this.audited(actor, action, at, id, { after: masked(settings) }, write);
    return toPolicy((await this.load(id))!);
  }

  async update(actor: Actor, id: string, changes: PolicyChange): Promise<EscalationPolicy> {
    const action = 'escalation.policy.update';
    const { row, tenant } = await this.findToChange(actor, id, action);
    const before = settingsOf(row);
    const withSecrets = changes.channels
      ? { ...changes, channels: keepSecrets(changes.channels, before) }
      : changes;
    const after = parsePolicy(withSecrets, before);
    const now = nowOf(this.deps);
    const write = (trx: StateDb) =>
      trx
        .updateTable('escalation_policies')
        .set({ ...columnsOf(after), updated_by: actor.id, updated_at: now })
        .where('id', '=', id)
        .execute();
    await this.audited(actor, action, tenant, id, { before: masked(before), after: masked(after) }, write);
    return toPolicy((await this.load(id))!);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const action = 'escalation.policy.delete';
    const { row, tenant } = await this.findToChange(actor, id, action);
    const now = nowOf(this.deps);
    const write = (trx: StateDb) =>
      trx
        .updateTable('escalation_policies')
        .set({ deleted_at: now, updated_by: actor.id, updated_at: now })
        .where('id', '=', id)
        .execute();
    await this.audited(actor, action, tenant, id, { name: row.name }, write);
  }

  /** The named policy of the tenant, or else its first enabled one (lowest priority number) matching the alert. */
  async choose(tenant: TenantId, policyId: string | undefined, alert: PolicyMatchInput): Promise<PolicyRow> {
    if (policyId !== undefined) {
      const row = await this.load(policyId);
      // A policy of another tenant is as unknown as a missing one.
      if (!row || row.tenant !== tenant) {
        throw new YaguraError(
          'NOT_FOUND',
          `No escalation policy "${policyId.slice(0, 80)}" in tenant ${tenant}`,
        );
      }
      return row;
    }
    const rows = await this.deps.db
      .selectFrom('escalation_policies')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('deleted_at', 'is', null)
      .orderBy('priority')
      .orderBy('id')
      .execute();
    const match = rows.find((r) => policyMatches(settingsOf(r), alert));
    if (!match) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `No escalation policy of tenant ${tenant} matches this alert (severity ${alert.severityLevel}); add one or name a policy`,
      );
    }
    return match;
  }

  private async load(id: string): Promise<PolicyRow | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db
      .selectFrom('escalation_policies')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** The policy and its tenant, once the actor may change policies there. */
  private async findToChange(
    actor: Actor,
    id: string,
    action: string,
  ): Promise<{ row: PolicyRow; tenant: TenantId }> {
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'alerts:triage', row, policyContext(action, id));
    return { row: row!, tenant };
  }

  /** Writes a change to a policy and its audit entry in one transaction. */
  private async audited(
    actor: Actor,
    action: string,
    tenant: TenantId,
    id: string,
    details: Record<string, unknown>,
    write: (trx: StateDb) => Promise<unknown>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await write(trx);
      await this.deps.audit.record(
        { actor, action, outcome: 'success', tenant, target: { type: 'escalation_policy', id }, details },
        { within: trx },
      );
    });
  }
}

function policyContext(action: string, id: string) {
  return { action, target: { type: 'escalation_policy', id: id.slice(0, 80) }, what: 'escalation policy' };
}

/** Settings as the audit log keeps them: channel secrets masked. */
function masked(settings: PolicySettings) {
  return { ...settings, channels: settings.channels.map(maskChannel) };
}

/** Webhook channels given without a secret take the stored one of the same URL. */
function keepSecrets(channels: readonly unknown[], before: PolicySettings): unknown[] {
  return channels.map((c) => {
    if (typeof c !== 'object' || c === null) return c;
    const ch = c as { kind?: unknown; url?: unknown; secret?: unknown };
    if (ch.kind !== 'webhook' || ch.secret !== undefined) return c;
    const old = before.channels.find((o) => o.kind === 'webhook' && o.url === ch.url);
    return old && old.kind === 'webhook' ? { ...ch, secret: old.secret } : c;
  });
}
