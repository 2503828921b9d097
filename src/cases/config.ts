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
  })
  .strict();

export type CasesConfig = z.infer<typeof casesSchema>;
