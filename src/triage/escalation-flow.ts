// Escalating one alert: checks, the policy chosen, the message rendered, the escalation and its deliveries written
// (to the outbox too) before the first sends, then the sends with retries, the audit entry and the alert's history.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { Notification } from '../notify/channel.js';
import type { Delivery } from '../notify/deliver.js';
import { escalationMessage, type EscalationFacts } from '../notify/templates.js';
import type { Alert } from './alert-model.js';
import type { AlertService } from './alert-service.js';
import { attemptDelivery, channelFor, type DeliveryContext } from './escalation-delivery.js';
import {
  historyText,
  readEscalations,
  writeEscalation,
  type Escalation,
  type EscalationWrite,
} from './escalation-log.js';
import { addToOutbox } from './escalation-outbox.js';
import { settingsOf, type EscalationPolicy, type PolicySettings } from './escalation-policy.js';
import type { EscalationPolicyStore } from './escalation-policy-store.js';
import { alertRow, ruleTags, tenantPlace } from './escalation-records.js';
import { newRecordId, nowOf, permitFound } from './service-support.js';
import { checkReason, checkTransition, type AlertStatus } from './status.js';

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

export class EscalationFlow {
  constructor(
    private readonly ctx: DeliveryContext,
    private readonly alerts: AlertService,
    private readonly policies: EscalationPolicyStore,
  ) {}

  async escalate(actor: Actor, alertId: string, input: EscalateInput): Promise<EscalateResult> {
    const { deps } = this.ctx;
    const row = await alertRow(deps.db, alertId);
    const tenant = await permitFound(deps, actor, 'alerts:triage', row, {
      action: 'alert.escalate',
      target: { type: 'alert', id: alertId.slice(0, 80) },
      what: 'alert',
    });
    const assessment = checkReason(input.assessment, 'An assessment');
    const actions = checkActions(input.recommendedActions ?? []);
    const status = row!.status as AlertStatus;
    if (!ESCALATABLE.includes(status)) checkTransition(status, 'true_positive', alertId);
    const tags = await ruleTags(deps.db, tenant, row!.rule_id);
    const policy = await this.policies.choose(tenant, input.policyId, {
      severityLevel: row!.severity_level as EscalationPolicy['minSeverity'],
      kind: row!.kind,
      tags,
    });
    const settings = settingsOf(policy);

    if (status !== 'true_positive') {
      await this.alerts.transition(actor, alertId, 'true_positive', clip(`Escalated: ${assessment}`, 2000));
    }
    const { alert } = await this.alerts.get(actor, alertId);
    const place = await tenantPlace(deps.db, tenant);
    const escalationId = newRecordId();
    const message = escalationMessage(
      factsOf({
        escalationId,
        alertId,
        alert,
        place,
        assessment,
        actions,
        actor,
        settings,
        consoleUrl: this.ctx.options.consoleUrl,
      }),
      settings.language,
    );
    const deliveries = await this.writeAndSend(
      {
        id: escalationId,
        tenant,
        alertId,
        policyId: policy.id,
        actor,
        language: settings.language,
        assessment,
        recommendedActions: actions,
      },
      settings,
      message,
    );
    const escalation = (await readEscalations(deps.db, tenant, alertId, escalationId))[0]!;
    const outcome = escalation.status;
    const nothingThrough = deliveries.every((d) => d.status !== 'delivered');
    await deps.audit.record({
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

  /** Writes the escalation and its deliveries (to the outbox too), then sends each with the request's retries. */
  private async writeAndSend(
    record: Omit<EscalationWrite, 'at' | 'deliveries'>,
    settings: PolicySettings,
    message: Notification,
  ): Promise<Delivery[]> {
    const { deps, options, inFlight } = this.ctx;
    const channels = settings.channels.map((c) => channelFor(this.ctx, c, settings.contacts));
    const at = nowOf(deps);
    const deliveryIds = channels.map(() => newRecordId());
    for (const id of deliveryIds) inFlight.add(id);
    // Written before sending: a restart during the attempts leaves the deliveries in the outbox, retried later.
    await deps.db.transaction().execute(async (trx) => {
      await writeEscalation(trx, {
        ...record,
        at,
        deliveries: channels.map((c, i) => ({ id: deliveryIds[i]!, kind: c.kind, target: c.target })),
      });
      for (const [i, channel] of settings.channels.entries()) {
        await addToOutbox(
          trx,
          {
            deliveryId: deliveryIds[i]!,
            escalationId: record.id,
            channel,
            contacts: settings.contacts,
            message,
          },
          at,
          options.followUp,
        );
      }
    });
    try {
      return await Promise.all(
        channels.map((channel, i) =>
          attemptDelivery(this.ctx, deliveryIds[i]!, {
            channel,
            message,
            attempts: {
              ...options.retry,
              clock: () => nowOf(deps),
              ...(options.sleep ? { sleep: options.sleep } : {}),
            },
            retry: false,
          }),
        ),
      );
    } finally {
      for (const id of deliveryIds) inFlight.delete(id);
    }
  }
}

interface FactsInput {
  escalationId: string;
  alertId: string;
  alert: Alert;
  place: EscalationFacts['tenant'];
  assessment: string;
  actions: readonly string[];
  actor: Actor;
  settings: PolicySettings;
  /** The console's public address, when known. */
  consoleUrl: string | undefined;
}

/** What the message tells the customer. */
function factsOf(f: FactsInput): EscalationFacts {
  const { alert } = f;
  return {
    escalationId: f.escalationId,
    alertId: f.alertId,
    rule: alert.rule,
    severity: alert.severity,
    tenant: f.place,
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
    assessment: f.assessment,
    recommendedActions: f.actions,
    analyst: f.actor.name,
    responseTargetMinutes: f.settings.responseTargetMinutes,
    ...(f.consoleUrl ? { link: `${f.consoleUrl.replace(/\/+$/, '')}/alerts/${f.alertId}` } : {}),
  };
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

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
