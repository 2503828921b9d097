// The syslog input's configuration schema; every field is described so the configuration reference is generated.
import { z } from 'zod';

const port = (defaultPort: number, what: string) =>
  z
    .union([z.number().int().min(0).max(65535), z.literal(false), z.null()])
    .default(defaultPort)
    .describe(`${what} port; 0 picks a free port (tests), false or null turns this listener off.`);

export const syslogTlsSchema = z
  .object({
    cert: z.string().min(1).describe('Path to the server certificate (PEM), with its chain.'),
    key: z.string().min(1).describe('Path to the private key of the certificate (PEM, unencrypted).'),
    ca: z
      .string()
      .min(1)
      .optional()
      .describe('Path to the CA certificates (PEM) that client certificates are checked against.'),
    requestClientCert: z
      .boolean()
      .default(false)
      .describe(
        'Require senders to present a client certificate signed by `ca` (mutual TLS); others are refused.',
      ),
  })
  .describe('Certificate files and client-certificate policy of the TLS listener.');

export const syslogConfigSchema = z
  .object({
    // Syslog comes from devices elsewhere on the network, so the default listens on every interface.
    host: z
      .string()
      .default('0.0.0.0')
      .describe(
        'Address to listen on. The default, 0.0.0.0, accepts devices on every IPv4 interface; "::" adds IPv6.',
      ),
    udpPort: port(5514, 'UDP (RFC 5426)'),
    tcpPort: port(5514, 'TCP (RFC 6587)'),
    tlsPort: port(6514, 'TLS (RFC 5425)'),
    tls: syslogTlsSchema
      .optional()
      .describe('TLS listener (RFC 5425) settings; the TLS listener runs only when this block is present.'),
    framing: z
      .enum(['auto', 'newline', 'octet-counting'])
      .default('auto')
      .describe(
        'TCP/TLS framing: "auto" detects it per connection (octet counting when a stream starts "123 <"), or force one.',
      ),
    maxMessageSize: z
      .number()
      .int()
      .min(256)
      .max(16 * 1024 * 1024)
      .default(65536)
      .describe('Longest message in bytes; longer messages are cut to this size and tagged "truncated".'),
    maxConnections: z
      .number()
      .int()
      .min(1)
      .default(10000)
      .describe(
        'Most concurrent TCP connections, and separately most TLS connections; further ones are refused.',
      ),
    idleTimeoutSeconds: z
      .number()
      .int()
      .min(0)
      .default(3600)
      .describe(
        'Close a TCP/TLS connection that sent nothing for this long; 0 keeps idle connections open. TCP keep-alive still detects dead peers.',
      ),
    parser: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Pin a format or device parser for every message of this input (e.g. "fortigate", "cisco-asa"); by default each message is detected on its own.',
      ),
    tenant: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
      .default('default')
      .describe(
        'Tenant of the messages received, unless a source-address range maps the sender to another tenant.',
      ),
  })
  .describe(
    'Receives syslog over UDP, TCP and TLS: RFC 3164 and RFC 5424 messages, newline or octet-counted framing.',
  );

export type SyslogConfig = z.output<typeof syslogConfigSchema>;
export type SyslogConfigInput = z.input<typeof syslogConfigSchema>;
export type SyslogTlsConfig = z.output<typeof syslogTlsSchema>;
