import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, envShorthands } from '../src/config/index.js';
import { renderConfigReference } from '../src/config/reference.js';
import { renderErrorReference } from '../src/core/error-reference.js';

const committed = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

describe('generated references in docs/', () => {
  it('configuration.md matches the config schema (run `npm run docs` after changing it)', () => {
    expect(committed('configuration.md')).toBe(renderConfigReference(configSchema, envShorthands));
  });

  it('errors.md matches the error catalogue (run `npm run docs` after changing it)', () => {
    expect(committed('errors.md')).toBe(renderErrorReference());
  });
});
