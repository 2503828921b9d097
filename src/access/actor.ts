// Who is acting: every service call carries one, and every audit entry names one.
import type { TenantId } from '../core/ids.js';

export const ROLES = ['admin', 'soc_analyst', 'csirt', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** A signed-in user, an API token of a user, or the local command line / the server itself. */
  kind: 'user' | 'token' | 'cli' | 'system';
  /** User id for users and tokens; the OS user for the CLI; "yagura" for the system. */
  id: string;
  /** Display name (user name, "cli:root", "system"). */
  name: string;
  role: Role;
  /** Tenants the actor may act in: every tenant ("all", for admins and the CLI) or the listed ones. */
  tenants: 'all' | readonly TenantId[];
  /** Network address of the request, when there is one. */
  address?: string;
}
