// Names of the people an incident page mentions, by user id: the tenant's SOC staff, the signed-in user, and names the API gave.
import { useMemo } from 'react';
import { useSession } from '../../shell/session.js';
import { useAssigneeList, type AssigneeOption } from '../alerts/use-assignees.js';

export interface People {
  /** Users the console can offer in a picker. */
  options: AssigneeOption[];
  /** User id -> "Display name (username)". */
  names: ReadonlyMap<string, string>;
}

/** Names learnt on the way (a user typed by name, a timeline actor), for users no list offers, such as CSIRT members. */
const learnt = new Map<string, string>();

export function rememberName(id: string, name: string): void {
  if (id && name && id !== name) learnt.set(id, name);
}

export function usePeople(
  tenants: string[] | undefined,
  known: readonly { id: string; name: string }[] = [],
): People {
  const session = useSession();
  const list = useAssigneeList(tenants);
  const me = session.state.status === 'signed-in' ? session.state.me : undefined;
  const knownKey = known.map((k) => `${k.id}=${k.name}`).join('|');
  return useMemo(() => {
    const names = new Map<string, string>(learnt);
    for (const k of known) names.set(k.id, k.name);
    if (me) names.set(me.id, me.username);
    for (const u of list) {
      names.set(
        u.id,
        u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username,
      );
    }
    const options = [...list];
    if (me && !options.some((u) => u.id === me.id)) {
      options.push({ id: me.id, username: me.username, displayName: me.username, tenants: tenants ?? [] });
    }
    return { options, names };
  }, [list, me?.id, knownKey]);
}
