#!/usr/bin/env node
// Writes web/src/api/schema.d.ts, the TypeScript view of docs/openapi.json that the typed API client uses.
// `node scripts/generate-api-types.js --check` fails when the committed file is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const SPEC = new URL('../docs/openapi.json', import.meta.url);
const TARGET = new URL('../web/src/api/schema.d.ts', import.meta.url);
const HEADER =
  '// Generated from docs/openapi.json by scripts/generate-api-types.js (npm run api:types). Do not edit.\n';

export async function renderApiTypes() {
  const spec = JSON.parse(await readFile(SPEC, 'utf8'));
  const ast = await openapiTS(spec, { alphabetize: true, exportType: false });
  return HEADER + astToString(ast);
}

if (import.meta.url === new URL(process.argv[1], 'file:').href) {
  const text = await renderApiTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(TARGET, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('web/src/api/schema.d.ts is out of date: run npm run api:types');
      process.exit(1);
    }
  } else {
    await writeFile(TARGET, text);
    console.log('wrote web/src/api/schema.d.ts');
  }
}
