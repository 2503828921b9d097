// Escalation: per-tenant policies (CRUD, audited) and escalating a true positive to the customer through the
// policy's channels, with retries, a delivery log per channel and an entry in the alert's history; deliveries not
// through when the request's retries end are retried later by a background retrier (the outbox).
import type { Selectable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { deliver, type Delivery, type RetryPolicy } from '../notify/deliver.js';
import type { SmtpSettings } from '../notify/email.js';
import { escalationMessage } from '../notify/templates.js';
import type { AlertService } from './alert-service.js';
import type { Alert } from './alert-model.js';
import {
  makeChannel,
  maskChannel,
  parsePolicy,
  policyMatches,
  settingsOf,
  toPolicy,
  columnsOf,
  type ChannelSettings,
  type Contact,
  type EscalationPolicy,
  type PolicyChange,
  type PolicyInput,
} from './escalation-policy.js';
import { historyText, readEscalations, writeEscalation, type Escalation } from './escalation-log.js';
import {
  addToOutbox,
  dueEntries,
  recordAttempts,
  type FollowUpPolicy,
  type OutboxEntry,
} from './escalation-outbox.js';
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
import { checkReason, checkTransition, type AlertStatus } from './status.js';

export type { EscalationPolicy, PolicyInput } from './escalation-policy.js';
export type { DeliveryRecord, Escalation } from './escalation-log.js';
export type { FollowUpPolicy } from './escalation-outbox.js';

export interface EscalationServiceOptions {
  /** The SMTP relay email channels send through; without it they fail (and say why in the delivery log). */
  smtp?: SmtpSettings;
  retry?: RetryPolicy;
  /** Longest wait of one attempt (default: each channel's own, 10-15 s). */
  attemptTimeoutMs?: number;
  /** The console's public address: messages link to `${consoleUrl}/alerts/<id>`. */
  consoleUrl?: string;
  /** Waits between attempts; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Later retries of deliveries not through when the request's attempts end (default 1 min doubling to 1 h, 24 h). */
  followUp?: FollowUpPolicy;
  /** How often the background retrier looks for due deliveries (default 15 s). */
  retryPollMs?: number;
  /** Told when a retrier pass fails (the database refused); the next pass tries again. */
  onRetryError?: (error: unknown) => void;
}

export interface EscalateInput {
  assessment: string;
  recommendedActions?: readonly string[];
  /** A policy of the alert's tenant; by default the first matching one (lowest priority number). */
  policyId?: string;
}

export interface EscalateResult {
  escalation: Escalation;
  alert: Alert;
}

const ACTIONS_MAX = 20;
const ACTION_CHARS_MAX = 500;
const ESCALATABLE: readonly AlertStatus[] = ['acknowledged', 'in_progress', 'true_positive'];

type PolicyRow = Selectable<EscalationPoliciesTable>;

const RETRY_BATCH = 50;

export class EscalationService {
  /** Deliveries being attempted now (in a request or a retrier pass), which the retrier leaves alone. */
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<number> | undefined;
  private running = false;

  constructor(
    private readonly deps: TriageDeps,
    private readonly alerts: AlertService,
    private readonly options: EscalationServiceOptions = {},
  ) {}

  async listPolicies(actor: Actor, tenants?: readonly string[]): Promise<EscalationPolicy[]> {
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

  async getPolicy(actor: Actor, id: string): Promise<EscalationPolicy> {
    const row = await this.loadPolicy(id);
    await permitFound(this.deps, actor, 'alerts:read', row, policyContext('escalation.policy.read', id));
    return toPolicy(row!);
  }

  async createPolicy(actor: Actor, tenant: string, input: PolicyInput): Promise<EscalationPolicy> {
    const at = await permitTenant(this.deps, actor, 'alerts:triage', tenant, {
      action: 'escalation.policy.create',
    });
    const settings = parsePolicy(input);
    const now = nowOf(this.deps);
    const id = newRecordId();
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
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
      await this.deps.audit.record(
        {
          actor,
          action: 'escalation.policy.create',
          outcome: 'success',
          tenant: at,
          target: { type: 'escalation_policy', id },
          details: { after: { ...settings, channels: settings.channels.map(maskChannel) } },
        },
        { within: trx },
      );
    });
    return toPolicy((await this.loadPolicy(id))!);
  }

  /**
   * Changes the given settings of a policy. A webhook channel given without its secret keeps the secret of the
   * policy's webhook channel with the same URL.
   */
  async updatePolicy(actor: Actor, id: string, changes: PolicyChange): Promise<EscalationPolicy> {
    const row = await this.loadPolicy(id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'alerts:triage',
      row,
      policyContext('escalation.policy.update', id),
    );
    const before = settingsOf(row!);
    const withSecrets = changes.channels
      ? { ...changes, channels: keepSecrets(changes.channels, before) }
      : changes;
    const after = parsePolicy(withSecrets, before);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('escalation_policies')
        .set({ ...columnsOf(after), updated_by: actor.id, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'escalation.policy.update',
          outcome: 'success',
          tenant,
          target: { type: 'escalation_policy', id },
          details: {
            before: { ...before, channels: before.channels.map(maskChannel) },
            after: { ...after, channels: after.channels.map(maskChannel) },
          },
        },
        { within: trx },
      );
    });
    return toPolicy((await this.loadPolicy(id))!);
  }

  /** Removes a policy; past escalations keep naming it. */
  async deletePolicy(actor: Actor, id: string): Promise<void> {
    const row = await this.loadPolicy(id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'alerts:triage',
      row,
      policyContext('escalation.policy.delete', id),
    );
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('escalation_policies')
        .set({ deleted_at: now, updated_by: actor.id, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'escalation.policy.delete',
          outcome: 'success',
          tenant,
          target: { type: 'escalation_policy', id },
          details: { name: row!.name },
        },
        { within: trx },
      );
    });
  }

  /**
   * Escalates an alert the analysts have taken (acknowledged or in progress: it becomes a true positive; or a
   * true positive already, to escalate again, e.g. after a failed delivery or to another policy). Sends through
   * every channel of the policy with retries; a channel that fails is reported in the result, never thrown.
   */
  async escalate(actor: Actor, alertId: string, input: EscalateInput): Promise<EscalateResult> {
    const row = isRecordId(alertId)
      ? await this.deps.db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst()
      : undefined;
    const tenant = await permitFound(this.deps, actor, 'alerts:triage', row, {
      action: 'alert.escalate',
      target: { type: 'alert', id: alertId.slice(0, 80) },
      what: 'alert',
    });
    const assessment = checkReason(input.assessment, 'An assessment');
    const actions = checkActions(input.recommendedActions ?? []);
    const status = row!.status as AlertStatus;
    if (!ESCALATABLE.includes(status)) checkTransition(status, 'true_positive', alertId);
    const tags = await this.ruleTags(tenant, row!.rule_id);
    const policy = await this.choosePolicy(tenant, input.policyId, {
      severityLevel: row!.severity_level as EscalationPolicy['minSeverity'],
      kind: row!.kind,
      tags,
    });
    const settings = settingsOf(policy);

    if (status !== 'true_positive') {
      await this.alerts.transition(actor, alertId, 'true_positive', clip(`Escalated: ${assessment}`, 2000));
    }
    const { alert } = await this.alerts.get(actor, alertId);
    const place = await this.deps.db
      .selectFrom('tenants')
      .select(['id', 'name', 'time_zone'])
      .where('id', '=', tenant)
      .executeTakeFirst();
    const escalationId = newRecordId();
    const message = escalationMessage(
      {
        escalationId,
        alertId,
        rule: alert.rule,
        severity: alert.severity,
        tenant: { id: tenant, name: place?.name ?? tenant, timeZone: place?.time_zone ?? 'UTC' },
        entity: {
          host: alert.entity['host.name'] ?? null,
          user: alert.entity['user.name'] ?? null,
          sourceIp: alert.entity['source.ip'] ?? null,
          destinationIp: alert.entity['destination.ip'] ?? null,
        },
        firstSeen: alert.firstSeen,
        lastSeen: alert.lastSeen,
        findings: alert.findings,
        events: alert.events,
        assessment,
        recommendedActions: actions,
        analyst: actor.name,
        responseTargetMinutes: settings.responseTargetMinutes,
        ...(this.options.consoleUrl
          ? { link: `${this.options.consoleUrl.replace(/\/+$/, '')}/alerts/${alertId}` }
          : {}),
      },
      settings.language,
    );

    const channels = settings.channels.map((c) => this.channelOf(c, settings.contacts));
    const at = nowOf(this.deps);
    const deliveryIds = channels.map(() => newRecordId());
    for (const id of deliveryIds) this.inFlight.add(id);
    // Written before sending: a restart during the attempts leaves the deliveries in the outbox, retried later.
    await this.deps.db.transaction().execute(async (trx) => {
      await writeEscalation(trx, {
        id: escalationId,
        tenant,
        alertId,
        policyId: policy.id,
        at,
        actor,
        language: settings.language,
        assessment,
        recommendedActions: actions,
        deliveries: channels.map((c, i) => ({ id: deliveryIds[i]!, kind: c.kind, target: c.target })),
      });
      for (const [i, channel] of settings.channels.entries()) {
        await addToOutbox(
          trx,
          {
            deliveryId: deliveryIds[i]!,
            escalationId,
            channel,
            contacts: settings.contacts,
            message,
          },
          at,
          this.options.followUp,
        );
      }
    });
    let deliveries: Delivery[];
    try {
      deliveries = await Promise.all(
        channels.map(async (channel, i) => {
          const delivery = await deliver(channel, message, {
            ...this.options.retry,
            clock: () => nowOf(this.deps),
            ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
          });
          await recordAttempts(
            this.deps.db,
            deliveryIds[i]!,
            { ...delivery, delivered: delivery.status === 'delivered', retry: false },
            this.options.followUp,
          );
          return delivery;
        }),
      );
    } finally {
      for (const id of deliveryIds) this.inFlight.delete(id);
    }
    const escalation = (await readEscalations(this.deps.db, tenant, alertId, escalationId))[0]!;
    const outcome = escalation.status;
    const nothingThrough = deliveries.every((d) => d.status !== 'delivered');
    await this.deps.audit.record({
      actor,
      action: 'alert.escalate',
      outcome: nothingThrough ? 'failure' : 'success',
      tenant,
      target: { type: 'alert', id: alertId },
      details: {
        escalation: escalationId,
        policy: policy.id,
        status: outcome,
        deliveries: escalation.deliveries.map((d) => ({
          kind: d.kind,
          target: d.target,
          status: d.status,
          attempts: d.attempts,
        })),
      },
    });
    // The alert's history tells the analysts what was sent where, next to the status change.
    await this.alerts.comment(actor, alertId, historyText(policy.name, outcome, deliveries));
    return { escalation, alert: (await this.alerts.get(actor, alertId)).alert };
  }

  /** Starts the background retrier: pending deliveries (from before a restart too) are retried when due. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the retrier, waiting for a pass under way; deliveries still pending stay in the outbox. */
  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass?.catch(() => undefined);
  }

  /** One retrier pass: one attempt for each due pending delivery. The number of deliveries attempted. */
  async retryDue(): Promise<number> {
    const due = (await dueEntries(this.deps.db, nowOf(this.deps), RETRY_BATCH)).filter(
      (e) => !this.inFlight.has(e.deliveryId),
    );
    // Claimed before any await, so a pass running at the same time does not send them twice.
    for (const e of due) this.inFlight.add(e.deliveryId);
    await Promise.all(due.map((entry) => this.retryOne(entry)));
    return due.length;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.pass = this.retryDue();
      this.pass
        .catch((error: unknown) => this.options.onRetryError?.(error))
        .finally(() => {
          this.pass = undefined;
          if (this.running) this.schedule(this.options.retryPollMs ?? 15_000);
        });
    }, ms);
    this.timer.unref();
  }

  private async retryOne(entry: OutboxEntry): Promise<void> {
    try {
      const clock = () => nowOf(this.deps);
      const delivery = await deliver(this.channelOf(entry.channel, entry.contacts), entry.message, {
        attempts: 1,
        clock,
      });
      await recordAttempts(
        this.deps.db,
        entry.deliveryId,
        { ...delivery, delivered: delivery.status === 'delivered', retry: true },
        this.options.followUp,
      );
    } finally {
      this.inFlight.delete(entry.deliveryId);
    }
  }

  private channelOf(channel: ChannelSettings, contacts: readonly Contact[]) {
    return makeChannel(channel, {
      smtp: this.options.smtp,
      contacts,
      ...(this.options.attemptTimeoutMs !== undefined ? { timeoutMs: this.options.attemptTimeoutMs } : {}),
    });
  }

  /** The escalations of an alert with their delivery logs, newest first. */
  async listEscalations(actor: Actor, alertId: string): Promise<Escalation[]> {
    const row = isRecordId(alertId)
      ? await this.deps.db
          .selectFrom('alerts')
          .select(['id', 'tenant'])
          .where('id', '=', alertId)
          .executeTakeFirst()
      : undefined;
    const tenant = await permitFound(this.deps, actor, 'alerts:read', row, {
      action: 'alert.escalations.read',
      target: { type: 'alert', id: alertId.slice(0, 80) },
      what: 'alert',
    });
    return readEscalations(this.deps.db, tenant, alertId);
  }

  private async choosePolicy(
    tenant: TenantId,
    policyId: string | undefined,
    alert: Parameters<typeof policyMatches>[1],
  ): Promise<PolicyRow> {
    if (policyId !== undefined) {
      const row = await this.loadPolicy(policyId);
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

  /** The alert's rule tags, from its latest stored finding (alerts do not keep them). */
  private async ruleTags(tenant: string, ruleId: string): Promise<string[]> {
    const latest = await this.deps.db
      .selectFrom('findings')
      .select('detail')
      .where('tenant', '=', tenant)
      .where('rule_id', '=', ruleId)
      .orderBy('time', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return [];
    const detail = JSON.parse(latest.detail) as { tags?: unknown };
    return Array.isArray(detail.tags) ? detail.tags.filter((t): t is string => typeof t === 'string') : [];
  }

  private async loadPolicy(id: string): Promise<PolicyRow | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db
      .selectFrom('escalation_policies')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }
}

function policyContext(action: string, id: string) {
  return { action, target: { type: 'escalation_policy', id: id.slice(0, 80) }, what: 'escalation policy' };
}

function checkActions(actions: readonly string[]): string[] {
  if (!Array.isArray(actions) || actions.length > ACTIONS_MAX) {
    throw new YaguraError('REQUEST_INVALID', `At most ${ACTIONS_MAX} recommended actions`);
  }
  return actions.map((a) => {
    const v = typeof a === 'string' ? a.trim() : '';
    if (v.length === 0 || v.length > ACTION_CHARS_MAX) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `A recommended action needs 1 to ${ACTION_CHARS_MAX} characters`,
      );
    }
    return v;
  });
}

/** Webhook channels given without a secret take the stored one of the same URL. */
function keepSecrets(channels: readonly unknown[], before: ReturnType<typeof settingsOf>): unknown[] {
  return channels.map((c) => {
    if (typeof c !== 'object' || c === null) return c;
    const ch = c as { kind?: unknown; url?: unknown; secret?: unknown };
    if (ch.kind !== 'webhook' || ch.secret !== undefined) return c;
    const old = before.channels.find((o) => o.kind === 'webhook' && o.url === ch.url);
    return old && old.kind === 'webhook' ? { ...ch, secret: old.secret } : c;
  });
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
