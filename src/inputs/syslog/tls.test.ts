import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemorySink } from '../testing/memory-sink.js';
import { octetFrame, until } from '../testing/net-clients.js';
import { syslogConfigSchema, syslogInput } from './index.js';
import { startSyslog, closeStartedInputs } from '../testing/start-syslog.js';

afterEach(closeStartedInputs);

const openssl = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((p) => existsSync(p));
if (!openssl)
  console.warn(
    'Skipping the syslog TLS tests: openssl is not installed, so no test certificate can be made.',
  );

let dir = '';
function selfSigned(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    openssl as string,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    {
      stdio: 'ignore',
    },
  );
  return { cert, key };
}

function connectTls(port: number, options: tls.ConnectionOptions = {}): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false, ...options },
      () => resolve(socket),
    );
    socket.once('error', reject);
  });
}

function sendAndClose(socket: tls.TLSSocket, data: string): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.end(data);
  });
}

describe.skipIf(!openssl)('syslog over TLS', () => {
  let server: { cert: string; key: string };
  let client: { cert: string; key: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yagura-tls-'));
    server = selfSigned('localhost');
    client = selfSigned('device-1');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('receives newline and octet-counted messages over TLS', async () => {
    const {
      sink,
      tls: port,
      input,
    } = await startSyslog({ udpPort: false, tcpPort: false, tlsPort: 0, tls: server });
    expect(input.addresses()).toEqual([{ transport: 'tls', host: '127.0.0.1', port }]);
    const socket = await connectTls(port, { ca: readFileSync(server.cert), rejectUnauthorized: true });
    await sendAndClose(socket, octetFrame('<13>1 - host app - - - over tls') + octetFrame('<13>second'));
    const other = await connectTls(port);
    await sendAndClose(other, '<13>newline over tls\n');
    await sink.waitForCount(3);
    expect(sink.texts.sort()).toEqual([
      '<13>1 - host app - - - over tls',
      '<13>newline over tls',
      '<13>second',
    ]);
    expect(sink.received.every((m) => m.fields?.['yagura.transport'] === 'tls')).toBe(true);
  });

  it('requires a client certificate signed by the configured CA when asked to', async () => {
    const started = await startSyslog({
      udpPort: false,
      tcpPort: false,
      tlsPort: 0,
      tls: { ...server, ca: client.cert, requestClientCert: true },
    });
    const trusted = await connectTls(started.tls, {
      cert: readFileSync(client.cert),
      key: readFileSync(client.key),
    });
    await sendAndClose(trusted, '<13>from a trusted device\n');
    await started.sink.waitForCount(1);

    const anonymous = await connectTls(started.tls).catch((error: Error) => error);
    if (anonymous instanceof tls.TLSSocket) {
      // TLS 1.3: the client learns of the refusal after its handshake completes.
      await new Promise<void>((resolve) => {
        anonymous.on('error', () => {});
        anonymous.once('close', () => resolve());
        anonymous.write('<13>must not arrive\n');
      });
    }
    await until(() => (started.input.stats()[0]?.handshakeErrors ?? 0) === 1);
    expect(started.sink.texts).toEqual(['<13>from a trusted device']);
  });

  it('rejects a configuration whose certificate file is missing, naming the key', () => {
    const config = syslogConfigSchema.parse({ tls: { cert: join(dir, 'missing.crt'), key: server.key } });
    expect(() => syslogInput.create(config, { sink: new MemorySink() })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        details: expect.objectContaining({ location: expect.objectContaining({ key: 'tls.cert' }) }),
      }),
    );
  });

  it('rejects a key that does not belong to the certificate', () => {
    const config = syslogConfigSchema.parse({ tls: { cert: server.cert, key: client.key } });
    expect(() => syslogInput.create(config, { sink: new MemorySink() })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
