// The `notify` configuration: the SMTP relay escalation mail goes through, and the console address messages link to.
import { z } from 'zod';

export const notifySchema = z
  .object({
    smtp: z
      .object({
        host: z.string().min(1).describe('SMTP relay host.'),
        port: z.number().int().min(1).max(65535).default(587),
        security: z
          .enum(['tls', 'starttls', 'none'])
          .default('starttls')
          .describe(
            'tls: TLS from the first byte (465); starttls: upgrade required (587); none: local relays only.',
          ),
        user: z.string().optional(),
        password: z.string().optional().describe('Prefer YAGURA__NOTIFY__SMTP__PASSWORD in the environment.'),
        from: z.string().min(3).describe('The sender, e.g. "Yagura SOC <soc@example.jp>".'),
      })
      .strict()
      .optional()
      .describe('Without it, email channels of escalation policies fail and say so in the delivery log.'),
    consoleUrl: z
      .string()
      .url()
      .optional()
      .describe('Public address of the console; escalation messages link to its alert pages.'),
  })
  .strict();

export type NotifyConfig = z.infer<typeof notifySchema>;
