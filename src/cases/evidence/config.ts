// The `evidence` settings of the incident evidence locker (to be joined into the configuration schema).
import { z } from 'zod';

/** 2 GiB: a memory image or a disk excerpt fits; a whole disk image is better kept outside and referenced. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 2 * 1024 ** 3;

export const evidenceConfigSchema = z
  .object({
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .default(DEFAULT_EVIDENCE_MAX_BYTES)
      .describe(
        'Largest evidence file accepted by upload, in bytes (default 2 GiB); larger uploads get 413 and nothing is stored.',
      ),
  })
  .strict();

export type EvidenceConfig = z.infer<typeof evidenceConfigSchema>;
