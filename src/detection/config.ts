// The `detection` configuration: which rule folders run, which threat-intel files are matched.
import { z } from 'zod';
import { LEVELS } from '../detect/sigma/rule.js';

const ruleSetSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
      .describe('Name of the rule set, used to enable or disable it per tenant (e.g. "sigmahq").'),
    paths: z.array(z.string().min(1)).min(1).describe('Sigma rule files or folders (searched recursively).'),
    enabledByDefault: z
      .boolean()
      .default(true)
      .describe('Whether tenants without a setting of their own run this set.'),
  })
  .strict();

const intelSchema = z
  .object({
    path: z.string().min(1).describe('A CSV file, STIX 2.1 bundle, MISP event or MISP feed folder.'),
    id: z.string().optional().describe('Set id; findings carry `intel:<id>`. The file name by default.'),
    name: z.string().optional(),
    format: z.enum(['csv', 'stix', 'misp']).optional().describe('Told from the content when absent.'),
    ttlDays: z
      .number()
      .positive()
      .optional()
      .describe('Indicators without their own expiry stop matching this many days after import.'),
    level: z.enum(LEVELS).optional().describe('Level of findings from indicators that give none.'),
  })
  .strict();

const mappingSchema = z
  .object({
    logsource: z
      .object({
        product: z.string().optional(),
        category: z.string().optional(),
        service: z.string().optional(),
      })
      .strict()
      .describe("The rules it applies to: every key given must equal the rule's; {} applies to all."),
    fields: z
      .record(z.string(), z.array(z.string()).min(1))
      .default({})
      .describe(
        'Sigma field name -> Event fields to look in, the first present wins (e.g. Image: [process.executable]).',
      ),
    prefixes: z
      .array(z.string())
      .optional()
      .describe('Event field prefixes tried with the Sigma name appended (e.g. "myapp.").'),
  })
  .strict();

export const detectionSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run detection on ingested events.'),
    ruleSets: z.array(ruleSetSchema).default([]).describe('Sigma rule sets; none by default.'),
    intel: z.array(intelSchema).default([]).describe('Threat-intel indicator files matched on ingest.'),
    fieldMappings: z
      .array(mappingSchema)
      .default([])
      .describe('Field mappings of this installation, tried before the built-in ones (docs/detection.md).'),
    placeholders: z
      .record(z.string(), z.array(z.string()))
      .default({})
      .describe('Values for `%name%` placeholders of rules using the `expand` modifier.'),
    workers: z
      .number()
      .int()
      .min(0)
      .max(64)
      .default(1)
      .describe(
        'Worker threads that run the rules, each taking whole tenants; 0 runs them on the main thread. Use up to the cores left after ingest.',
      ),
    watch: z
      .boolean()
      .default(true)
      .describe(
        'Reload rules and indicator files when they change on disk (also: POST /api/detection/reload).',
      ),
  })
  .strict();

export type DetectionConfig = z.infer<typeof detectionSchema>;
