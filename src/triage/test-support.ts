// Test fixtures for the triage services: the real state database (in memory) with two tenants, the real audit
// log, FindingsService feeding the alert stage, and builders for events and findings.
import type { Actor, Role } from '../access/actor.js';
import { accessFixture, type AccessFixture } from '../access/test-support.js';
import { AuditLog } from '../audit/audit-log.js';
import type { AuditEntry } from '../audit/types.js';
import type { Event, FieldValue } from '../core/event.js';
import { newEventId, type TenantId } from '../core/ids.js';
import type { Finding, FindingKind, IntelHit } from '../detect/finding.js';
import type { Level } from '../detect/sigma/rule.js';
import { FindingsService, type StoredFinding } from '../detection/findings-service.js';
import { openTriage, type Triage, type TriageOptions } from './triage-stage.js';

export const T0 = Date.parse('2025-04-01T00:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const RULE_A = '5f0b4c1e-1111-4a6e-9d7e-0a0000000001';
export const RULE_B = '5f0b4c1e-2222-4a6e-9d7e-0a0000000002';

export function testEvent(fields: Record<string, FieldValue>, extra: Partial<Event> = {}): Event {
  const time = extra.time ?? T0;
  return {
    id: newEventId(time),
    tenant: 'acme' as TenantId,
    time,
    receivedAt: time,
    logsource: { product: 'windows', category: 'process_creation' },
    fields,
    ...extra,
  };
}

export interface FindingSpec {
  tenant?: string;
  ruleId?: string;
  title?: string;
  level?: Level;
  kind?: FindingKind;
  time?: number;
  fields: Record<string, FieldValue>;
  matched?: Record<string, FieldValue>;
  intel?: IntelHit;
}

export function finding(spec: FindingSpec): Finding {
  const tenant = (spec.tenant ?? 'acme') as TenantId;
  const time = spec.time ?? T0;
  const event = testEvent(spec.fields, { tenant, time });
  return {
    kind: spec.kind ?? 'sigma',
    rule: {
      id: spec.ruleId ?? RULE_A,
      title: spec.title ?? 'Suspicious encoded PowerShell',
      level: spec.level ?? 'high',
      tags: ['attack.execution'],
    },
    tenant,
    time,
    events: [event],
    matched: spec.matched ?? {},
    ...(spec.intel ? { intel: spec.intel } : {}),
  };
}

export interface TriageFixture {
  access: AccessFixture;
  audit: AuditLog;
  clock: { now: number };
  findings: FindingsService;
  triage: Triage;
  cli: Actor;
  /** Signs in a user of the given role working in the given tenants. */
  user(name: string, role: Role, tenants: string[]): Promise<Actor>;
  /** Stores the findings (the alert stage sees them) and writes everything the stage has pending. */
  record(findings: Finding[]): Promise<StoredFinding[]>;
  /** Audit entries, oldest first, optionally those whose action starts with `prefix`. */
  auditEntries(prefix?: string): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export async function triageFixture(options: TriageOptions = {}): Promise<TriageFixture> {
  const access = await accessFixture();
  const { db, clock, cli } = access;
  await access.tenants.create(cli, { name: 'Acme', id: 'acme' });
  await access.tenants.create(cli, { name: 'Globex', id: 'globex' });
  const audit = new AuditLog(db, { now: () => clock.now });
  const known = (): TenantId[] => ['acme', 'globex'] as TenantId[];
  const deps = { db, audit, knownTenants: known, clock: () => clock.now };
  const triage = await openTriage(deps, { flushEveryMs: 60_000, ...options });
  const findings = new FindingsService(db, known, () => clock.now);
  triage.stage.attach(findings);
  return {
    access,
    audit,
    clock,
    findings,
    triage,
    cli,
    user: (name, role, tenants) => access.signIn(name, role, tenants),
    async record(list) {
      const stored = await findings.record(list);
      await triage.stage.flush();
      return stored;
    },
    async auditEntries(prefix) {
      const page = await audit.query({ tenants: 'all', limit: 1000, ...(prefix ? { action: prefix } : {}) });
      return page.entries.reverse();
    },
    async close() {
      await triage.stage.close();
      await access.close();
    },
  };
}
