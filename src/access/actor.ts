// Who is acting: every service call carries one, and every audit entry names one.
import { userInfo } from 'node:os';
import type { TenantId } from '../core/ids.js';
import type { Permission } from './permissions.js';

export const ROLES = ['admin', 'soc_analyst', 'csirt', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

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
  /** For a token with scopes: the only permissions it may use (on top of the role's limits). */
  scopes?: readonly Permission[];
  /** For kind "token": which token, so it can be named in the audit log and revoked. */
  tokenId?: string;
}

/** The local command line: whoever can run `yagura` on the server already owns its data folder. */
export function cliActor(): Actor {
  const username = userInfo().username;
  return { kind: 'cli', id: username, name: `cli:${username}`, role: 'admin', tenants: 'all' };
}

/** Stands in for a caller whose identity is not established (failed sign-ins, bad tokens) in audit entries. */
export function anonymousActor(address?: string): Actor {
  return {
    kind: 'user',
    id: 'anonymous',
    name: 'anonymous',
    role: 'viewer',
    tenants: [],
    ...(address ? { address } : {}),
  };
}
