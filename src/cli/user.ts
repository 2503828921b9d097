// `yagura user add|list`: local accounts, including the first admin (there is no default account).
import type { Command } from 'commander';
import { cliActor, isRole, ROLES } from '../access/actor.js';
import { openAccess } from '../access/open.js';
import { passwordProblems } from '../access/passwords.js';
import { YaguraError } from '../core/errors.js';
import { collect, configFor } from './context.js';
import { table } from './tenant.js';

interface AddOptions {
  role: string;
  tenant?: string[];
  displayName?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage user accounts in the state database');

  user
    .command('add')
    .description('create a user; the password comes from YAGURA_PASSWORD or an interactive prompt')
    .argument('<name>', 'user name (lowercase letters, digits, . _ @ -)')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option(
      '--tenant <id>',
      'tenant of a csirt/viewer user, or assigned to a soc_analyst (repeatable)',
      collect,
    )
    .option('--display-name <text>', 'full name shown in the console')
    .action(async (name: string, options: AddOptions, command: Command) => {
      if (!isRole(options.role)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `--role must be one of ${ROLES.join(', ')}, not "${options.role}"`,
        );
      }
      const role = options.role;
      const config = configFor(command);
      const password = await readNewPassword(name);
      const access = await openAccess(config.dataDir);
      try {
        const created = await access.users.create(cliActor(), {
          username: name,
          role,
          tenants: options.tenant ?? [],
          password,
          ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
        });
        process.stdout.write(`${created.id}\n`);
        process.stderr.write(
          `Created ${created.role} "${created.username}"${created.tenants.length ? ` in ${created.tenants.join(', ')}` : ''}.\n`,
        );
      } finally {
        await access.close();
      }
    });

  user
    .command('list')
    .description('list users')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        const users = await access.users.list(cliActor());
        if (options.json) {
          for (const u of users) process.stdout.write(JSON.stringify(u) + '\n');
          return;
        }
        const rows = users.map((u) => [
          u.username,
          u.role,
          u.tenants.join(',') || '-',
          u.disabledAt ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'enabled',
          u.id,
        ]);
        process.stdout.write(table(['USER', 'ROLE', 'TENANTS', 'STATE', 'ID'], rows));
      } finally {
        await access.close();
      }
    });
}

// YAGURA_PASSWORD first, so scripts work even from a terminal; otherwise ask twice with echo off.
async function readNewPassword(username: string): Promise<string> {
  const fromEnv = process.env.YAGURA_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'No password: set YAGURA_PASSWORD or run the command in a terminal to be asked for one',
    );
  }
  for (;;) {
    const first = await promptHidden(`Password for ${username}: `);
    const problems = passwordProblems(first, { username });
    if (problems.length > 0) {
      process.stderr.write(problems.join('\n') + '\n');
      continue;
    }
    const second = await promptHidden('Repeat the password: ');
    if (first === second) return first;
    process.stderr.write('The passwords differ; try again.\n');
  }
}

/** Reads one line from the terminal without echoing it. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new YaguraError('REQUEST_INVALID', 'Cancelled'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
