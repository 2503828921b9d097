// `yagura token create|list|revoke`: personal API tokens, printed once for `Authorization: Bearer`.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { openAccess } from '../access/open.js';
import { YaguraError } from '../core/errors.js';
import { collect, configFor } from './context.js';
import { table } from './tenant.js';

interface CreateOptions {
  name?: string;
  expires?: string;
  scope?: string[];
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('manage API tokens');

  token
    .command('create')
    .description('create an API token for a user and print it (it cannot be shown again)')
    .argument('<user>', 'user name')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--expires <when>', 'lifetime (30d, 12h, 90m) or an ISO time; default never')
    .option(
      '--scope <permission>',
      'limit the token to this permission (repeatable); default the whole role',
      collect,
    )
    .action(async (username: string, options: CreateOptions, command: Command) => {
      const expiresAt = options.expires === undefined ? null : parseExpiry(options.expires, Date.now());
      const access = await openAccess(configFor(command).dataDir);
      try {
        const actor = cliActor();
        const user = await access.users.getByUsername(actor, username);
        const { token: created, secret } = await access.tokens.create(actor, {
          userId: user.id,
          expiresAt,
          ...(options.name !== undefined ? { name: options.name } : {}),
          ...(options.scope ? { scopes: options.scope } : {}),
        });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(
          `Token ${created.id} for ${user.username}${created.expiresAt ? `, expires ${created.expiresAt}` : ''}. ` +
            'Store it now: it is not kept and cannot be shown again.\n',
        );
      } finally {
        await access.close();
      }
    });

  token
    .command('list')
    .description("list a user's tokens (never the secrets)")
    .argument('<user>', 'user name')
    .action(async (username: string, _options: unknown, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        const actor = cliActor();
        const user = await access.users.getByUsername(actor, username);
        const rows = (await access.tokens.list(actor, user.id)).map((t) => [
          t.id,
          t.name,
          t.prefix + '…',
          t.revokedAt
            ? 'revoked'
            : t.expiresAt && Date.parse(t.expiresAt) <= Date.now()
              ? 'expired'
              : 'active',
          t.expiresAt ?? '-',
          t.lastUsedAt ?? '-',
        ]);
        process.stdout.write(table(['ID', 'NAME', 'PREFIX', 'STATE', 'EXPIRES', 'LAST USED'], rows));
      } finally {
        await access.close();
      }
    });

  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'token id (the part after ygr_)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        await access.tokens.revoke(cliActor(), id);
        process.stderr.write(`Revoked token ${id}.\n`);
      } finally {
        await access.close();
      }
    });
}

const DURATION = /^(\d+)([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `30d`, `12h`, `90m` from now, or an ISO 8601 time with a date. */
export function parseExpiry(text: string, now: number): Date {
  const match = DURATION.exec(text.trim());
  if (match) {
    const amount = Number(match[1]);
    if (amount > 0) return new Date(now + amount * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  } else if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const at = Date.parse(text.trim());
    if (!Number.isNaN(at)) return new Date(at);
  }
  throw new YaguraError('TIME_INVALID', `--expires must be like 30d, 12h, 90m or an ISO time, not "${text}"`);
}
