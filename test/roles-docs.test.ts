import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRolesReference } from '../src/access/roles-reference.js';

describe('the generated roles reference in docs/', () => {
  it('roles.md matches the permission table (run `npm run docs` after changing it)', () => {
    expect(readFileSync(new URL('../docs/roles.md', import.meta.url), 'utf8')).toBe(renderRolesReference());
  });
});
