// The access model: actors, the permission table, passwords, and the tenant, user and token services.
export { ROLES, anonymousActor, cliActor, isRole, type Actor, type Role } from './actor.js';
export {
  PERMISSIONS,
  authorize,
  can,
  isPermission,
  permissionsOf,
  tenantScope,
  type Permission,
  type PermissionSpec,
} from './permissions.js';
export {
  DEFAULT_HASH_COST,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  assertPasswordPolicy,
  hashPassword,
  passwordProblems,
  verifyPassword,
  type PasswordHashCost,
} from './passwords.js';
export type { AccessDeps } from './service-support.js';
export {
  LANGUAGES,
  TenantService,
  isTimeZone,
  type CreateTenantInput,
  type Language,
  type Tenant,
  type TenantSettings,
} from './tenant-service.js';
export { UserService, type CreateUserInput, type User, type UserServiceOptions } from './user-service.js';
export { TokenService, type ApiToken, type CreateTokenInput } from './token-service.js';
export {
  INGEST_TOKEN_KINDS,
  IngestTokenService,
  type CreateIngestTokenInput,
  type IngestToken,
  type IngestTokenGrant,
  type IngestTokenKind,
  type IngestTokenServiceOptions,
} from './ingest-token-service.js';
export { renderRolesReference } from './roles-reference.js';
