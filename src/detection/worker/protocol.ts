// Messages between the server and its detection workers.
import type { Event } from '../../core/event.js';
import type { Finding } from '../../detect/finding.js';
import type { DetectionConfig } from '../config.js';

/** Rule sets switched per tenant: tenant -> rule set id -> enabled. */
export type TenantSettings = [string, [string, boolean][]][];

export type ToWorker =
  | { kind: 'load'; id: number; config: DetectionConfig; settings: TenantSettings }
  | { kind: 'settings'; settings: TenantSettings }
  | { kind: 'batch'; id: number; events: Event[] };

export type FromWorker =
  | { kind: 'loaded'; id: number; status: import('../../detect/engine.js').EngineStatus; problems: number }
  | { kind: 'findings'; id: number; findings: Finding[] }
  | { kind: 'failed'; id: number; message: string };
