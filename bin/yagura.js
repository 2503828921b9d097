#!/usr/bin/env node
// Entry point for `npx yagura`: runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(
    'yagura: the build output is missing; run `npm install` (or `npm run build`) in the checkout first.',
  );
  process.exit(1);
}
const { main } = await import(cli.href);
await main(process.argv);
