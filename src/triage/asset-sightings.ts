// Hosts and users seen in events, gathered in memory and written in batches: last-seen times of known assets, and
// hosts no asset names yet, added to the inventory as learned assets.
import type { Event } from '../core/event.js';
import { normaliseHost, type Asset, type AssetIndex } from './asset-index.js';
import { emptyAsset, newRow, toAsset, type AssetRow } from './asset-rows.js';
import type { StateDb } from '../state/database.js';

export class AssetSightings {
  // Since the last write: tenant -> host or user name as seen -> latest event time.
  private hosts = new Map<string, Map<string, number>>();
  private users = new Map<string, Map<string, number>>();

  /** Cheap per event: two field reads and a map update each; names are normalised when written. */
  note(events: readonly Event[]): void {
    for (const e of events) {
      const host = e.fields['host.name'];
      if (typeof host === 'string' && host !== '') note(this.hosts, e.tenant, host, e.time);
      const user = e.fields['user.name'];
      if (typeof user === 'string' && user !== '') note(this.users, e.tenant, user, e.time);
    }
  }

  /** Writes last-seen times of known assets and inserts the hosts no asset names (source "learned"). */
  async write(db: StateDb, indexOf: (tenant: string) => AssetIndex, now: number): Promise<void> {
    const hosts = this.hosts;
    const users = this.users;
    if (hosts.size === 0 && users.size === 0) return;
    this.hosts = new Map();
    this.users = new Map();
    const seen = new Map<string, { asset: Asset; time: number }>();
    const learned: AssetRow[] = [];
    const mark = (asset: Asset, time: number): void => {
      const s = seen.get(asset.id);
      if (!s || s.time < time) seen.set(asset.id, { asset, time });
    };
    for (const [tenant, names] of hosts) {
      const index = indexOf(tenant);
      const fresh = new Map<string, number>();
      for (const [name, time] of names) {
        const found = index.findHost(name);
        if (found.length > 0) for (const a of found) mark(a, time);
        else {
          const host = normaliseHost(name);
          fresh.set(host, Math.max(time, fresh.get(host) ?? 0));
        }
      }
      for (const [host, time] of fresh) {
        learned.push({
          ...newRow(tenant, emptyAsset(host), 'learned', now),
          hostnames: JSON.stringify([host]),
          last_seen: time,
        });
      }
    }
    for (const [tenant, names] of users) {
      const index = indexOf(tenant);
      for (const [name, time] of names) for (const a of index.findUser(name)) mark(a, time);
    }
    const updates = [...seen.values()].filter((s) => s.asset.lastSeen === null || s.asset.lastSeen < s.time);
    if (updates.length === 0 && learned.length === 0) return;
    try {
      await db.transaction().execute(async (trx) => {
        for (const { asset, time } of updates) {
          await trx.updateTable('assets').set({ last_seen: time }).where('id', '=', asset.id).execute();
        }
        for (let i = 0; i < learned.length; i += 500) {
          await trx
            .insertInto('assets')
            .values(learned.slice(i, i + 500))
            .onConflict((oc) => oc.columns(['tenant', 'name']).doNothing())
            .execute();
        }
      });
    } catch (error) {
      // Kept for the next write.
      for (const [map, from] of [
        [this.hosts, hosts],
        [this.users, users],
      ] as const) {
        for (const [tenant, names] of from) for (const [name, time] of names) note(map, tenant, name, time);
      }
      throw error;
    }
    for (const { asset, time } of updates) asset.lastSeen = time;
    // A learned host whose name another asset already has was not inserted: index only what was.
    const ids = learned.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('assets')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) indexOf(row.tenant).put(toAsset(row));
    }
  }
}

function note(map: Map<string, Map<string, number>>, tenant: string, name: string, time: number): void {
  let names = map.get(tenant);
  if (!names) {
    names = new Map();
    map.set(tenant, names);
  }
  const before = names.get(name);
  if (before === undefined || before < time) names.set(name, time);
}
