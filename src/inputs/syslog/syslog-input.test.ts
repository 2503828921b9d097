import { afterEach, describe, expect, it } from 'vitest';
import { tenantId } from '../../core/ids.js';
import {
  connectTcp,
  endSocket,
  octetFrame,
  sendTcp,
  sendUdp,
  sleep,
  until,
  write,
} from '../testing/net-clients.js';
import { syslogConfigSchema, syslogInput } from './index.js';
import { acme, startSyslog, closeStartedInputs } from '../testing/start-syslog.js';
import { MemorySink } from '../testing/memory-sink.js';

afterEach(closeStartedInputs);

describe('syslog input config', () => {
  it('fills in the documented defaults', () => {
    const config = syslogConfigSchema.parse({});
    expect(config).toMatchObject({
      host: '0.0.0.0',
      udpPort: 5514,
      tcpPort: 5514,
      tlsPort: 6514,
      maxMessageSize: 65536,
      maxConnections: 10000,
      tenant: 'default',
      framing: 'auto',
    });
    expect(config.tls).toBeUndefined();
  });

  it('describes every field for the generated configuration reference', () => {
    for (const [key, field] of Object.entries(syslogConfigSchema.shape)) {
      expect(field.description, key).toBeTruthy();
    }
  });

  it('turns a listener off with false or null and runs no TLS listener without a certificate', async () => {
    const { input } = await startSyslog({ udpPort: false, tcpPort: 0, tlsPort: 0 });
    expect(input.addresses().map((a) => a.transport)).toEqual(['tcp']);
    const { input: udpOnly } = await startSyslog({ tcpPort: null });
    expect(udpOnly.addresses().map((a) => a.transport)).toEqual(['udp']);
  });

  it('rejects an invalid tenant name', () => {
    expect(() => syslogConfigSchema.parse({ tenant: 'Not Valid' })).toThrow();
  });

  it('refuses to start with a pinned parser that does not exist, naming the ones that do', async () => {
    await expect(startSyslog({ parser: 'fortigatee' })).rejects.toThrow(
      /inputs.syslog.parser: "fortigatee" is not a parser \(known: .*cef.*fortigate/,
    );
  });

  it('pins the configured parser on every message it receives', async () => {
    const { sink, tcp } = await startSyslog({ parser: 'kv' });
    await sendTcp(tcp, '<13>Jan  1 00:00:00 host app: a=1 b=2\n');
    await sink.waitForCount(1);
    expect(sink.received[0]?.format).toBe('kv');
  });
});

describe('syslog over TCP', () => {
  it('receives newline-framed messages with sender, tenant and transport', async () => {
    const { sink, tcp } = await startSyslog();
    await sendTcp(tcp, '<13>Jan  1 00:00:00 host app: one\n<14>Jan  1 00:00:01 host app: two\r\n');
    await sink.waitForCount(2);
    expect(sink.texts).toEqual(['<13>Jan  1 00:00:00 host app: one', '<14>Jan  1 00:00:01 host app: two']);
    const m = sink.received[0];
    expect(m).toMatchObject({
      input: 'syslog',
      tenant: 'default',
      sourceAddress: '127.0.0.1',
      fields: { 'yagura.transport': 'tcp' },
    });
    expect(m?.tags).toBeUndefined();
    expect(typeof m?.receivedAt).toBe('number');
  });

  it('receives octet-counted messages, including ones with embedded newlines', async () => {
    const { sink, tcp } = await startSyslog();
    const a = '<165>1 2024-05-01T10:00:00Z host app 1 ID47 - multi\nline';
    const b = '<165>1 2024-05-01T10:00:01Z host app 1 ID48 - second';
    await sendTcp(tcp, octetFrame(a) + octetFrame(b));
    await sink.waitForCount(2);
    expect(sink.texts).toEqual([a, b]);
  });

  it('detects the framing per connection when newline and octet-counting senders share the port', async () => {
    const { sink, tcp } = await startSyslog();
    const nl = await connectTcp(tcp);
    const oc = await connectTcp(tcp);
    for (let i = 0; i < 20; i++) {
      await write(nl, `<13>newline ${i}\n`);
      await write(oc, octetFrame(`<13>octet ${i}`));
    }
    await Promise.all([endSocket(nl), endSocket(oc)]);
    await sink.waitForCount(40);
    const texts = sink.texts;
    expect(texts.filter((t) => t.startsWith('<13>newline'))).toEqual(
      Array.from({ length: 20 }, (_, i) => `<13>newline ${i}`),
    );
    expect(texts.filter((t) => t.startsWith('<13>octet'))).toEqual(
      Array.from({ length: 20 }, (_, i) => `<13>octet ${i}`),
    );
  });

  it('reassembles frames written one byte per TCP write', async () => {
    const { sink, tcp } = await startSyslog();
    const socket = await connectTcp(tcp);
    const payload = Buffer.from(octetFrame('<13>split é') + octetFrame('<13>second'));
    for (const byte of payload) {
      await write(socket, Buffer.from([byte]));
      await sleep(1);
    }
    await endSocket(socket);
    await sink.waitForCount(2);
    expect(sink.texts).toEqual(['<13>split é', '<13>second']);
  });

  it('takes 200 concurrent connections each sending 50 frames, batching the frames of a chunk', async () => {
    const { sink, tcp, input } = await startSyslog();
    const sockets = await Promise.all(Array.from({ length: 200 }, () => connectTcp(tcp)));
    const tcpStats = () => input.stats().find((s) => s.transport === 'tcp');
    await until(() => tcpStats()?.connectionsCurrent === 200);
    await Promise.all(
      sockets.map(async (s, c) => {
        const lines = Array.from({ length: 50 }, (_, i) => `<13>conn ${c} msg ${i}\n`).join('');
        await write(s, lines);
        await endSocket(s);
      }),
    );
    await sink.waitForCount(10_000, 15_000);
    const perConnection = new Map<string, number[]>();
    for (const t of sink.texts) {
      const [, c, i] = /conn (\d+) msg (\d+)/.exec(t) ?? [];
      perConnection.set(c as string, [...(perConnection.get(c as string) ?? []), Number(i)]);
    }
    expect(perConnection.size).toBe(200);
    for (const seq of perConnection.values()) expect(seq).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Frames of one chunk arrive in one push: far fewer pushes than messages.
    expect(sink.pushSizes.length).toBeLessThan(2000);
    expect(tcpStats()).toMatchObject({ framesIn: 10_000, connectionsTotal: 200 });
    await until(() => tcpStats()?.connectionsCurrent === 0);
  });

  it('assigns the tenant the resolver picks for the sender address', async () => {
    const seen: (string | undefined)[] = [];
    const { sink, tcp, udp } = await startSyslog(
      { tenant: 'fallback' },
      {
        resolveTenant: (address, listenerTenant) => {
          seen.push(address);
          expect(listenerTenant).toBe('fallback');
          return address === '127.0.0.1' ? acme : listenerTenant;
        },
      },
    );
    await sendTcp(tcp, '<13>tcp\n');
    await sendUdp(udp, '<13>udp');
    await sink.waitForCount(2);
    expect(sink.received.map((m) => m.tenant)).toEqual([acme, acme]);
    expect(seen).toContain('127.0.0.1');
  });

  it('refuses connections beyond maxConnections and counts them', async () => {
    const { tcp, input } = await startSyslog({ maxConnections: 2 });
    const a = await connectTcp(tcp);
    const b = await connectTcp(tcp);
    await until(() => input.stats().find((s) => s.transport === 'tcp')?.connectionsCurrent === 2);
    const c = await connectTcp(tcp);
    await new Promise<void>((resolve) => c.once('close', () => resolve()));
    expect(input.stats().find((s) => s.transport === 'tcp')?.connectionsRejected).toBe(1);
    await Promise.all([endSocket(a), endSocket(b)]);
  });

  it('closes a connection idle for longer than idleTimeoutSeconds', async () => {
    const { tcp, sink } = await startSyslog({ idleTimeoutSeconds: 1 });
    const socket = await connectTcp(tcp);
    await write(socket, '<13>then silence\n');
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sink.texts).toEqual(['<13>then silence']);
  });
});

describe('syslog over UDP', () => {
  it('takes each datagram as one message, trailing newline removed', async () => {
    const { sink, udp, input } = await startSyslog();
    await sendUdp(
      udp,
      '<13>Jan  1 00:00:00 host app: first\n',
      '<13>Jan  1 00:00:00 host app: line\nwith newline',
    );
    await sink.waitForCount(2);
    expect(sink.texts).toEqual([
      '<13>Jan  1 00:00:00 host app: first',
      '<13>Jan  1 00:00:00 host app: line\nwith newline',
    ]);
    expect(sink.received[0]?.fields).toEqual({ 'yagura.transport': 'udp' });
    expect(sink.received[0]?.sourceAddress).toBe('127.0.0.1');
    expect(input.stats().find((s) => s.transport === 'udp')?.framesIn).toBe(2);
  });

  it('receives a datagram of 60 KB whole and cuts one over the limit', async () => {
    const { sink, udp } = await startSyslog({ maxMessageSize: 30_000 });
    const big = `<13>${'u'.repeat(60_000)}`;
    await sendUdp(udp, big);
    await sink.waitForCount(1);
    expect(sink.received[0]?.text.length).toBe(30_000);
    expect(sink.received[0]?.tags).toEqual(['truncated']);
    const { sink: sink2, udp: udp2 } = await startSyslog();
    await sendUdp(udp2, big);
    await sink2.waitForCount(1);
    expect(sink2.received[0]?.text).toBe(big);
  });

  it('drops datagrams while the sink is full and counts them by reason', async () => {
    const sink = new MemorySink(1);
    sink.push([{ tenant: tenantId('default'), input: 'test', receivedAt: 0, text: 'fills the queue' }]);
    expect(sink.full).toBe(true);
    const { udp, input } = await startSyslog({}, { sink });
    await sendUdp(udp, ...Array.from({ length: 10 }, (_, i) => `<13>dropped ${i}`));
    await sink.waitFor((s) => (s.drops.get('syslog:queue_full') ?? 0) === 10);
    expect(input.stats().find((s) => s.transport === 'udp')?.dropped).toEqual({ queue_full: 10 });
    sink.drain();
    await sendUdp(udp, '<13>kept');
    await sink.waitForCount(2);
    expect(sink.texts).toEqual(['fills the queue', '<13>kept']);
  });
});

describe('syslog input lifecycle', () => {
  it('fails to start on a port in use and leaves nothing bound', async () => {
    const { tcp } = await startSyslog({ udpPort: false });
    const config = syslogConfigSchema.parse({ host: '127.0.0.1', udpPort: 0, tcpPort: tcp, tlsPort: false });
    const second = syslogInput.create(config, { sink: new MemorySink() });
    await expect(second.start()).rejects.toMatchObject({ code: 'INPUT_LISTEN_FAILED' });
    expect(second.stats()[0]?.port).toBeGreaterThan(0);
    // UDP listener was bound then closed: closing again is harmless.
    await second.close();
  });
});
