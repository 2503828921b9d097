// Escalation: per-tenant policies (CRUD, audited) and escalating a true positive to the customer through the
// policy's channels, with retries, a delivery log per channel and an entry in the alert's history; deliveries not
// through when the request's retries end are retried later by a background retrier (the outbox). The parts live in
// escalation-policy-store.ts, escalation-flow.ts, escalation-retrier.ts and escalation-records.ts.
import type { Actor } from '../access/actor.js';
import type { AlertService } from './alert-service.js';
import type { DeliveryContext } from './escalation-delivery.js';
import { EscalationFlow, type EscalateInput, type EscalateResult } from './escalation-flow.js';
import type { Escalation } from './escalation-log.js';
import type { EscalationServiceOptions } from './escalation-options.js';
import type { EscalationPolicy, PolicyChange, PolicyInput } from './escalation-policy.js';
import { EscalationPolicyStore } from './escalation-policy-store.js';
import { alertEscalations } from './escalation-records.js';
import { EscalationRetrier } from './escalation-retrier.js';
import type { TriageDeps } from './service-support.js';

export type { EscalationPolicy, PolicyInput } from './escalation-policy.js';
export type { DeliveryRecord, Escalation } from './escalation-log.js';
export type { FollowUpPolicy } from './escalation-outbox.js';
export type { EscalationServiceOptions } from './escalation-options.js';
export type { EscalateInput, EscalateResult } from './escalation-flow.js';

export class EscalationService {
  private readonly deps: TriageDeps;
  private readonly policies: EscalationPolicyStore;
  private readonly flow: EscalationFlow;
  private readonly retrier: EscalationRetrier;

  constructor(deps: TriageDeps, alerts: AlertService, options: EscalationServiceOptions = {}) {
    // One set of deliveries being attempted, shared by requests and the retrier so neither sends one twice.
    const ctx: DeliveryContext = { deps, options, inFlight: new Set<string>() };
    this.deps = deps;
    this.policies = new EscalationPolicyStore(deps);
    this.flow = new EscalationFlow(ctx, alerts, this.policies);
    this.retrier = new EscalationRetrier(ctx);
  }

  listPolicies(actor: Actor, tenants?: readonly string[]): Promise<EscalationPolicy[]> {
    return this.policies.list(actor, tenants);
  }

  getPolicy(actor: Actor, id: string): Promise<EscalationPolicy> {
    return this.policies.get(actor, id);
  }

  createPolicy(actor: Actor, tenant: string, input: PolicyInput): Promise<EscalationPolicy> {
    return this.policies.create(actor, tenant, input);
  }

  /**
   * Changes the given settings of a policy. A webhook channel given without its secret keeps the secret of the
   * policy's webhook channel with the same URL.
   */
  updatePolicy(actor: Actor, id: string, changes: PolicyChange): Promise<EscalationPolicy> {
    return this.policies.update(actor, id, changes);
  }

  /** Removes a policy; past escalations keep naming it. */
  deletePolicy(actor: Actor, id: string): Promise<void> {
    return this.policies.remove(actor, id);
  }

  /**
   * Escalates an alert the analysts have taken (acknowledged or in progress: it becomes a true positive; or a
   * true positive already, to escalate again, e.g. after a failed delivery or to another policy). Sends through
   * every channel of the policy with retries; a channel that fails is reported in the result, never thrown.
   */
  escalate(actor: Actor, alertId: string, input: EscalateInput): Promise<EscalateResult> {
    return this.flow.escalate(actor, alertId, input);
  }

  /** Starts the background retrier: pending deliveries (from before a restart too) are retried when due. */
  start(): void {
    this.retrier.start();
  }

  /** Stops the retrier, waiting for a pass under way; deliveries still pending stay in the outbox. */
  close(): Promise<void> {
    return this.retrier.close();
  }

  /** One retrier pass: one attempt for each due pending delivery. The number of deliveries attempted. */
  retryDue(): Promise<number> {
    return this.retrier.retryDue();
  }

  /** The escalations of an alert with their delivery logs, newest first. */
  listEscalations(actor: Actor, alertId: string): Promise<Escalation[]> {
    return alertEscalations(this.deps, actor, alertId);
  }
}
