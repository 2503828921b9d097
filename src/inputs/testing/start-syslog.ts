// Starts syslog inputs on free loopback ports for tests; `closeStartedInputs` (an afterEach hook) closes them.
import { tenantId } from '../../core/ids.js';
import type { InputContext } from '../input.js';
import { MemorySink } from './memory-sink.js';
import {
  syslogConfigSchema,
  syslogInput,
  type SyslogConfigInput,
  type SyslogInput,
} from '../syslog/index.js';

const running: SyslogInput[] = [];

export async function closeStartedInputs(): Promise<void> {
  await Promise.all(running.splice(0).map((i) => i.close()));
}

export interface Started {
  input: SyslogInput;
  sink: MemorySink;
  tcp: number;
  udp: number;
  tls: number;
}

export async function startSyslog(
  config: SyslogConfigInput = {},
  context: Partial<InputContext> & { sink?: MemorySink } = {},
): Promise<Started> {
  const sink = context.sink ?? new MemorySink();
  const parsed = syslogConfigSchema.parse({
    host: '127.0.0.1',
    udpPort: 0,
    tcpPort: 0,
    tlsPort: false,
    ...config,
  });
  const input = syslogInput.create(parsed, { ...context, sink });
  await input.start();
  running.push(input);
  return {
    input,
    sink,
    tcp: input.port('tcp') ?? -1,
    udp: input.port('udp') ?? -1,
    tls: input.port('tls') ?? -1,
  };
}

export const acme = tenantId('acme');
