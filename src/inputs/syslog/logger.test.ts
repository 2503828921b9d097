import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyslog, closeStartedInputs } from '../testing/start-syslog.js';

afterEach(closeStartedInputs);

const run = promisify(execFile);
const logger = '/usr/bin/logger';
const hasLogger = existsSync(logger);
if (!hasLogger)
  console.warn('Skipping the util-linux logger interoperability tests: /usr/bin/logger is absent.');

async function send(port: number, ...args: string[]): Promise<void> {
  await run(logger, ['--server', '127.0.0.1', '--port', String(port), '--tag', 'yagura-test', ...args]);
}

describe.skipIf(!hasLogger)('syslog from util-linux logger', () => {
  it('receives an RFC 5424 message over TCP (newline framing)', async () => {
    const { sink, tcp } = await startSyslog();
    await send(tcp, '--tcp', '--rfc5424', 'hello over tcp');
    await sink.waitForCount(1);
    expect(sink.texts[0]).toMatch(/^<13>1 \d{4}-\d\d-\d\dT\S+ \S+ yagura-test \S+ - .*hello over tcp$/);
  });

  it('receives an RFC 5424 message over TCP with octet counting', async () => {
    const { sink, tcp } = await startSyslog();
    await send(tcp, '--tcp', '--rfc5424', '--octet-count', 'hello octet counted');
    await sink.waitForCount(1);
    expect(sink.texts[0]).toMatch(/^<13>1 .* yagura-test .*hello octet counted$/);
    expect(sink.received[0]?.tags).toBeUndefined();
  });

  it('receives an RFC 3164 message over UDP', async () => {
    const { sink, udp } = await startSyslog();
    await send(udp, '--udp', '--rfc3164', '--priority', 'auth.warning', 'hello over udp');
    await sink.waitForCount(1);
    expect(sink.texts[0]).toMatch(
      /^<36>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ yagura-test(\[\d+\])?: hello over udp$/,
    );
    expect(sink.received[0]?.fields).toEqual({ 'yagura.transport': 'udp' });
  });

  it('receives every line of a multi-line message sent over TCP as its own message', async () => {
    const { sink, tcp } = await startSyslog();
    const { spawn } = await import('node:child_process');
    const child = spawn(logger, [
      '--server',
      '127.0.0.1',
      '--port',
      String(tcp),
      '--tcp',
      '--rfc3164',
      '--tag',
      't',
    ]);
    child.stdin.end('line one\nline two\nline three\n');
    await new Promise((resolve) => child.once('exit', resolve));
    await sink.waitForCount(3);
    expect(sink.texts.map((t) => t.replace(/^.*t: /, ''))).toEqual(['line one', 'line two', 'line three']);
  });
});
