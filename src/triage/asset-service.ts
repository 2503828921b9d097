// The asset inventory per tenant: kept by analysts (one by one or from CSV, audited), looked up for alerts (the
// criticality in their severity, the assets shown with them), and learned from events (hosts and when last seen).
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { Event } from '../core/event.js';
import type { AlertAssessor } from './alert-ingest.js';
import { parseAssetCsv, type CsvProblem } from './asset-csv.js';
import { AssetIndex, criticalityOf, type Asset, type AssetQuery } from './asset-index.js';
import { columnsOf, newRow, pick, toAsset, type AssetRow } from './asset-rows.js';
import { AssetSightings } from './asset-sightings.js';
import { checkAsset, type AssetInput } from './asset-input.js';
import type { Entity } from './entity.js';
import type { Assessment, Placement } from './open-alerts.js';
import {
  checkLimit,
  isRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from './service-support.js';

export interface AssetImportReport {
  created: number;
  updated: number;
  problems: CsvProblem[];
  dryRun: boolean;
}

export interface AssetListQuery {
  tenants?: readonly string[];
  /** Text found in the name, a host name, an address or a user name (case-insensitive). */
  search?: string;
  tag?: string;
  source?: Asset['source'];
  limit: number;
  /** The previous page's last name. */
  cursor?: string;
}

type Row = AssetRow;

export class AssetService implements AlertAssessor {
  private readonly indexes = new Map<string, AssetIndex>();
  private readonly sightings = new AssetSightings();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TriageDeps) {}

  async open(): Promise<void> {
    const rows = await this.deps.db.selectFrom('assets').selectAll().execute();
    for (const row of rows) this.indexOf(row.tenant).put(toAsset(row));
  }

  /** For the alert stage: the assets behind a new alert's entity and first event, and their highest criticality. */
  assess(p: Placement): Assessment {
    const index = this.indexes.get(p.tenant);
    if (!index || index.size === 0) return { assetIds: [] };
    const ips: string[] = [];
    for (const v of [p.entity['source.ip'], p.entity['destination.ip']]) if (v) ips.push(v);
    const fields = p.firstEvent?.fields;
    for (const name of ['source.ip', 'destination.ip']) {
      const v = fields?.[name];
      if (typeof v === 'string' && !ips.includes(v)) ips.push(v);
    }
    const found = index.lookup({
      ...(p.entity['host.name'] ? { host: p.entity['host.name'] } : {}),
      ...(p.entity['user.name'] ? { user: p.entity['user.name'] } : {}),
      ips,
    });
    const criticality = criticalityOf(found);
    return { ...(criticality !== undefined ? { criticality } : {}), assetIds: found.map((a) => a.id) };
  }

  /** The inventory's assets for an entity now (the permission check is the caller's). */
  assetsFor(tenant: string, entity: Entity): Asset[] {
    const index = this.indexes.get(tenant);
    if (!index) return [];
    const ips = [entity['source.ip'], entity['destination.ip']].filter((v): v is string => v !== undefined);
    return index.lookup({
      ...(entity['host.name'] ? { host: entity['host.name'] } : {}),
      ...(entity['user.name'] ? { user: entity['user.name'] } : {}),
      ips,
    });
  }

  /** Notes the hosts and users events show, in memory; flush() writes last-seen times and new hosts. */
  learn(events: readonly Event[]): void {
    this.sightings.note(events);
  }

  flush(): Promise<void> {
    const run = this.chain.then(() =>
      this.sightings.write(this.deps.db, (t) => this.indexOf(t), nowOf(this.deps)),
    );
    this.chain = run.catch(() => undefined);
    return run;
  }

  async list(actor: Actor, query: AssetListQuery): Promise<{ assets: Asset[]; next?: string }> {
    const limit = checkLimit(query.limit, 1000);
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'asset.list', query.tenants);
    let q = this.deps.db
      .selectFrom('assets')
      .selectAll()
      .where('tenant', 'in', [...scope]);
    if (query.search) {
      const like = likeContaining(query.search.toLowerCase());
      q = q.where((eb) =>
        eb.or(
          (['name', 'hostnames', 'addresses', 'users'] as const).map(
            (c) => sql<boolean>`lower(${sql.ref(c)}) like ${like} escape '\\'`,
          ),
        ),
      );
    }
    // Tags are a JSON array of strings: look for the quoted tag.
    if (query.tag)
      q = q.where(sql<boolean>`tags like ${likeContaining(JSON.stringify(query.tag))} escape '\\'`);
    if (query.source) q = q.where('source', '=', query.source);
    if (query.cursor) q = q.where('name', '>', query.cursor);
    const rows = await q
      .orderBy('name')
      .orderBy('tenant')
      .limit(limit + 1)
      .execute();
    const assets = rows.slice(0, limit).map(toAsset);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last ? { assets, next: last.name } : { assets };
  }

  async get(actor: Actor, id: string): Promise<Asset> {
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'alerts:read', row, this.context('asset.read', id));
    return toAsset(row!);
  }

  /** The assets behind a host name, an address or a user name, as an alert shows them. */
  async lookup(actor: Actor, tenant: string, query: AssetQuery): Promise<Asset[]> {
    const t = await permitTenant(this.deps, actor, 'alerts:read', tenant, { action: 'asset.lookup' });
    return this.indexes.get(t)?.lookup(query) ?? [];
  }

  async create(actor: Actor, tenant: string, input: AssetInput): Promise<Asset> {
    const action = 'asset.create';
    const t = await permitTenant(this.deps, actor, 'assets:manage', tenant, { action });
    const checked = checkAsset(input);
    const now = nowOf(this.deps);
    const row = newRow(t, checked, 'manual', now);
    await this.deps.db.transaction().execute(async (trx) => {
      const taken = await trx
        .insertInto('assets')
        .values(row)
        .onConflict((oc) => oc.columns(['tenant', 'name']).doNothing())
        .executeTakeFirst();
      if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) {
        throw new YaguraError('CONFLICT', `Tenant "${t}" already has an asset named "${checked.name}"`);
      }
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant: t,
          target: { type: 'asset', id: row.id },
          details: { ...checked },
        },
        { within: trx },
      );
    });
    const asset = toAsset(row);
    this.indexOf(t).put(asset);
    return asset;
  }

  /** Changes the given fields; a learned asset becomes a manual one. */
  async update(actor: Actor, id: string, changes: Partial<AssetInput>): Promise<Asset> {
    const action = 'asset.update';
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'assets:manage', row, this.context(action, id));
    const current = toAsset(row!);
    const checked = checkAsset({ ...current, ...changes });
    const now = nowOf(this.deps);
    const next: Row = { ...row!, ...columnsOf(checked), source: 'manual', updated_at: now };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('assets')
        .set({ ...columnsOf(checked), source: 'manual', updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        { actor, action, outcome: 'success', tenant, target: { type: 'asset', id }, details: { ...changes } },
        { within: trx },
      );
    });
    const asset = toAsset(next);
    this.indexOf(tenant).put(asset);
    return asset;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const action = 'asset.remove';
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'assets:manage', row, this.context(action, id));
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('assets').where('id', '=', id).execute();
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant,
          target: { type: 'asset', id },
          details: { name: row!.name },
        },
        { within: trx },
      );
    });
    this.indexes.get(tenant)?.remove(id);
  }

  /**
   * Imports a CSV inventory: a row names an asset; an existing one of that name gets the row's values for the columns
   * the file has (others are kept), a new one is created. Bad rows are reported by line and skipped; `dryRun` only
   * reports. One audit entry sums the import up.
   */
  async importCsv(
    actor: Actor,
    tenant: string,
    text: string,
    options: { dryRun?: boolean } = {},
  ): Promise<AssetImportReport> {
    const action = 'asset.import';
    const t = await permitTenant(this.deps, actor, 'assets:manage', tenant, { action });
    const parsed = parseAssetCsv(text);
    const existing = new Map(
      (await this.deps.db.selectFrom('assets').selectAll().where('tenant', '=', t).execute()).map((r) => [
        r.name,
        r,
      ]),
    );
    const now = nowOf(this.deps);
    const inserts: Row[] = [];
    const updates: Row[] = [];
    for (const { asset } of parsed.rows) {
      const old = existing.get(asset.name);
      if (!old) inserts.push(newRow(t, asset, 'import', now));
      else
        updates.push({
          ...old,
          ...pick(columnsOf(asset), parsed.columns),
          source: 'import',
          updated_at: now,
        });
    }
    const report = {
      created: inserts.length,
      updated: updates.length,
      problems: parsed.problems,
      dryRun: !!options.dryRun,
    };
    if (options.dryRun) return report;
    await this.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < inserts.length; i += 500)
        await trx
          .insertInto('assets')
          .values(inserts.slice(i, i + 500))
          .execute();
      for (const row of updates) {
        const { id, ...values } = row;
        await trx.updateTable('assets').set(values).where('id', '=', id).execute();
      }
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant: t,
          details: {
            created: report.created,
            updated: report.updated,
            problems: report.problems.length,
            ...(report.problems.length > 0
              ? { problemLines: report.problems.slice(0, 20).map((p) => p.line) }
              : {}),
          },
        },
        { within: trx },
      );
    });
    const index = this.indexOf(t);
    for (const row of [...inserts, ...updates]) index.put(toAsset(row));
    return report;
  }

  private indexOf(tenant: string): AssetIndex {
    let index = this.indexes.get(tenant);
    if (!index) {
      index = new AssetIndex();
      this.indexes.set(tenant, index);
    }
    return index;
  }

  private async load(id: string): Promise<Row | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private context(action: string, id: string) {
    return { action, target: { type: 'asset', id: id.slice(0, 80) }, what: 'asset' };
  }
}

function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
