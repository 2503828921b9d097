// The `cases` configuration: where incident playbooks and communication templates come from besides the starter
// sets, and the evidence locker's limits.
import { z } from 'zod';
import { evidenceConfigSchema } from './evidence/config.js';

export const casesSchema = z
  .object({
    playbooks: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Folders of your own playbook YAML files (docs/playbooks.md), read after the starter set; a playbook with the id of a starter one replaces it.',
      ),
    communicationTemplates: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A folder of communication templates (docs/contacts-and-inquiries.md) to use instead of the starter set in content/communication-templates.',
      ),
    evidence: evidenceConfigSchema.prefault({}).describe('The evidence locker (docs/evidence.md).'),
    reports: z
      .object({
        organization: z
          .string()
          .min(1)
          .max(200)
          .default('Yagura SOC')
          .describe('The SOC or CSIRT that signs incident reports (their 作成者 line).'),
        templates: z
          .string()
          .min(1)
          .optional()
          .describe(
            'A folder of your own report templates (docs/reports.md); a file there replaces the built-in one of the same name.',
          ),
        chromium: z
          .string()
          .min(1)
          .optional()
          .describe(
            'The Chromium binary that prints PDF reports (default: the first of /usr/bin/chromium and similar).',
          ),
      })
      .strict()
      .prefault({})
      .describe('Incident reports (docs/reports.md).'),
  })
  .strict();

export type CasesConfig = z.infer<typeof casesSchema>;
