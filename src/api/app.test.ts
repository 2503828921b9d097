import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { httpInputConfigSchema } from '../inputs/http/config.js';
import { asAdmin, testApp } from './test-support.js';

const http = httpInputConfigSchema.parse({
  hec: { tokens: [{ token: 'hec-token-0123456789abcdef', tenant: 'acme' }] },
});
const { app } = testApp({ config: { http, bodyLimitBytes: 4096 } });
afterAll(() => app.close());

describe('the error format', () => {
  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/nothing-here' } });
  });

  it('answers malformed and empty JSON with 400 BODY_INVALID_JSON', async () => {
    const headers = { 'content-type': 'application/json', ...asAdmin };
    const bad = await app.inject({
      method: 'POST',
      url: '/api/events/search',
      headers,
      payload: '{"query": ',
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'BODY_INVALID_JSON']);
    const empty = await app.inject({ method: 'POST', url: '/api/events/search', headers, payload: '' });
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'BODY_INVALID_JSON']);
  });

  it('answers a content type the search does not take with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/events/search',
      headers: { 'content-type': 'text/csv', ...asAdmin },
      payload: 'a,b',
    });
    expect([res.statusCode, res.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers a JSON body over the limit with 413 BODY_TOO_LARGE', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/events/search',
      headers: asAdmin,
      payload: { query: 'x'.repeat(5000) },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'BODY_TOO_LARGE']);
  });

  it('never answers 500 to garbage sent to any route', async () => {
    const routes = [
      ['POST', '/api/events/search'],
      ['GET', '/api/events/search'],
      ['POST', '/api/events/aggregate'],
      ['POST', '/api/ingest'],
      ['POST', '/services/collector/event'],
      ['POST', '/services/collector/raw'],
    ] as const;
    const contentTypes = [
      'application/json',
      'application/x-ndjson',
      'text/plain',
      'application/octet-stream',
    ];
    const bodies = [
      randomBytes(64),
      Buffer.from('{"query":{"$ne":1},"limit":-1}'),
      Buffer.from('[[[[[[[[[[[[[[[[[['),
      Buffer.from('{"query":"*","by":{"histogram":{"interval":-5}}}'),
      Buffer.from('{"__proto__":{"x":1},"query":"a"}'),
      Buffer.from('{"event":"\\ud800"}'),
    ];
    for (const [method, url] of routes) {
      for (const ct of contentTypes) {
        for (const body of bodies) {
          const res = await app.inject({
            method,
            url:
              method === 'GET'
                ? `${url}?query=%FF%FE&limit=-3&from=${encodeURIComponent(body.toString('latin1'))}`
                : url,
            headers: { 'content-type': ct, authorization: 'Splunk hec-token-0123456789abcdef' },
            ...(method === 'POST' ? { payload: body } : {}),
          });
          expect(res.statusCode, `${method} ${url} ${ct} -> ${res.body}`).toBeLessThan(500);
          const json = res.json();
          expect(
            'error' in json || 'text' in json || 'events' in json || 'accepted' in json || 'buckets' in json,
          ).toBe(true);
        }
      }
    }
  });
});
