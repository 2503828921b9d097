// Runs detection inside the server: loads the configured rule sets and indicator files, keeps the engine, swaps
// in a new one when rules change (no restart), and records which rule sets each tenant runs.
import { watch, type FSWatcher } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import { authorize } from '../access/permissions.js';
import type { AuditRecorder } from '../audit/types.js';
import { YaguraError } from '../core/errors.js';
import type { Event } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import { DetectionEngine, type EngineStatus } from '../detect/engine.js';
import type { Finding } from '../detect/finding.js';
import type { LoadResult, RuleProblem } from '../detect/sigma/loader.js';
import { loadMetaRules } from '../detect/correlate/index.js';
import type { ImportProblem, IndicatorSet } from '../detect/intel/indicator.js';
import { loadIndicatorFile } from '../detect/intel/load.js';
import { enabledRuleSets, loadDetectionContent, type IntelProblem } from './content.js';
import { IntelFiles, type ImportedIntel } from './intel-files.js';
import { DetectionPool } from './worker/detection-pool.js';
import type { TenantSettings } from './worker/protocol.js';
import type { StateTables } from '../state/tables.js';
import type { DetectionConfig } from './config.js';

export interface DetectionStatus extends EngineStatus {
  enabled: boolean;
  /** Worker threads running the rules (0: the server's main thread). */
  workers: number;
  loadedAt: number;
  loadSeconds: number;
  problems: RuleProblem[];
  intelProblems: IntelProblem[];
}

export interface IntelSetInfo {
  id: string;
  name: string;
  source: string;
  importedAt: number;
  indicators: number;
}

function setInfo(set: IndicatorSet): IntelSetInfo {
  const { id, name, source, importedAt } = set;
  return { id, name, source, importedAt, indicators: set.indicators.length };
}

export interface TenantRuleSet {
  ruleSet: string;
  enabled: boolean;
  /** Whether the tenant has its own setting (else the set's default applies). */
  own: boolean;
}

export class DetectionService {
  private engine: DetectionEngine;
  private settings = new Map<string, Map<string, boolean>>();
  private loadedAt = 0;
  private loadSeconds = 0;
  private intelProblems: IntelProblem[] = [];
  private watchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private pool: DetectionPool | undefined;
  private intelFiles: IntelFiles | undefined;
  /** Correlation and filter problems of the loaded rule sets, worked out once per load. */
  private metaProblems: RuleProblem[] = [];

  private constructor(
    private readonly config: DetectionConfig,
    private readonly db: Kysely<StateTables>,
    private readonly audit: AuditRecorder,
    private readonly logger: Logger,
  ) {
    this.engine = new DetectionEngine({ ruleSets: [], intel: [] });
  }

  static async open(
    config: DetectionConfig,
    deps: {
      db: Kysely<StateTables>;
      audit: AuditRecorder;
      logger: Logger;
      /** Where sets imported through the API are kept (<dataDir>/intel); none when absent. */
      intelDir?: string;
    },
  ): Promise<DetectionService> {
    const service = new DetectionService(config, deps.db, deps.audit, deps.logger);
    if (deps.intelDir) service.intelFiles = new IntelFiles(deps.intelDir);
    if (config.enabled && config.workers > 0) service.pool = new DetectionPool(config.workers);
    await service.readSettings();
    await service.load();
    if (config.watch) service.watchFiles();
    return service;
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  /** The findings of a batch (see DetectionEngine.process), from the workers when there are; none when off. */
  async process(events: readonly Event[]): Promise<Finding[]> {
    if (!this.config.enabled) return [];
    return this.pool ? this.pool.process(events) : this.engine.process(events);
  }

  private enabledFor = (tenant: TenantId): string[] =>
    enabledRuleSets(this.engine.content.ruleSets, this.settings, tenant);

  private async load(): Promise<void> {
    const started = performance.now();
    // Imported sets join the configured ones; the workers get the same list.
    const config = {
      ...this.config,
      intel: [...this.config.intel, ...((await this.intelFiles?.list()) ?? [])],
    };
    const content = await loadDetectionContent(config);
    this.engine = new DetectionEngine(
      { ruleSets: content.ruleSets, intel: content.intel, mappings: this.config.fieldMappings },
      this.enabledFor,
    );
    this.intelProblems = content.intelProblems;
    this.metaProblems = content.ruleSets.flatMap((s) => loadMetaRules(s.loaded).problems);
    // Workers compile the rules themselves; this thread keeps them loaded for status and settings only.
    await this.pool?.load(config, this.settingsList());
    this.loadedAt = Date.now();
    this.loadSeconds = (performance.now() - started) / 1000;
    const status = this.engine.status();
    this.logger.info(
      {
        ruleSets: status.ruleSets.map((s) => `${s.id}:${s.rules}`),
        problems: status.ruleSets.reduce((n, s) => n + s.problems, 0),
        indicators: status.indicators,
        seconds: Number(this.loadSeconds.toFixed(2)),
      },
      'Detection rules and indicators loaded.',
    );
  }

  /** Loads rules and indicators again and swaps the engine in; correlation state starts afresh. */
  async reload(actor?: Actor): Promise<DetectionStatus> {
    if (actor) authorize(actor, 'detection:manage');
    this.reloading ??= this.load().finally(() => (this.reloading = undefined));
    await this.reloading;
    if (actor) {
      await this.audit.record({ actor, action: 'detection.reload', outcome: 'success', details: {} });
    }
    return this.status();
  }

  /** The indicator sets in use: configured and imported. */
  intelSets(actor: Actor): IntelSetInfo[] {
    authorize(actor, 'detection:manage');
    return this.engine.content.intel.map(setInfo);
  }

  /**
   * Imports (or replaces) an indicator set sent through the API: checked first (a file in no known format is
   * refused, bad entries are reported), kept under the data folder, then detection reloads. Audited.
   */
  async importIntel(
    actor: Actor,
    settings: ImportedIntel,
    content: string,
  ): Promise<{ set: IntelSetInfo; problems: ImportProblem[]; skipped: number }> {
    authorize(actor, 'detection:manage');
    if (!this.intelFiles) throw new YaguraError('REQUEST_INVALID', 'This server keeps no imported sets', {});
    IntelFiles.checkId(settings.id);
    if (this.config.intel.some((i) => (i.id ?? '') === settings.id)) {
      throw new YaguraError('CONFLICT', `The set "${settings.id}" comes from the configuration file`, {});
    }
    const path = await this.intelFiles.write(settings, content);
    let checked;
    try {
      checked = await loadIndicatorFile(path, {
        id: settings.id,
        ...(settings.name !== undefined ? { name: settings.name } : {}),
        ...(settings.format !== undefined ? { format: settings.format } : {}),
      });
    } catch (error) {
      await this.intelFiles.remove(settings.id);
      throw error;
    }
    await this.reload();
    await this.audit.record({
      actor,
      action: 'detection.intel.import',
      outcome: 'success',
      target: { type: 'intel', id: settings.id },
      details: {
        format: checked.format,
        indicators: checked.set.indicators.length,
        problems: checked.problems.length,
      },
    });
    return {
      set: setInfo(checked.set),
      problems: checked.problems,
      skipped: checked.skipped,
    };
  }

  async removeIntel(actor: Actor, id: string): Promise<void> {
    authorize(actor, 'detection:manage');
    if (!(await this.intelFiles?.remove(id))) {
      throw new YaguraError('NOT_FOUND', `No imported indicator set "${id}"`, { intel: id });
    }
    await this.reload();
    await this.audit.record({
      actor,
      action: 'detection.intel.remove',
      outcome: 'success',
      target: { type: 'intel', id },
    });
  }

  /** The loaded rule sets' rules and correlation documents (what retro-hunts pick from). */
  loaded(): LoadResult[] {
    return this.engine.content.ruleSets.map((s) => s.loaded);
  }

  status(): DetectionStatus {
    const status = this.engine.status();
    return {
      ...status,
      enabled: this.config.enabled,
      loadedAt: this.loadedAt,
      loadSeconds: this.loadSeconds,
      workers: this.pool?.size ?? 0,
      problems: [...this.engine.content.ruleSets.flatMap((s) => s.loaded.problems), ...this.metaProblems],
      intelProblems: this.intelProblems,
    };
  }

  private async readSettings(): Promise<void> {
    const rows = await this.db.selectFrom('tenant_rule_sets').selectAll().execute();
    const settings = new Map<string, Map<string, boolean>>();
    for (const row of rows) {
      let own = settings.get(row.tenant);
      if (!own) settings.set(row.tenant, (own = new Map()));
      own.set(row.rule_set, row.enabled === 1);
    }
    this.settings = settings;
    this.pool?.settings(this.settingsList());
  }

  private settingsList(): TenantSettings {
    return [...this.settings].map(([tenant, sets]) => [tenant, [...sets]]);
  }

  tenantRuleSets(actor: Actor, tenant: TenantId): TenantRuleSet[] {
    authorize(actor, 'tenants:read', tenant);
    const own = this.settings.get(tenant);
    return this.engine.content.ruleSets.map((s) => ({
      ruleSet: s.id,
      enabled: own?.get(s.id) ?? s.enabledByDefault,
      own: own?.has(s.id) ?? false,
    }));
  }

  /** Turns a rule set on or off for one tenant; takes effect with the next batch. Audited. */
  async setTenantRuleSet(
    actor: Actor,
    tenant: TenantId,
    ruleSet: string,
    enabled: boolean,
  ): Promise<TenantRuleSet[]> {
    authorize(actor, 'detection:manage');
    if (!this.engine.content.ruleSets.some((s) => s.id === ruleSet)) {
      throw new YaguraError('NOT_FOUND', `No rule set "${ruleSet}" is configured`, { ruleSet });
    }
    await this.db
      .insertInto('tenant_rule_sets')
      .values({
        tenant,
        rule_set: ruleSet,
        enabled: enabled ? 1 : 0,
        changed_by: actor.id,
        changed_at: Date.now(),
      })
      .onConflict((oc) =>
        oc.columns(['tenant', 'rule_set']).doUpdateSet({
          enabled: enabled ? 1 : 0,
          changed_by: actor.id,
          changed_at: Date.now(),
        }),
      )
      .execute();
    await this.readSettings();
    await this.audit.record({
      actor,
      tenant,
      action: 'detection.rule_set',
      outcome: 'success',
      details: { ruleSet, enabled },
    });
    return this.tenantRuleSets(actor, tenant);
  }

  // Rule folders and intel files are watched; a burst of changes (a git pull) reloads once, a second later.
  private watchFiles(): void {
    const paths = [...this.config.ruleSets.flatMap((s) => s.paths), ...this.config.intel.map((i) => i.path)];
    for (const path of paths) {
      try {
        const watcher = watch(path, { recursive: true }, () => this.scheduleReload());
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch (error) {
        this.logger.warn(
          { path, error: (error as Error).message },
          'A detection path cannot be watched for changes.',
        );
      }
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reload().catch((error: unknown) =>
        this.logger.error(
          { error: (error as Error).message },
          'Reloading detection rules failed; the old ones run on.',
        ),
      );
    }, 1000);
    this.reloadTimer.unref();
  }

  async close(): Promise<void> {
    clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
    await this.pool?.close();
  }
}
