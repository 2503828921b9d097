import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadYaguraConfig } from './index.js';
import { renderConfigReference } from './reference.js';
import { envShorthands } from './load.js';

const dir = mkdtempSync(join(tmpdir(), 'yagura-config-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadYaguraConfig', () => {
  it('works with no file at all, on the documented defaults', () => {
    const { config, source } = loadYaguraConfig({ env: {}, cwd: dir });
    expect(source).toBeUndefined();
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(config.inputs.syslog).toMatchObject({ udpPort: 5514, tcpPort: 5514, tlsPort: 6514 });
    expect(config.dataDir).toBe('./data');
    expect(config.tenants.map((t) => t.id)).toEqual(['default']);
  });

  it('lets the shorthand environment variables override the file', () => {
    const path = file('a.yaml', 'dataDir: /srv/yagura\nserver:\n  port: 9000\n');
    const { config } = loadYaguraConfig({
      path,
      env: {
        YAGURA_HTTP_PORT: '9100',
        YAGURA_SYSLOG_PORT: '1514',
        YAGURA_DATA_DIR: '/tmp/x',
        YAGURA__QUEUE__BATCH_SIZE: '777',
      },
    });
    expect(config.server.port).toBe(9100);
    expect(config.inputs.syslog.udpPort).toBe(1514);
    expect(config.inputs.syslog.tcpPort).toBe(1514);
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.queue.batchSize).toBe(777);
  });

  it('names the bad key and where it came from', () => {
    expect(() => loadYaguraConfig({ env: { YAGURA_HTTP_PORT: 'eighty' }, cwd: dir })).toThrow(
      /server\.port: .*\(from YAGURA_HTTP_PORT\)/,
    );
    const path = file('b.yaml', 'tenants:\n  - id: Bad Tenant\n');
    expect(() => loadYaguraConfig({ path, env: {} })).toThrow(/tenants\.0\.id: .*lowercase/);
    const unknown = file('c.yaml', 'serverr:\n  port: 1\n');
    expect(() => loadYaguraConfig({ path: unknown, env: {} })).toThrow(/serverr/);
  });

  it('reports a YAML syntax error with its line, and a missing file by name', () => {
    const path = file('d.yaml', 'server:\n  port: [1,\n');
    expect(() => loadYaguraConfig({ path, env: {} })).toThrow(/not valid YAML/);
    expect(() => loadYaguraConfig({ path: join(dir, 'missing.yaml'), env: {} })).toThrow(/does not exist/);
  });

  it('rejects an unknown time zone and duplicate tenants', () => {
    const tz = file('e.yaml', 'tenants:\n  - id: a\n    timeZone: Mars/Olympus\n');
    expect(() => loadYaguraConfig({ path: tz, env: {} })).toThrow(/tenants\.0\.timeZone/);
    const dup = file('f.yaml', 'tenants:\n  - id: a\n  - id: a\n');
    expect(() => loadYaguraConfig({ path: dup, env: {} })).toThrow(/duplicate tenant id "a"/);
  });

  it('renders a reference that documents every top-level key', () => {
    const text = renderConfigReference(configSchema, envShorthands);
    for (const key of [
      'dataDir',
      'server.port',
      'inputs.syslog.tcpPort',
      'queue.capacity',
      'store.retention.maxAgeDays',
    ]) {
      expect(text).toContain(`\`${key}\``);
    }
  });
});
