// Creates an admin and an API token for it in a data folder, as an operator does with `yagura user add` and
// `yagura token create`; for scripts, benchmarks and end-to-end tests that need a signed-in caller.
import { cliActor } from './actor.js';
import { openAccess } from './open.js';

export async function createAdminToken(
  dataDir: string,
  admin: { username: string; password: string; tokenName: string },
): Promise<string> {
  const access = await openAccess(dataDir);
  try {
    const cli = cliActor();
    const user = await access.users.create(cli, {
      username: admin.username,
      role: 'admin',
      password: admin.password,
    });
    return (await access.tokens.create(cli, { userId: user.id, name: admin.tokenName })).secret;
  } finally {
    await access.close();
  }
}
