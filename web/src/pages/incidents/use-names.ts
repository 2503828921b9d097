// Names for the ids an incident holds: asset names from the inventory, alert titles, each looked up once.
import { unwrap } from '../../api/client.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';

/** Looks up a short list of ids in parallel; an id that cannot be read keeps no name (the caller shows the id). */
function useLookup(
  ids: readonly string[],
  allowed: boolean,
  look: (id: string, signal: AbortSignal) => Promise<string>,
): ReadonlyMap<string, string> {
  const answer = useRequest(
    allowed && ids.length > 0
      ? async (signal) => {
          const names = await Promise.all(ids.map((id) => look(id, signal).catch(() => undefined)));
          return new Map(ids.flatMap((id, i) => (names[i] ? [[id, names[i]] as const] : [])));
        }
      : undefined,
    [ids.join(','), allowed],
  );
  return answer.data ?? new Map();
}

const MAX_LOOKUPS = 30;

export function useAssetNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const session = useSession();
  return useLookup(ids.slice(0, MAX_LOOKUPS), session.can('alerts:read'), async (id, signal) => {
    const asset = await unwrap(
      session.api.client.GET('/api/assets/{id}', { params: { path: { id } }, signal }),
    );
    return asset.name;
  });
}

export function useAlertTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const session = useSession();
  return useLookup(ids.slice(0, MAX_LOOKUPS), session.can('alerts:read'), async (id, signal) => {
    const d = await unwrap(session.api.client.GET('/api/alerts/{id}', { params: { path: { id } }, signal }));
    return d.alert.rule.title;
  });
}
