import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOpenApi, writeOpenApi } from './openapi.js';
import { testApp } from './test-support.js';

const COMMITTED = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { responses?: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } }
    >
  >;
  components: { schemas: Record<string, unknown> };
}

describe('the OpenAPI document', () => {
  it('documents every route the app serves', async () => {
    const { app } = testApp();
    const routes: string[] = [];
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat())
        if (m !== 'HEAD') routes.push(`${m} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    await app.ready();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
    await app.close();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes request bodies, including the non-JSON ingest bodies, and shares the Error schema', async () => {
    const doc = JSON.parse(await renderOpenApi('1.2.3')) as OpenApiDoc;
    expect(Object.keys(doc.paths['/api/ingest']?.['post']?.requestBody?.content ?? {})).toEqual([
      'application/x-ndjson',
      'application/json',
      'text/plain',
    ]);
    expect(doc.paths['/api/events/search']?.['post']?.requestBody).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Event', 'HecAnswer']),
    );
    expect(JSON.stringify(doc.paths['/api/events/aggregate'])).toContain('#/components/schemas/Error');
  });

  // Regenerate with: YAGURA_UPDATE_DOCS=1 npx vitest run src/api/openapi.test.ts
  it('matches the committed docs/openapi.json', async () => {
    if (process.env['YAGURA_UPDATE_DOCS'] === '1') await writeOpenApi(COMMITTED);
    const current = await renderOpenApi();
    expect(existsSync(COMMITTED), 'docs/openapi.json is missing; regenerate it').toBe(true);
    expect(
      readFileSync(COMMITTED, 'utf8') === current,
      'docs/openapi.json is out of date; regenerate it',
    ).toBe(true);
  });
});
