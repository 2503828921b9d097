// Allow-list (suppression) rules: created, changed and removed by analysts (audited), applied by the alert stage to
// every finding through an in-memory index, with hit counts written in batches; impact preview and review list.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { Event } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import type { StoredFinding } from '../detection/findings-service.js';
import type { Suppressor } from './alert-ingest.js';
import { AllowlistIndex, compileConditions } from './allowlist-index.js';
import {
  checkExpiry,
  checkJustification,
  checkOwner,
  checkRuleId,
  toAllowlistRule,
  type AllowlistChanges,
  type AllowlistInput,
  type AllowlistRule,
} from './allowlist-model.js';
import {
  previewImpact,
  reviewRules,
  suppressedFindings,
  type AllowlistReview,
  type ImpactPreview,
  type ReviewOptions,
  type SuppressedFinding,
} from './allowlist-preview.js';
import { conditionsFromEntity, ENTITY_FIELDS, type Entity } from './entity.js';
import {
  checkLimit,
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from './service-support.js';
import { checkReason } from './status.js';
import type { AllowlistRulesTable } from './tables.js';

/** What "suppress alerts like this" pre-fills from an alert. */
export interface AllowlistDraft {
  tenant: string;
  ruleId: string;
  ruleTitle: string;
  entity: Entity;
  conditions: string;
}

export interface FromAlertInput {
  justification: string;
  owner: string;
  expiresAt?: number | null;
  /** Replaces the conditions built from the alert's entity. */
  conditions?: string;
}

export class AllowlistService implements Suppressor {
  readonly index = new AllowlistIndex();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TriageDeps) {}

  /** Loads the rules in force (not removed) into the index; returns those whose conditions no longer compile. */
  async open(): Promise<{ id: string; message: string }[]> {
    const rows = await this.deps.db
      .selectFrom('allowlist_rules')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const problems: { id: string; message: string }[] = [];
    const now = nowOf(this.deps);
    for (const row of rows) {
      try {
        this.index.put(specOf(row), now);
      } catch (error) {
        problems.push({ id: row.id, message: (error as Error).message });
      }
    }
    return problems;
  }

  /** For the alert stage: the id of the rule that suppresses the finding (its hit counted), or undefined. */
  suppress(finding: StoredFinding, events: readonly Event[], now: number): string | undefined {
    return this.index.match(finding, events, now)?.id;
  }

  /** Writes the hit counts gathered since the last flush. */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.writeHits());
    this.chain = run.catch(() => undefined);
    return run;
  }

  async create(actor: Actor, input: AllowlistInput & { sourceAlertId?: string }): Promise<AllowlistRule> {
    const action = 'allowlist.create';
    const tenant = await permitTenant(this.deps, actor, 'allowlist:manage', input.tenant, { action });
    const now = nowOf(this.deps);
    const ruleId = checkRuleId(input.ruleId);
    const conditions = checkConditions(input.conditions, ruleId, now);
    const row: AllowlistRulesTable = {
      id: newRecordId(),
      tenant,
      rule_id: ruleId,
      conditions,
      justification: checkJustification(input.justification),
      owner: checkOwner(input.owner),
      expires_at: checkExpiry(input.expiresAt, now),
      source_alert_id: input.sourceAlertId ?? null,
      hits: 0,
      last_hit_at: null,
      created_by: actor.name,
      created_at: now,
      updated_by: actor.name,
      updated_at: now,
      deleted_at: null,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('allowlist_rules').values(row).execute();
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant,
          target: { type: 'allowlist-rule', id: row.id },
          details: {
            ruleId,
            conditions,
            justification: row.justification,
            owner: row.owner,
            expiresAt: row.expires_at,
            ...(row.source_alert_id ? { sourceAlertId: row.source_alert_id } : {}),
          },
        },
        { within: trx },
      );
    });
    this.index.put(specOf(row), now);
    return toAllowlistRule(row);
  }

  /** "Suppress alerts like this": the alert's rule and tenant, conditions from its entity fields. */
  async draftFromAlert(actor: Actor, alertId: string): Promise<AllowlistDraft> {
    const alert = await this.loadAlert(alertId);
    await permitFound(this.deps, actor, 'allowlist:manage', alert, {
      action: 'allowlist.draft',
      target: { type: 'alert', id: alertId.slice(0, 80) },
      what: 'alert',
    });
    const entity: Entity = {};
    const columns = [alert!.host_name, alert!.user_name, alert!.source_ip, alert!.destination_ip];
    ENTITY_FIELDS.forEach((field, i) => {
      if (columns[i] !== null && columns[i] !== undefined) entity[field] = columns[i]!;
    });
    return {
      tenant: alert!.tenant,
      ruleId: alert!.rule_id,
      ruleTitle: alert!.rule_title,
      entity,
      conditions: conditionsFromEntity(entity),
    };
  }

  /** Creates the rule "suppress alerts like this" in one call, linked to the alert it came from. */
  async createFromAlert(actor: Actor, alertId: string, input: FromAlertInput): Promise<AllowlistRule> {
    const draft = await this.draftFromAlert(actor, alertId);
    const conditions = input.conditions ?? draft.conditions;
    if (conditions.trim() === '') {
      throw new YaguraError(
        'REQUEST_INVALID',
        'The alert has no host, user or address to build conditions from; give the conditions',
      );
    }
    return this.create(actor, {
      tenant: draft.tenant,
      ruleId: draft.ruleId,
      conditions,
      justification: input.justification,
      owner: input.owner,
      expiresAt: input.expiresAt ?? null,
      sourceAlertId: alertId,
    });
  }

  async update(actor: Actor, id: string, changes: AllowlistChanges): Promise<AllowlistRule> {
    const action = 'allowlist.update';
    const row = await this.loadRule(id);
    const tenant = await permitFound(this.deps, actor, 'allowlist:manage', row, this.context(action, id));
    if (row!.deleted_at !== null) throw new YaguraError('CONFLICT', `Allow-list rule ${id} was removed`);
    const now = nowOf(this.deps);
    const set: Partial<AllowlistRulesTable> = {};
    if (changes.conditions !== undefined)
      set.conditions = checkConditions(changes.conditions, row!.rule_id, now);
    if (changes.justification !== undefined) set.justification = checkJustification(changes.justification);
    if (changes.owner !== undefined) set.owner = checkOwner(changes.owner);
    if (changes.expiresAt !== undefined) set.expires_at = checkExpiry(changes.expiresAt, now);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(set) as [keyof AllowlistRulesTable, unknown][]) {
      if (row![key] === value) continue;
      before[key] = row![key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return toAllowlistRule(row!);
    const updated: AllowlistRulesTable = { ...row!, ...set, updated_by: actor.name, updated_at: now };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('allowlist_rules')
        .set({ ...set, updated_by: actor.name, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant,
          target: { type: 'allowlist-rule', id },
          details: { before, after },
        },
        { within: trx },
      );
    });
    this.index.put(specOf(updated), now);
    return toAllowlistRule(updated);
  }

  /** Stops the rule; it stays listed (with its hits) and the findings it suppressed stay marked. */
  async remove(actor: Actor, id: string, reason: string): Promise<AllowlistRule> {
    const action = 'allowlist.remove';
    const row = await this.loadRule(id);
    const tenant = await permitFound(this.deps, actor, 'allowlist:manage', row, this.context(action, id));
    const why = checkReason(reason, 'Removing an allow-list rule');
    if (row!.deleted_at !== null) return toAllowlistRule(row!);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('allowlist_rules')
        .set({ deleted_at: now, updated_by: actor.name, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant,
          target: { type: 'allowlist-rule', id },
          details: { reason: why },
        },
        { within: trx },
      );
    });
    this.index.remove(id);
    return toAllowlistRule({ ...row!, deleted_at: now, updated_by: actor.name, updated_at: now });
  }

  async list(
    actor: Actor,
    query: { tenants?: readonly string[]; ruleId?: string; includeRemoved?: boolean } = {},
  ): Promise<AllowlistRule[]> {
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'allowlist.list', query.tenants);
    let q = this.deps.db
      .selectFrom('allowlist_rules')
      .selectAll()
      .where('tenant', 'in', [...scope]);
    if (!query.includeRemoved) q = q.where('deleted_at', 'is', null);
    if (query.ruleId !== undefined) q = q.where('rule_id', '=', query.ruleId);
    const rows = await q.orderBy('tenant').orderBy('created_at').orderBy('id').execute();
    return rows.map(toAllowlistRule);
  }

  async get(actor: Actor, id: string): Promise<AllowlistRule> {
    const row = await this.loadRule(id);
    await permitFound(this.deps, actor, 'alerts:read', row, this.context('allowlist.read', id));
    return toAllowlistRule(row!);
  }

  /** How many findings of the last `days` days the rule would have hidden, before saving it. */
  async previewImpact(
    actor: Actor,
    input: { tenant: string; ruleId: string | null; conditions: string; days: number },
  ): Promise<ImpactPreview> {
    const tenant = await permitTenant(this.deps, actor, 'allowlist:manage', input.tenant, {
      action: 'allowlist.preview',
    });
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > 90) {
      throw new YaguraError('REQUEST_INVALID', `days must be a whole number from 1 to 90, not ${input.days}`);
    }
    const now = nowOf(this.deps);
    const ruleId = checkRuleId(input.ruleId);
    checkConditions(input.conditions, ruleId, now);
    return previewImpact(
      this.deps.db,
      { tenant, ruleId, conditions: input.conditions, days: input.days },
      now,
    );
  }

  /** Rules to look at again: expiring soon or expired, never hit, or hitting too much. */
  async review(
    actor: Actor,
    options: ReviewOptions & { tenants?: readonly string[] } = {},
  ): Promise<AllowlistReview> {
    const scope = await permittedScope(
      this.deps,
      actor,
      'allowlist:manage',
      'allowlist.review',
      options.tenants,
    );
    const rules = await this.list(actor, { tenants: [...scope] });
    return reviewRules(this.deps.db, scope, rules, options, nowOf(this.deps));
  }

  /** The findings a rule suppressed, newest first: they are kept and can be looked at. */
  async suppressed(
    actor: Actor,
    id: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ findings: SuppressedFinding[]; next?: string }> {
    const row = await this.loadRule(id);
    await permitFound(this.deps, actor, 'alerts:read', row, this.context('allowlist.read', id));
    return suppressedFindings(this.deps.db, toAllowlistRule(row!), checkLimit(page.limit), page.cursor);
  }

  private async writeHits(): Promise<void> {
    const hits = this.index.takeHits();
    if (hits.size === 0) return;
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        for (const [id, h] of hits) {
          await trx
            .updateTable('allowlist_rules')
            .set((eb) => ({
              hits: eb('hits', '+', h.count),
              last_hit_at: eb
                .case()
                .when(eb.or([eb('last_hit_at', 'is', null), eb('last_hit_at', '<', h.lastHitAt)]))
                .then(h.lastHitAt)
                .else(eb.ref('last_hit_at'))
                .end(),
            }))
            .where('id', '=', id)
            .execute();
        }
      });
    } catch (error) {
      this.index.restoreHits(hits);
      throw error;
    }
  }

  private async loadRule(id: string): Promise<AllowlistRulesTable | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db.selectFrom('allowlist_rules').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private async loadAlert(id: string) {
    if (!isRecordId(id)) return undefined;
    return this.deps.db
      .selectFrom('alerts')
      .select(['tenant', 'rule_id', 'rule_title', 'host_name', 'user_name', 'source_ip', 'destination_ip'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  private context(action: string, id: string) {
    return { action, target: { type: 'allowlist-rule', id: id.slice(0, 80) }, what: 'allow-list rule' };
  }
}

function specOf(row: AllowlistRulesTable) {
  return {
    id: row.id,
    tenant: row.tenant as TenantId,
    ruleId: row.rule_id,
    conditions: row.conditions,
    expiresAt: row.expires_at,
  };
}

// Empty conditions mean "every finding of the rule": allowed for one rule, never for a whole tenant.
function checkConditions(conditions: string, ruleId: string | null, now: number): string {
  const text = conditions.trim();
  const compiled = compileConditions(text, now);
  if (ruleId === null && compiled.query.kind === 'all') {
    throw new YaguraError(
      'REQUEST_INVALID',
      'A rule for every detection rule of the tenant needs conditions; it would hide all its findings',
    );
  }
  return text;
}
