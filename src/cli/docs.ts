// `yagura docs`: writes the generated references (configuration, errors, OpenAPI) into docs/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { configSchema, envShorthands } from '../config/index.js';
import { renderConfigReference } from '../config/reference.js';
import { renderErrorReference } from '../core/error-reference.js';
import { writeOpenApi } from '../api/openapi.js';
import { renderRolesReference } from '../access/roles-reference.js';

export async function writeGeneratedDocs(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written = [
    join(dir, 'configuration.md'),
    join(dir, 'errors.md'),
    join(dir, 'roles.md'),
    join(dir, 'openapi.json'),
  ];
  writeFileSync(written[0]!, renderConfigReference(configSchema, envShorthands));
  writeFileSync(written[1]!, renderErrorReference());
  writeFileSync(written[2]!, renderRolesReference());
  await writeOpenApi(written[3]!);
  return written;
}

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('write the generated references (configuration, errors, roles, OpenAPI) into a folder')
    .argument('[dir]', 'target folder', 'docs')
    .action(async (dir: string) => {
      for (const path of await writeGeneratedDocs(dir)) process.stderr.write(`wrote ${path}\n`);
    });
}
