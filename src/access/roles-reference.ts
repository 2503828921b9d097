// Renders docs/roles.md from the permission table, so the documented roles cannot drift from the checks.
import { ROLES, type Role } from './actor.js';
import { PERMISSIONS, type Permission, type PermissionSpec } from './permissions.js';

const ROLE_SUMMARY: Record<Role, string> = {
  admin: 'Runs the installation: every permission, in every tenant. Has no tenant list.',
  soc_analyst:
    'Works across the tenants assigned to them (one or more): searches events, triages alerts, handles incidents.',
  csirt:
    'A customer CSIRT member: exactly one tenant; reads its alerts, incidents, reports and audit entries, submits inquiries and suspicious emails.',
  viewer:
    'Read-only (management, auditor): exactly one tenant; reads its alerts, incidents, reports and audit entries.',
};

export function renderRolesReference(): string {
  const roles = ROLES.map((r) => `| \`${r}\` | ${ROLE_SUMMARY[r]} |`).join('\n');
  const header = `| permission | scope | ${ROLES.map((r) => `\`${r}\``).join(' | ')} | meaning |`;
  const rule = `| --- | --- | ${ROLES.map(() => ':---:').join(' | ')} | --- |`;
  const rows = (Object.entries(PERMISSIONS) as [Permission, PermissionSpec][])
    .map(
      ([permission, spec]) =>
        `| \`${permission}\` | ${spec.scope} | ${ROLES.map((r) => (spec.roles.includes(r) ? 'yes' : '–')).join(' | ')} | ${spec.description} |`,
    )
    .join('\n');
  return `# Roles and permissions

<!-- Generated from src/access/permissions.ts by \`npm run docs\`; do not edit by hand. -->

Every service checks the caller's permission and tenant before it reads or changes anything; the HTTP API and
the command line call the same services. A permission with scope **tenant** is exercised inside one tenant and
only in the tenants the caller may act in; a permission with scope **installation** concerns the whole
installation. Reads that span tenants (searches, lists) cover the caller's tenants narrowed to those the request
names, and a request naming only tenants the caller may not read is refused, never widened.

## Roles

| role | who |
| --- | --- |
${roles}

## Permissions

${header}
${rule}
${rows}

## API tokens

A personal API token acts as its owner with the owner's current role and tenants. A token may be limited to some
of the owner's permissions (its scopes); it then holds only those. Tokens expire when created with an expiry and
stop working when revoked, when the owner is disabled, or when the owner has no enabled tenant left.

## The command line

Whoever can run \`yagura\` on the server acts as an admin (\`cli:<os user>\`): the data folder is theirs already.
This is how the first admin account is created (\`yagura user add NAME --role admin\`); there is no default
account or password.
`;
}
