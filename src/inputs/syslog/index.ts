// The syslog input component: kind, description, config schema and factory (STYLE.md point 1).
import type { InputDefinition } from '../input.js';
import { syslogConfigSchema } from './config.js';
import { SYSLOG_INPUT, SyslogInput } from './syslog-input.js';

export const syslogInput = {
  kind: SYSLOG_INPUT,
  description: 'Receives syslog over UDP, TCP (newline or octet-counted framing) and TLS.',
  configSchema: syslogConfigSchema,
  create: (config, context) => new SyslogInput(config, context),
} satisfies InputDefinition<typeof syslogConfigSchema, SyslogInput>;

export { syslogConfigSchema, type SyslogConfig, type SyslogConfigInput } from './config.js';
export { SyslogInput } from './syslog-input.js';
export { TRANSPORT_FIELD } from './messages.js';
