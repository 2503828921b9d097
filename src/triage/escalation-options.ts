// The escalation service's options: how deliveries are sent and retried, and where messages link to.
import type { RetryPolicy } from '../notify/deliver.js';
import type { SmtpSettings } from '../notify/email.js';
import type { FollowUpPolicy } from './escalation-outbox.js';

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
