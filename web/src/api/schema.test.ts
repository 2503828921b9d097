import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript build script without type declarations
import { renderApiTypes } from '../../../scripts/generate-api-types.js';

describe('the generated API types', () => {
  it('match docs/openapi.json (run npm run api:types after changing the API)', async () => {
    const committed = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await (renderApiTypes as () => Promise<string>)());
  });
});
