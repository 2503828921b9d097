// The open alert groups in memory: which alert a finding joins (same tenant, rule and entity, within the window) or
// whether it starts a new one. No I/O: the alert stage writes what changed.
import type { Event } from '../core/event.js';
import type { Level } from '../detect/sigma/rule.js';
import { groupKey, type Entity } from './entity.js';
import { severityOf, UNKNOWN_CRITICALITY, type Severity } from './severity.js';

export interface OpenAlert {
  id: string;
  tenant: string;
  ruleId: string;
  ruleTitle: string;
  level: Level;
  kind: string;
  /** The group key as stored (tenant, rule, entity); see groupKey(). */
  key: string;
  /** The entity part of the key, as the in-memory index uses it. */
  entityKey: string;
  entity: Entity;
  windowStart: number;
  windowEnd: number;
  firstSeen: number;
  lastSeen: number;
  findings: number;
  events: number;
  intelHits: number;
  firstSamples: string[];
  lastSamples: string[];
  criticality: number;
  assetIds: string[];
  severity: Severity;
  createdAt: number;
  /** Wall-clock time of the last finding it took, for dropping idle groups from memory. */
  touchedAt: number;
}

export interface Placement {
  tenant: string;
  ruleId: string;
  ruleTitle: string;
  level: Level;
  kind: string;
  time: number;
  eventIds: readonly string[];
  intel: boolean;
  entity: Entity;
  /** entityKey(entity). */
  entityKey: string;
  firstEvent: Event | undefined;
}

export interface Assessment {
  /** 1-5, undefined when no rated asset is known. */
  criticality?: number;
  assetIds: string[];
}

export interface OpenAlertsOptions {
  windowMs: (tenant: string) => number;
  newId: () => string;
  /** The assets behind a new alert's entity (called once per alert, not per finding). */
  assess: (placement: Placement) => Assessment;
}

export const SAMPLE_FIRST = 5;
export const SAMPLE_LAST = 5;
// Alerts kept per group key: the current window and a few older ones, for findings that arrive late.
const MAX_PER_KEY = 8;

/**
 * A new alert's window is [time of its first finding, + window). A finding joins the alert of its key whose window
 * holds its time; failing that, one whose window starts less than a window after it (a late finding of the same
 * burst, which moves first seen back); failing that, it starts a new alert. Only open alerts (new, acknowledged,
 * in progress) are here: a finding of an entity whose alert was resolved starts a new one.
 */
export class OpenAlerts {
  // tenant -> rule id -> entity key -> alerts, newest window first. Nested maps spare building one long key string
  // per finding: tenant and rule id strings come from the finding, with their hashes already computed.
  private readonly groups = new Map<string, Map<string, Map<string, OpenAlert[]>>>();
  private readonly byId = new Map<string, OpenAlert>();

  constructor(private readonly options: OpenAlertsOptions) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): OpenAlert | undefined {
    return this.byId.get(id);
  }

  place(p: Placement, now: number): { alert: OpenAlert; created: boolean } {
    const list = this.groups.get(p.tenant)?.get(p.ruleId)?.get(p.entityKey);
    const found = list ? pick(list, p.time, this.options.windowMs(p.tenant)) : undefined;
    if (found) {
      join(found, p, now);
      return { alert: found, created: false };
    }
    const alert = this.create(p, now);
    this.add(alert);
    return { alert, created: true };
  }

  /** Puts back an alert read from the database (at start-up). */
  restore(alert: OpenAlert): void {
    this.add(alert);
  }

  /** Forgets an alert (resolved or closed): the next finding of its key starts a new alert. */
  close(id: string): void {
    const alert = this.byId.get(id);
    if (!alert) return;
    this.byId.delete(id);
    const rules = this.groups.get(alert.tenant);
    const entities = rules?.get(alert.ruleId);
    const rest = (entities?.get(alert.entityKey) ?? []).filter((a) => a.id !== id);
    if (rest.length > 0) entities!.set(alert.entityKey, rest);
    else {
      entities?.delete(alert.entityKey);
      if (entities?.size === 0) rules!.delete(alert.ruleId);
      if (rules?.size === 0) this.groups.delete(alert.tenant);
    }
  }

  /** Drops alerts that took no finding for a whole window of wall-clock time; returns how many. */
  sweep(now: number): number {
    let dropped = 0;
    for (const alert of [...this.byId.values()]) {
      if (now - alert.touchedAt > this.options.windowMs(alert.tenant)) {
        this.close(alert.id);
        dropped++;
      }
    }
    return dropped;
  }

  private add(alert: OpenAlert): void {
    this.byId.set(alert.id, alert);
    let rules = this.groups.get(alert.tenant);
    if (!rules) this.groups.set(alert.tenant, (rules = new Map()));
    let entities = rules.get(alert.ruleId);
    if (!entities) rules.set(alert.ruleId, (entities = new Map()));
    const list = entities.get(alert.entityKey);
    if (!list) {
      entities.set(alert.entityKey, [alert]);
      return;
    }
    list.push(alert);
    list.sort((a, b) => b.windowStart - a.windowStart);
    while (list.length > MAX_PER_KEY) this.byId.delete(list.pop()!.id);
  }

  private create(p: Placement, now: number): OpenAlert {
    const window = this.options.windowMs(p.tenant);
    const assessment = this.options.assess(p);
    const intelHits = p.intel ? 1 : 0;
    return {
      id: this.options.newId(),
      tenant: p.tenant,
      ruleId: p.ruleId,
      ruleTitle: p.ruleTitle,
      level: p.level,
      kind: p.kind,
      key: groupKey(p.tenant, p.ruleId, p.entity),
      entityKey: p.entityKey,
      entity: p.entity,
      windowStart: p.time,
      windowEnd: p.time + window,
      firstSeen: p.time,
      lastSeen: p.time,
      findings: 1,
      events: p.eventIds.length,
      intelHits,
      firstSamples: p.eventIds.slice(0, SAMPLE_FIRST),
      lastSamples: [],
      criticality: assessment.criticality ?? UNKNOWN_CRITICALITY,
      assetIds: assessment.assetIds,
      severity: severityOf({
        level: p.level,
        intelHits,
        ...(assessment.criticality !== undefined ? { criticality: assessment.criticality } : {}),
      }),
      createdAt: now,
      touchedAt: now,
    };
  }
}

function pick(list: readonly OpenAlert[], time: number, window: number): OpenAlert | undefined {
  for (const a of list) if (time >= a.windowStart && time < a.windowEnd) return a;
  for (const a of list) if (time < a.windowStart && a.windowStart - time < window) return a;
  return undefined;
}

function join(alert: OpenAlert, p: Placement, now: number): void {
  alert.findings++;
  alert.events += p.eventIds.length;
  if (p.time < alert.firstSeen) alert.firstSeen = p.time;
  if (p.time > alert.lastSeen) alert.lastSeen = p.time;
  if (p.intel && alert.intelHits++ === 0) {
    alert.severity = severityOf({ level: alert.level, intelHits: 1, criticality: alert.criticality });
  }
  for (const id of p.eventIds) {
    if (alert.firstSamples.length < SAMPLE_FIRST) alert.firstSamples.push(id);
    else {
      alert.lastSamples.push(id);
      if (alert.lastSamples.length > SAMPLE_LAST) alert.lastSamples.shift();
    }
  }
  alert.touchedAt = now;
}

/** The sample event ids as stored: the first ones, then the latest ones. */
export function samplesOf(alert: OpenAlert): string[] {
  return [...alert.firstSamples, ...alert.lastSamples.filter((id) => !alert.firstSamples.includes(id))];
}
