// Retro-hunts run by the server: Sigma rules (or correlations) of the loaded rule sets, or rule text sent with the
// request, over the stored events of a time range, as background jobs with progress, results and cancellation.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { authorize, tenantScope } from '../access/permissions.js';
import type { AuditRecorder } from '../audit/types.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { findingCorrelator, loadMetaRules } from '../detect/correlate/index.js';
import type { Finding } from '../detect/finding.js';
import { retroHunt, type HuntProgress } from '../detect/retro-hunt.js';
import { loadRuleText, type LoadResult, type MetaDocument } from '../detect/sigma/loader.js';
import type { EventStore } from '../store/event-store.js';

/** Findings a job keeps for reading back; past it the hunt goes on counting but keeps no more. */
const MAX_KEPT = 10_000;
/** Finished jobs kept for reading back. */
const MAX_JOBS = 50;

export interface HuntRequest {
  /** Ids (or names) of rules or correlations in the loaded rule sets. */
  rules?: string[];
  /** Sigma YAML (rules, correlations), instead of or besides `rules`. */
  ruleText?: string;
  tenants?: string[];
  from: number;
  to: number;
}

export interface HuntJob {
  id: string;
  createdBy: string;
  createdAt: number;
  tenants: string[];
  from: number;
  to: number;
  rules: { id: string; title: string }[];
  correlations: number;
  progress: HuntProgress;
  finishedAt?: number;
  error?: string;
  /** Findings kept (the first MAX_KEPT); `progress.findings` counts them all. */
  kept: number;
}

interface Running {
  job: HuntJob;
  findings: Finding[];
  controller: AbortController;
}

function idsOf(meta: MetaDocument): string[] {
  const d = meta.document;
  return [d['id'], d['name']].filter((v): v is string => typeof v === 'string');
}

/** The rules a request names from the loaded sets: rules by id or name, correlations with the rules they count. */
export function selectRules(loaded: readonly LoadResult[], wanted: readonly string[]): LoadResult {
  const rules = loaded.flatMap((l) => l.rules);
  const meta = loaded.flatMap((l) => l.meta).filter((m) => 'correlation' in m.document);
  const picked: LoadResult = { rules: [], problems: [], meta: [] };
  const seen = new Set<string>();
  const add = (ref: string): boolean => {
    if (seen.has(ref)) return true;
    seen.add(ref);
    const rule = rules.find((r) => r.id === ref || r.name === ref);
    if (rule) {
      picked.rules.push(rule);
      return true;
    }
    const correlation = meta.find((m) => idsOf(m).includes(ref));
    if (!correlation) return false;
    picked.meta.push(correlation);
    const inner = (correlation.document['correlation'] as { rules?: unknown } | undefined)?.rules;
    for (const r of Array.isArray(inner) ? inner : []) if (typeof r === 'string') add(r);
    return true;
  };
  const unknown = wanted.filter((ref) => !add(ref));
  if (unknown.length > 0) {
    throw new YaguraError(
      'NOT_FOUND',
      `No loaded rule or correlation has the id or name ${unknown.join(', ')}`,
      {
        rules: unknown,
      },
    );
  }
  return picked;
}

export class HuntService {
  private readonly jobs = new Map<string, Running>();

  constructor(
    private readonly deps: {
      store: EventStore;
      /** The loaded rule sets (from DetectionService). */
      loaded: () => readonly LoadResult[];
      knownTenants: () => readonly TenantId[];
      audit: AuditRecorder;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Starts a hunt in the background and returns its job at once. Needs events:read in each tenant hunted. */
  async start(actor: Actor, request: HuntRequest): Promise<HuntJob> {
    const scope = tenantScope(actor, request.tenants, this.deps.knownTenants());
    for (const t of scope) authorize(actor, 'events:read', t);
    if (!(request.from < request.to)) {
      throw new YaguraError('TIME_INVALID', 'The hunt range must end after it starts', {});
    }
    const parts: LoadResult[] = [];
    if (request.rules && request.rules.length > 0) parts.push(selectRules(this.deps.loaded(), request.rules));
    if (request.ruleText) {
      const text = loadRuleText(request.ruleText, 'request');
      if (text.problems.length > 0) {
        const p = text.problems[0]!;
        throw new YaguraError(
          'RULE_INVALID',
          `The rule text has a problem at line ${p.line ?? '?'}: ${p.message}`,
          {
            problems: text.problems,
          },
        );
      }
      parts.push(text);
    }
    const loaded: LoadResult = {
      rules: parts.flatMap((p) => p.rules),
      problems: [],
      meta: parts.flatMap((p) => p.meta),
    };
    if (loaded.rules.length === 0) {
      throw new YaguraError(
        'REQUEST_INVALID',
        'Name at least one rule (rules) or send rule text (ruleText)',
        {},
      );
    }
    const meta = loadMetaRules(loaded);
    if (meta.problems.length > 0) {
      throw new YaguraError('RULE_INVALID', `A correlation cannot run: ${meta.problems[0]!.message}`, {
        problems: meta.problems,
      });
    }
    const correlate = findingCorrelator(meta.correlations);
    const job: HuntJob = {
      id: randomUUID(),
      createdBy: actor.id,
      createdAt: this.now(),
      tenants: [...scope],
      from: request.from,
      to: request.to,
      rules: loaded.rules.map((r) => ({ id: r.id ?? r.name ?? r.title, title: r.title })),
      correlations: meta.correlations.correlations.length,
      progress: { state: 'running', fraction: 0, through: request.from, eventsExamined: 0, findings: 0 },
      kept: 0,
    };
    const running: Running = { job, findings: [], controller: new AbortController() };
    this.jobs.set(job.id, running);
    this.forgetOld();
    await this.deps.audit.record({
      actor,
      action: 'hunt.start',
      outcome: 'success',
      target: { type: 'hunt', id: job.id },
      details: { tenants: job.tenants, from: job.from, to: job.to, rules: job.rules.map((r) => r.id) },
    });
    const run = retroHunt({
      store: this.deps.store,
      scope: { tenants: scope, from: request.from, to: request.to },
      rules: loaded.rules,
      signal: running.controller.signal,
      onProgress: (p) => (job.progress = p),
      ...(correlate ? { correlate } : {}),
    });
    void (async () => {
      try {
        for (;;) {
          const next = await run.next();
          if (next.done) {
            job.progress = { ...job.progress, state: next.value.state, findings: next.value.findings };
            break;
          }
          if (running.findings.length < MAX_KEPT) running.findings.push(next.value);
          job.kept = running.findings.length;
        }
      } catch (error) {
        job.error = (error as Error).message;
        job.progress = { ...job.progress, state: 'aborted' };
      } finally {
        job.finishedAt = this.now();
      }
    })();
    return job;
  }

  private mine(actor: Actor, id: string): Running {
    const running = this.jobs.get(id);
    // Another user's hunt reads as unknown unless one may read all its tenants.
    if (
      !running ||
      !running.job.tenants.every((t) => actor.tenants === 'all' || actor.tenants.includes(t as TenantId))
    ) {
      throw new YaguraError('NOT_FOUND', `No hunt ${id}`, { hunt: id });
    }
    for (const t of running.job.tenants) authorize(actor, 'events:read', t as TenantId);
    return running;
  }

  get(actor: Actor, id: string): HuntJob {
    return this.mine(actor, id).job;
  }

  list(actor: Actor): HuntJob[] {
    return [...this.jobs.values()]
      .filter((r) =>
        r.job.tenants.every((t) => actor.tenants === 'all' || actor.tenants.includes(t as TenantId)),
      )
      .map((r) => r.job)
      .reverse();
  }

  findings(actor: Actor, id: string, offset: number, limit: number): { findings: Finding[]; total: number } {
    const running = this.mine(actor, id);
    return { findings: running.findings.slice(offset, offset + limit), total: running.findings.length };
  }

  async cancel(actor: Actor, id: string): Promise<HuntJob> {
    const running = this.mine(actor, id);
    running.controller.abort();
    await this.deps.audit.record({
      actor,
      action: 'hunt.cancel',
      outcome: 'success',
      target: { type: 'hunt', id },
    });
    return running.job;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((r) => r.job.finishedAt !== undefined);
    for (const r of finished.slice(0, Math.max(0, finished.length - MAX_JOBS))) this.jobs.delete(r.job.id);
  }

  cancelAll(): void {
    for (const r of this.jobs.values()) r.controller.abort();
  }
}
