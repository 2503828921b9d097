// Opens the state database of a data folder with the real audit log and the access services on it: what the
// command line (and later the server) uses.
import { AuditLog } from '../audit/index.js';
import { openStateDb, type StateDb } from '../state/database.js';
import { IngestTokenService } from './ingest-token-service.js';
import { TenantService } from './tenant-service.js';
import { TokenService } from './token-service.js';
import { UserService, type UserServiceOptions } from './user-service.js';

export interface AccessServices {
  db: StateDb;
  audit: AuditLog;
  tenants: TenantService;
  users: UserService;
  tokens: TokenService;
  ingestTokens: IngestTokenService;
  close(): Promise<void>;
}

export async function openAccess(dataDir: string, options: UserServiceOptions = {}): Promise<AccessServices> {
  const db = await openStateDb({ dataDir });
  const audit = new AuditLog(db);
  const deps = { db, audit };
  const ingestTokens = new IngestTokenService(deps);
  return {
    db,
    audit,
    tenants: new TenantService(deps),
    users: new UserService(deps, options),
    tokens: new TokenService(deps),
    ingestTokens,
    close: async () => {
      await ingestTokens.flush();
      await db.destroy();
    },
  };
}
