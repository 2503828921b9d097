// Tables of the access model (tenants, users, tokens), as Kysely sees them. Times are ISO 8601 UTC text
// (`Date#toISOString`), which sorts as time on SQLite and PostgreSQL alike.

export interface TenantsTable {
  id: string;
  name: string;
  time_zone: string;
  language: 'ja' | 'en';
  retention_days: number | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TenantSourcesTable {
  tenant_id: string;
  /** An address or CIDR range whose syslog messages belong to the tenant. */
  cidr: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** argon2id PHC string; never leaves the access module. */
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  /** The console language the user chose; null until they choose one. */
  language: 'ja' | 'en' | null;
}

export interface UserTenantsTable {
  user_id: string;
  tenant_id: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the secret part; the secret itself is shown once and never stored. */
  token_hash: string;
  /** The first characters of the token, enough to recognise it in a list. */
  prefix: string;
  /** JSON array of permissions, or null for "everything the user's role allows". */
  scopes: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
}

export interface IngestTokensTable {
  id: string;
  tenant_id: string;
  kind: 'ingest' | 'hec';
  name: string;
  /** SHA-256 (hex) of the whole secret the sender presents; the secret itself is shown once and never stored. */
  token_hash: string;
  /** The first characters of the secret, enough to recognise it in a list. */
  prefix: string;
  /** Audit name of whoever created it (user name, "cli:root"). */
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  /** Updated at most once a minute per token: ingest is a hot path. */
  last_used_at: string | null;
}

export interface AccessTables {
  tenants: TenantsTable;
  tenant_sources: TenantSourcesTable;
  users: UsersTable;
  user_tenants: UserTenantsTable;
  api_tokens: ApiTokensTable;
  ingest_tokens: IngestTokensTable;
}
