// Retention for the embedded store: drop the oldest day files by age, by total size and to keep a free-space reserve.
import type { TenantId } from '../../core/ids.js';
import type { EventStore } from '../event-store.js';
import { DAY_MS, dayStart } from './layout.js';

export interface RetentionPolicy {
  /** Days of events kept: a day file goes once it ends more than this many days ago. */
  maxAgeDays: number;
  /** Largest total size of the day files (WAL files included); 0 means no limit. */
  maxTotalBytes: number;
  /** Free space kept in reserve: below it old days are pruned, then appends are refused. */
  minFreeBytes: number;
  /** How often `start()` enforces the policy. Default 60. */
  checkIntervalSeconds?: number;
}

/** The part of a pino logger retention uses. */
export interface RetentionLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RetentionReport {
  /** Day files removed, oldest first. */
  prunedDays: string[];
  prunedEvents: number;
  totalBytes: number;
  freeBytes: number;
  /** Free space is still below the reserve after pruning: appends are being refused. */
  diskLow: boolean;
  /** Events deleted under tenants' own, shorter retention, by tenant. */
  purgedByTenant: Record<string, number>;
}

/** The store operations retention needs, plus the reserve it shares with appends. */
export interface RetainedStore extends Pick<EventStore, 'stats' | 'prune' | 'purgeTenant'> {
  minFreeBytes: number;
}

/** Tenants whose own retention (days) is shorter than the store's; read at each enforcement, so changes apply. */
export type TenantRetention = () => Promise<ReadonlyMap<TenantId, number>>;

export class RetentionEnforcer {
  private timer: NodeJS.Timeout | undefined;
  private last: RetentionReport | undefined;

  constructor(
    private readonly store: RetainedStore,
    private readonly policy: RetentionPolicy,
    private readonly logger?: RetentionLogger,
    private readonly tenantRetention?: TenantRetention,
  ) {
    // Appends refuse below the same reserve that retention reports on.
    store.minFreeBytes = policy.minFreeBytes;
  }

  /** Prunes until the store is within age and size, then frees space down to the newest day if the disk is low. */
  async enforce(now: number = Date.now()): Promise<RetentionReport> {
    const report: RetentionReport = {
      prunedDays: [],
      prunedEvents: 0,
      totalBytes: 0,
      freeBytes: 0,
      diskLow: false,
      purgedByTenant: {},
    };
    const dropOldest = async (partitions: { name: string }[]): Promise<void> => {
      const oldest = partitions.shift();
      if (!oldest) return;
      report.prunedEvents += await this.store.prune(dayStart(oldest.name) + DAY_MS);
      report.prunedDays.push(oldest.name);
    };

    let stats = await this.store.stats();
    const cutoff = now - this.policy.maxAgeDays * DAY_MS;
    const expired = stats.partitions.filter((p) => dayStart(p.name) + DAY_MS <= cutoff);
    if (expired.length > 0) {
      report.prunedEvents += await this.store.prune(cutoff);
      report.prunedDays.push(...expired.map((p) => p.name));
      stats = await this.store.stats();
    }

    for (const [tenant, days] of (await this.tenantRetention?.()) ?? []) {
      if (days >= this.policy.maxAgeDays) continue;
      const purged = await this.store.purgeTenant(tenant, now - days * DAY_MS);
      if (purged > 0) report.purgedByTenant[tenant] = purged;
    }

    // The newest day is never dropped for size or space: it is the one being written.
    const partitions = [...stats.partitions];
    let total = stats.bytes;
    while (this.policy.maxTotalBytes > 0 && total > this.policy.maxTotalBytes && partitions.length > 1) {
      total -= partitions[0]?.bytes ?? 0;
      await dropOldest(partitions);
    }
    stats = await this.store.stats();
    while ((stats.freeBytes ?? Infinity) < this.policy.minFreeBytes && partitions.length > 1) {
      await dropOldest(partitions);
      stats = await this.store.stats();
    }

    report.totalBytes = stats.bytes;
    report.freeBytes = stats.freeBytes ?? 0;
    report.diskLow = report.freeBytes < this.policy.minFreeBytes;
    this.last = report;
    this.log(report);
    return report;
  }

  /** Total bytes of the day files at the last enforcement (0 before the first). */
  lastKnownBytes(): number {
    return this.last?.totalBytes ?? 0;
  }

  /** Enforces now and then every `checkIntervalSeconds`; `onReport` sees each report or error. */
  start(onReport: (report: RetentionReport | Error) => void = () => {}): void {
    if (this.timer) return;
    let running = false;
    const tick = (): void => {
      if (running) return;
      running = true;
      this.enforce()
        .then(onReport, (e: unknown) => {
          const error = e instanceof Error ? e : new Error(String(e));
          this.logger?.error({ err: error }, 'Retention could not be enforced.');
          onReport(error);
        })
        .finally(() => {
          running = false;
        });
    };
    tick();
    this.timer = setInterval(tick, (this.policy.checkIntervalSeconds ?? 60) * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private log(report: RetentionReport): void {
    if (!this.logger) return;
    if (report.prunedDays.length > 0) {
      this.logger.info(
        { days: report.prunedDays, events: report.prunedEvents },
        'Retention removed old day files.',
      );
    }
    if (Object.keys(report.purgedByTenant).length > 0) {
      this.logger.info(
        { events: report.purgedByTenant },
        "Retention removed events past their tenant's own retention.",
      );
    }
    if (report.diskLow) {
      this.logger.error(
        { freeBytes: report.freeBytes, minFreeBytes: this.policy.minFreeBytes },
        'Free disk space is below the reserve; new events are refused until space is freed.',
      );
    }
  }
}
