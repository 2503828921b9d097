import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asAdmin, testApp } from './test-support.js';
import { CONSOLE_SECURITY_HEADERS, IMMUTABLE, defaultConsoleDir, fileInside } from './web-console.js';

const root = mkdtempSync(join(tmpdir(), 'yagura-console-'));
const dist = join(root, 'dist');
const SECRET = 'SECRET-OUTSIDE-THE-CONSOLE-4471';
const INDEX =
  '<!doctype html><title>Yagura</title><div id="root"></div><script src="/assets/app-3f9a1c.js"></script>';
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), INDEX);
writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), 'console.log("yagura");');
for (const name of [
  'style-1a2b.css',
  'logo-77.svg',
  'icon-5.png',
  'font-9.woff2',
  'app-3f9a1c.js.map',
  'data-2.json',
]) {
  writeFileSync(join(dist, 'assets', name), `content of ${name}`);
}
writeFileSync(join(dist, 'favicon.ico'), 'ico');
writeFileSync(join(dist, '.env'), SECRET);
writeFileSync(join(root, 'secret.txt'), SECRET);
symlinkSync(join(root, 'secret.txt'), join(dist, 'assets', 'linked.js'));
const empty = join(root, 'empty');
mkdirSync(empty);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function consoleApp(dir: string, enabled = true) {
  return testApp({ config: { console: { enabled, dir } } }).app;
}

describe('the web console', () => {
  const app = consoleApp(dist);
  afterAll(() => app.close());
  const get = (url: string, method: 'GET' | 'HEAD' = 'GET') => app.inject({ method, url });

  it('answers / with index.html, never cached, with the browser protections', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers).toMatchObject(CONSOLE_SECURITY_HEADERS);
  });

  it('answers any page path without a file extension with index.html, so the app routes it', async () => {
    for (const url of [
      '/incidents/42',
      '/search?query=a.b&from=now-1h',
      '/settings/',
      '/assets/no-extension',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode, res.body]).toEqual([url, 200, INDEX]);
    }
    const deep = `/x/${'segment/'.repeat(40)}end`;
    expect((await get(deep)).body).toBe(INDEX);
  });

  it('serves hashed assets with their content type and a year of immutable caching', async () => {
    const res = await get('/assets/app-3f9a1c.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("yagura");');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-length']).toBe('22');
    expect(res.headers).toMatchObject(CONSOLE_SECURITY_HEADERS);
    const types: Record<string, string> = {
      'style-1a2b.css': 'text/css; charset=utf-8',
      'logo-77.svg': 'image/svg+xml',
      'icon-5.png': 'image/png',
      'font-9.woff2': 'font/woff2',
      'app-3f9a1c.js.map': 'application/json; charset=utf-8',
      'data-2.json': 'application/json; charset=utf-8',
    };
    for (const [name, type] of Object.entries(types)) {
      expect((await get(`/assets/${name}`)).headers['content-type']).toBe(type);
    }
    const icon = await get('/favicon.ico');
    expect([icon.statusCode, icon.headers['content-type'], icon.headers['cache-control']]).toEqual([
      200,
      'image/x-icon',
      'no-cache',
    ]);
  });

  it('answers HEAD with the headers and no body', async () => {
    const asset = await get('/assets/app-3f9a1c.js', 'HEAD');
    expect([asset.statusCode, asset.body, asset.headers['content-length']]).toEqual([200, '', '22']);
    const page = await get('/incidents', 'HEAD');
    expect([page.statusCode, page.body, page.headers['content-type']]).toEqual([
      200,
      '',
      'text/html; charset=utf-8',
    ]);
  });

  it('answers an unknown file with the JSON 404', async () => {
    const res = await get('/assets/missing-00.js');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /assets/missing-00.js' },
    });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('leaves the API, HEC and metrics paths to the API: known routes answer, unknown ones are JSON 404s', async () => {
    for (const url of ['/api/nothing-here', '/api', '/services/nothing', '/metrics/extra']) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([
        url,
        404,
        'application/json; charset=utf-8',
      ]);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toHaveProperty('status');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: asAdmin });
    expect(me.json().user.username).toBe('admin');
    const post = await app.inject({ method: 'POST', url: '/incidents' });
    expect(post.statusCode).toBe(404);
  });

  it('never serves a file outside its folder, however the path is written', async () => {
    const attempts = [
      '/assets/../../secret.txt',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      `/${encodeURIComponent(join(root, 'secret.txt'))}`,
      `/${join(root, 'secret.txt')}`,
      '/assets/linked.js',
      '/.env',
      '/assets/%00.js',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.body.includes(SECRET), `${url} leaks the file`).toBe(false);
      expect(res.body.includes('root:'), `${url} leaks /etc/passwd`).toBe(false);
      // Either the JSON 404 or, for a path without an extension, the app's own page.
      const answer = res.statusCode === 404 ? res.json().error.code : res.body === INDEX ? 'index' : res.body;
      const page = ['//etc/passwd', '/%2fetc%2fpasswd', '/.env'].includes(url);
      expect([url, answer]).toEqual([url, page ? 'index' : 'NOT_FOUND']);
    }
  });

  it('answers a URL that cannot be decoded with the JSON 400', async () => {
    const res = await get('/%E0%A4%A.js');
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
  });
});

describe('fileInside', () => {
  it('resolves a path inside the folder and refuses one that leaves it', () => {
    expect(fileInside('/srv/dist', '/assets/a.js')).toBe('/srv/dist/assets/a.js');
    expect(fileInside('/srv/dist', '/assets/../../etc/passwd')).toBeUndefined();
    expect(fileInside('/srv/dist', '/../dist-other/x.js')).toBeUndefined();
    expect(fileInside('/srv/dist', '/a\\..\\..\\x.js')).toBeUndefined();
    expect(fileInside('/srv/dist', '/')).toBeUndefined();
  });
});

describe('the web console before it is built', () => {
  it('answers pages with 503 and a page saying how to build it, and files with 404', async () => {
    const app = consoleApp(empty);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('CONSOLE_NOT_BUILT');
    expect(res.headers['content-security-policy']).toBe(CONSOLE_SECURITY_HEADERS['content-security-policy']);
    expect((await app.inject({ method: 'GET', url: '/alerts' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(404);
    await app.close();
  });

  it('is not served at all when disabled', async () => {
    const app = consoleApp(dist, false);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND']);
    await app.close();
  });

  it('looks for web/dist in the package folder by default', () => {
    expect(defaultConsoleDir()).toMatch(/[/\\]web[/\\]dist$/);
  });
});
