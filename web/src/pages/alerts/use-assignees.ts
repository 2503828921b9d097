// Names of the users alerts may be assigned to, by id, for the shown tenants (loaded once per tenant choice).
import { useMemo } from 'react';
import { unwrap } from '../../api/client.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';

export interface AssigneeOption {
  id: string;
  username: string;
  displayName: string;
  tenants: string[];
}

export function useAssigneeList(tenants: string[] | undefined): AssigneeOption[] {
  const session = useSession();
  const answer = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/alerts/assignees', {
          params: { query: tenants ? { tenant: tenants } : {} },
          signal,
        }),
      ),
    [tenants?.join(',')],
  );
  return answer.data?.assignees ?? [];
}

/** User id -> "Display name (username)". */
export function useAssignees(tenants: string[] | undefined): ReadonlyMap<string, string> {
  const list = useAssigneeList(tenants);
  return useMemo(
    () =>
      new Map(
        list.map((u) => [
          u.id,
          u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username,
        ]),
      ),
    [list],
  );
}
