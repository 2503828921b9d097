// The `yagura` command line: one file per verb; this file wires them into commander and reports errors.
import { Command, CommanderError } from 'commander';
import { isYaguraError } from '../core/errors.js';
import { registerIngest } from './ingest.js';
import { registerParse } from './parse.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerDocs } from './docs.js';
import { registerAudit } from './audit.js';
import { registerTenant } from './tenant.js';
import { registerToken } from './token.js';
import { registerUser } from './user.js';
import { registerRules } from './rules.js';
import { registerScan } from './scan.js';
import { registerHunt } from './hunt.js';
import { registerAlerts } from './alerts.js';
import { registerAllowlist } from './allowlist.js';
import { registerAssets } from './assets.js';
import { registerIncidents } from './incidents.js';
import { registerEvidence } from './evidence.js';
import { packageVersion } from '../api/version.js';

export function buildProgram(): Command {
  const program = new Command('yagura')
    .description('Yagura (櫓): SOC engine and CSIRT workbench')
    .version(packageVersion())
    .option(
      '-c, --config <file>',
      'configuration file (YAML); default ./yagura.yaml if present, else built-in defaults',
    )
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerIngest(program);
  registerSearch(program);
  registerParse(program);
  registerDocs(program);
  registerTenant(program);
  registerUser(program);
  registerToken(program);
  registerAudit(program);
  registerRules(program);
  registerScan(program);
  registerHunt(program);
  registerAlerts(program);
  registerAllowlist(program);
  registerAssets(program);
  registerIncidents(program);
  registerEvidence(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (isYaguraError(error)) {
      process.stderr.write(`yagura: ${error.message} [${error.code}]\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(
      `yagura: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
