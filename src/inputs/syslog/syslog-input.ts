// The syslog input: starts the UDP, TCP and TLS listeners its config asks for and closes them together.
import type * as tls from 'node:tls';
import { YaguraError } from '../../core/errors.js';
import { tenantId } from '../../core/ids.js';
import { isParserName, parserNames } from '../../parsers/detect.js';
import {
  type Input,
  type InputAddress,
  type InputContext,
  type ListenerStats,
  silentLogger,
} from '../input.js';
import type { SyslogConfig } from './config.js';
import { TenantLookup } from './messages.js';
import { StreamListener } from './tcp-listener.js';
import { loadTlsOptions } from './tls.js';
import { UdpListener } from './udp-listener.js';

export const SYSLOG_INPUT = 'syslog';

type Listener = UdpListener | StreamListener;

export class SyslogInput implements Input {
  readonly kind = SYSLOG_INPUT;
  private readonly listeners: Listener[] = [];
  private started = false;

  /** Reads the TLS files now, so a bad certificate fails at start-up before anything is bound. */
  constructor(config: SyslogConfig, context: InputContext) {
    if (config.parser !== undefined && !isParserName(config.parser)) {
      throw new YaguraError(
        'CONFIG_INVALID',
        `inputs.syslog.parser: "${config.parser}" is not a parser (known: ${parserNames().join(', ')})`,
        { location: { key: 'inputs.syslog.parser' } },
      );
    }
    const tenants = new TenantLookup(tenantId(config.tenant), context.resolveTenant);
    const common = {
      input: SYSLOG_INPUT,
      host: config.host,
      maxMessageSize: config.maxMessageSize,
      tenants,
      parser: config.parser,
      sink: context.sink,
      logger: context.logger ?? silentLogger,
    };
    const stream = {
      ...common,
      framing: config.framing,
      maxConnections: config.maxConnections,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
    };
    if (typeof config.udpPort === 'number')
      this.listeners.push(new UdpListener({ ...common, port: config.udpPort }));
    if (typeof config.tcpPort === 'number') {
      this.listeners.push(new StreamListener({ ...stream, transport: 'tcp', port: config.tcpPort }));
    }
    if (config.tls && typeof config.tlsPort === 'number') {
      const tlsOptions: tls.TlsOptions = loadTlsOptions(config.tls);
      this.listeners.push(
        new StreamListener({ ...stream, transport: 'tls', port: config.tlsPort, tls: tlsOptions }),
      );
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      for (const listener of this.listeners) await listener.listen();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.listeners.map((l) => l.close()));
  }

  addresses(): InputAddress[] {
    return this.listeners.map((l) => l.address());
  }

  stats(): ListenerStats[] {
    return this.listeners.map((l) => l.stats());
  }

  /** The bound port of one transport, or undefined when that listener is off. */
  port(transport: InputAddress['transport']): number | undefined {
    return this.addresses().find((a) => a.transport === transport)?.port;
  }
}
