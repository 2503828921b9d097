import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySink } from '../testing/memory-sink.js';
import { connectTcp, endSocket, octetFrame, sendTcp, sleep, until, write } from '../testing/net-clients.js';
import { startSyslog, closeStartedInputs } from '../testing/start-syslog.js';

afterEach(closeStartedInputs);

const tcpStats = (s: Awaited<ReturnType<typeof startSyslog>>) =>
  s.input.stats().find((x) => x.transport === 'tcp');

describe('TCP listener with malformed input', () => {
  it('delivers a partial last frame when the sender closes, octet-counted ones tagged truncated', async () => {
    const { sink, tcp } = await startSyslog();
    await sendTcp(tcp, '<13>complete\n<13>no newline at the end');
    await sendTcp(tcp, octetFrame('<13>whole') + '40 <13>cut short');
    await sink.waitForCount(4);
    expect(sink.received.map((m) => [m.text, m.tags])).toEqual([
      ['<13>complete', undefined],
      ['<13>no newline at the end', undefined],
      ['<13>whole', undefined],
      ['<13>cut short', ['truncated']],
    ]);
  });

  it('keeps the bytes after a wrong octet count, reading on with newline framing', async () => {
    const started = await startSyslog();
    const { sink, tcp } = started;
    await sendTcp(tcp, '10 <13>hello world\n<13>after\n');
    await sink.waitForCount(3);
    expect(sink.received.map((m) => [m.text, m.tags])).toEqual([
      ['<13>hello ', undefined],
      ['world', ['framing_error']],
      ['<13>after', undefined],
    ]);
    expect(tcpStats(started)?.framingErrors).toBe(1);
  });

  it('replaces invalid UTF-8 and tags the message', async () => {
    const started = await startSyslog();
    await sendTcp(
      started.tcp,
      Buffer.concat([
        Buffer.from('<13>bad '),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from(' bytes\n<13>good é\n'),
      ]),
    );
    await started.sink.waitForCount(2);
    expect(started.sink.received.map((m) => [m.text, m.tags])).toEqual([
      ['<13>bad \uFFFD(\uFFFD bytes', ['invalid_utf8']],
      ['<13>good é', undefined],
    ]);
    expect(tcpStats(started)?.invalidUtf8).toBe(1);
  });

  it('cuts a 1 MB line to the 64 KB limit and reads the next line intact', async () => {
    const started = await startSyslog({ maxMessageSize: 65536 });
    const huge = `<13>${'m'.repeat(1024 * 1024)}`;
    await sendTcp(started.tcp, `${huge}\n<13>next\n`);
    await started.sink.waitForCount(2);
    const [first, second] = started.sink.received;
    expect(first?.text.length).toBe(65536);
    expect(first?.tags).toEqual(['truncated']);
    expect(second?.text).toBe('<13>next');
    expect(tcpStats(started)).toMatchObject({ truncated: 1, bytesIn: huge.length + 10 });
  });

  it('survives a megabyte of binary garbage and keeps serving other connections', async () => {
    const started = await startSyslog({ maxMessageSize: 4096 });
    const garbage = randomBytes(1024 * 1024);
    await sendTcp(started.tcp, garbage);
    await until(() => (tcpStats(started)?.bytesIn ?? 0) === garbage.length, 5000, 'the garbage to be read');
    await until(() => tcpStats(started)?.connectionsCurrent === 0);
    const fromGarbage = started.sink.received.length;
    expect(fromGarbage).toBeGreaterThan(0);
    expect(started.sink.received.every((m) => Buffer.byteLength(m.text) <= 4096 * 3)).toBe(true);
    await sendTcp(started.tcp, '<13>still fine\n');
    await started.sink.waitForCount(fromGarbage + 1);
    expect(started.sink.texts.at(-1)).toBe('<13>still fine');
  });
});

describe('TCP listener backpressure', () => {
  it('pauses every connection while the sink is full and resumes them after drain', async () => {
    const sink = new MemorySink(1);
    const started = await startSyslog({}, { sink });
    const a = await connectTcp(started.tcp);
    await write(a, '<13>first\n');
    await sink.waitForCount(1);
    await until(() => tcpStats(started)?.pausedCurrent === true);

    // 16 MB is more than loopback socket buffers hold: the sender must back up while we are paused.
    const line = `<13>${'p'.repeat(75)}\n`;
    const lines = 200_000;
    a.write(line.repeat(lines));
    const b = await connectTcp(started.tcp);
    b.write('<13>from a connection opened while paused\n');
    await sleep(300);
    const during = sink.received.length;
    await sleep(300);
    expect(sink.received.length).toBe(during);
    expect(during).toBeLessThan(lines);
    expect(a.writableLength).toBeGreaterThan(0);
    expect(sink.texts).not.toContain('<13>from a connection opened while paused');

    sink.drain();
    sink.highWaterMark = Number.POSITIVE_INFINITY;
    await sink.waitForCount(lines + 2, 20_000);
    expect(tcpStats(started)?.pausedCurrent).toBe(false);
    expect(sink.texts).toContain('<13>from a connection opened while paused');
    expect(sink.texts.filter((t) => t === line.trimEnd())).toHaveLength(lines);
    await Promise.all([endSocket(a), endSocket(b)]);
  });

  it('refuses new connections once the sink is closing', async () => {
    const sink = new MemorySink();
    const started = await startSyslog({}, { sink });
    sink.closing = true;
    const socket = await connectTcp(started.tcp);
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(tcpStats(started)?.connectionsRejected).toBe(1);
  });
});

describe('TCP listener close', () => {
  it('delivers the partial frame of an open connection and closes the connection', async () => {
    const { sink, tcp, input } = await startSyslog();
    const socket = await connectTcp(tcp);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    await write(socket, '<13>complete\n<13>still being written');
    await sink.waitForCount(1);
    await sleep(50);
    await input.close();
    expect(sink.texts).toEqual(['<13>complete', '<13>still being written']);
    await closed;
    await expect(connectTcp(tcp)).rejects.toThrow();
  });

  it('delivers what was read while paused exactly once', async () => {
    const sink = new MemorySink(1);
    const started = await startSyslog({}, { sink });
    const socket = await connectTcp(started.tcp);
    socket.on('error', () => {});
    const lines = 50_000;
    socket.write(Array.from({ length: lines }, (_, i) => `<13>n=${i}\n`).join(''));
    await sink.waitForCount(1);
    await sleep(200);
    await started.input.close();
    // Every line once and in order; the last may be the partial line that was in flight.
    const texts = sink.texts;
    expect(texts.length).toBeGreaterThan(1);
    const whole = texts.slice(0, -1);
    expect(whole).toEqual(Array.from({ length: whole.length }, (_, i) => `<13>n=${i}`));
    expect(`<13>n=${whole.length}`.startsWith(texts.at(-1) as string)).toBe(true);
  });
});
