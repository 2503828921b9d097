// Composes the triage services and runs them as the server's alert stage: every batch FindingsService stores goes
// through assets (learning), the allow-list and grouping in memory; writes follow in batches.
import type { RecordedFinding } from '../detection/findings-service.js';
import { AlertService, type AlertServiceOptions } from './alert-service.js';
import { AllowlistService } from './allowlist-service.js';
import { AssetService } from './asset-service.js';
import { MetricsService, type EventCounter } from './metrics-service.js';
import type { TriageDeps } from './service-support.js';

const RETRY_MS = 5000;

export interface TriageOptions extends Pick<AlertServiceOptions, 'windowMs' | 'targets'> {
  countEvents?: EventCounter;
  /** Longest wait before pending writes go out (default 250 ms). */
  flushEveryMs?: number;
  /** Pending findings that start a write at once (default 5000). */
  flushAt?: number;
  /** A failed background write (it is retried with the next). */
  onError?: (error: unknown) => void;
}

export interface Triage {
  alerts: AlertService;
  allowlist: AllowlistService;
  assets: AssetService;
  metrics: MetricsService;
  stage: TriageStage;
  /** Allow-list rules whose conditions no longer compile (skipped). */
  problems: { id: string; message: string }[];
}

/** Creates the services, loads the allow-list, the inventory and the open alerts. */
export async function openTriage(deps: TriageDeps, options: TriageOptions = {}): Promise<Triage> {
  const allowlist = new AllowlistService(deps);
  const assets = new AssetService(deps);
  const alerts = new AlertService(deps, {
    ...(options.windowMs ? { windowMs: options.windowMs } : {}),
    ...(options.targets ? { targets: options.targets } : {}),
    suppressor: allowlist,
    assessor: assets,
    assetsOf: (tenant, entity) => assets.assetsFor(tenant, entity),
  });
  const problems = await allowlist.open();
  await assets.open();
  await alerts.open();
  const metrics = new MetricsService(deps, options.countEvents);
  const stage = new TriageStage(alerts, allowlist, assets, options);
  return { alerts, allowlist, assets, metrics, stage, problems };
}

export class TriageStage {
  private timer: NodeJS.Timeout | undefined;
  private detach: (() => void) | undefined;
  private readonly flushEveryMs: number;
  private readonly flushAt: number;

  constructor(
    private readonly alerts: AlertService,
    private readonly allowlist: AllowlistService,
    private readonly assets: AssetService,
    private readonly options: Pick<TriageOptions, 'flushEveryMs' | 'flushAt' | 'onError'> = {},
  ) {
    this.flushEveryMs = options.flushEveryMs ?? 250;
    this.flushAt = options.flushAt ?? 5000;
  }

  /** Subscribes to the findings service; returns the unsubscribe. */
  attach(findings: {
    onRecorded(listener: (batch: readonly RecordedFinding[]) => void): () => void;
  }): () => void {
    this.detach = findings.onRecorded((batch) => this.ingest(batch));
    return this.detach;
  }

  ingest(batch: readonly RecordedFinding[]): void {
    for (const f of batch) this.assets.learn(f.events);
    this.alerts.ingest(batch);
    if (this.alerts.pending >= this.flushAt) this.flushInBackground();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flushInBackground(), this.flushEveryMs);
      this.timer.unref();
    }
  }

  /**
   * Writes what is pending: alerts and triage marks, allow-list hits, asset sightings. Background flushes pass
   * `all: false`, which lets counter updates of stored alerts wait up to a second.
   */
  async flush(all = true): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.alerts.flush(all);
    await this.allowlist.flush();
    await this.assets.flush();
  }

  async close(): Promise<void> {
    this.detach?.();
    this.detach = undefined;
    await this.flush();
  }

  private flushInBackground(): void {
    this.flush(false).catch((error: unknown) => {
      this.options.onError?.(error);
      // What failed is kept: try again later even if no finding comes to start a write.
      if (!this.timer && this.detach) {
        this.timer = setTimeout(() => this.flushInBackground(), RETRY_MS);
        this.timer.unref();
      }
    });
  }
}
