// Test fixtures for the access services: an in-memory state database, an array-backed audit recorder and
// a clock the test can move.
import type { AuditEntryInput, AuditRecorder } from '../audit/types.js';
import type { TenantId } from '../core/ids.js';
import { openStateDb, type StateDb } from '../state/database.js';
import { cliActor, type Actor, type Role } from './actor.js';
import { IngestTokenService } from './ingest-token-service.js';
import type { PasswordHashCost } from './passwords.js';
import { TenantService } from './tenant-service.js';
import { TokenService } from './token-service.js';
import { UserService, type UserServiceOptions } from './user-service.js';

export class ArrayRecorder implements AuditRecorder {
  readonly entries: AuditEntryInput[] = [];
  async record(entry: AuditEntryInput): Promise<void> {
    this.entries.push(entry);
  }
  actions(outcome?: AuditEntryInput['outcome']): string[] {
    return this.entries.filter((e) => !outcome || e.outcome === outcome).map((e) => e.action);
  }
}

// Real argon2id, at a cost that keeps the suite fast; the production cost is checked on its own.
export const TEST_HASH_COST: PasswordHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const GOOD_PASSWORD = 'plum-kettle-harbour-42';

export interface AccessFixture {
  db: StateDb;
  audit: ArrayRecorder;
  clock: { now: number };
  tenants: TenantService;
  users: UserService;
  tokens: TokenService;
  ingestTokens: IngestTokenService;
  cli: Actor;
  /** Creates a user with GOOD_PASSWORD and signs them in, returning the Actor. */
  signIn(username: string, role: Role, tenants?: string[]): Promise<Actor>;
  close(): Promise<void>;
}

export async function accessFixture(options: UserServiceOptions = {}): Promise<AccessFixture> {
  const db = await openStateDb({ dataDir: ':memory:' });
  const audit = new ArrayRecorder();
  const clock = { now: Date.parse('2025-04-01T00:00:00.000Z') };
  const deps = { db, audit, clock: () => clock.now };
  const users = new UserService(deps, { hashCost: TEST_HASH_COST, ...options });
  const cli = cliActor();
  return {
    db,
    audit,
    clock,
    tenants: new TenantService(deps),
    users,
    tokens: new TokenService(deps),
    ingestTokens: new IngestTokenService(deps),
    cli,
    async signIn(username, role, tenants = []) {
      await users.create(cli, { username, role, tenants, password: GOOD_PASSWORD });
      return users.authenticate(username, GOOD_PASSWORD, '192.0.2.10');
    },
    close: () => db.destroy(),
  };
}

export function tenantIds(...ids: string[]): TenantId[] {
  return ids as TenantId[];
}
