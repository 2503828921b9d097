// The evidence routes' zod schemas: evidence items, custody entries, checks, and the request bodies.
import { z } from 'zod';
import { CUSTODY_ACTIONS } from '../../cases/evidence/custody-ledger.js';
import { MANUAL_CUSTODY_ACTIONS } from '../../cases/evidence-service.js';

const sha256 = z.string().describe('A SHA-256, 64 lower-case hex digits.');
const person = z.object({ id: z.string(), name: z.string() });
const handled = z.object({ reason: z.string(), by: person, at: z.number().describe('Epoch ms.') });

export const evidenceSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    tenant: z.string(),
    name: z.string().describe('The original file name.'),
    description: z.string().nullable(),
    contentType: z.string().describe('The Content-Type the uploader sent.'),
    size: z.number().describe('Bytes.'),
    sha256: sha256.describe('SHA-256 computed on arrival; also the stored file name.'),
    receivedAt: z.number().describe('Epoch ms.'),
    receivedBy: person,
    source: z.string().nullable().describe('Where it came from: host, who collected it, how.'),
    legalHold: handled.nullable().describe('Set while the item is under legal hold.'),
    disposed: handled.nullable().describe('Set once the item was disposed of.'),
    custodyHead: z
      .object({ seq: z.number(), hash: sha256 })
      .describe('The newest custody entry as kept on the item; the ledger must still contain it.'),
  })
  .meta({ id: 'Evidence', description: 'An evidence item of an incident.' });

export const custodyEntrySchema = z
  .object({
    seq: z.number().describe('Position in the ledger: 1, 2, 3... with no gaps.'),
    evidenceId: z.string(),
    at: z.number().describe('When it happened, epoch ms.'),
    actor: person,
    action: z.enum(CUSTODY_ACTIONS),
    from: z.string().describe('A network address or a place.'),
    reason: z.string(),
    hashBefore: sha256.optional(),
    hashAfter: sha256.optional(),
    note: z.string().optional(),
    prevHash: sha256,
    hash: sha256.describe('See docs/evidence.md for the formula.'),
  })
  .meta({ id: 'CustodyEntry', description: 'One hash-chained chain-of-custody entry.' });

const ledgerVerificationSchema = z
  .object({
    ok: z.boolean(),
    problems: z.array(
      z.object({
        seq: z.number(),
        kind: z.enum(['hash_mismatch', 'broken_link', 'sequence_gap']),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'LedgerVerification', description: 'The custody chain checked entry by entry.' });

export const custodySchema = z
  .object({
    evidence: evidenceSchema,
    entries: z.array(custodyEntrySchema),
    verification: ledgerVerificationSchema,
  })
  .meta({ id: 'Custody', description: "An evidence item's custody ledger, oldest first, and its check." });

export const evidenceCheckSchema = z
  .object({
    ok: z.boolean(),
    sha256,
    file: z.string().describe('The stored file, relative to the evidence folder.'),
    stored: z
      .object({ ok: z.boolean(), actual: sha256, expected: sha256, size: z.number() })
      .optional()
      .describe('The re-hash of the stored bytes; absent when the file is missing.'),
    ledger: ledgerVerificationSchema,
    problems: z.array(
      z.object({
        kind: z.string().describe('file_missing, file_altered, arrival_hash_mismatch, hash_mismatch, ...'),
        seq: z.number().optional(),
        message: z.string(),
      }),
    ),
    summary: z.string().describe('"intact", or every problem in turn.'),
  })
  .meta({
    id: 'EvidenceCheck',
    description: 'The stored bytes re-hashed and compared with the ledger, and the ledger chain checked.',
  });

const reason = z.string().min(1).max(2000).describe('Why, in your words; kept in the custody ledger.');
const from = z
  .string()
  .max(500)
  .optional()
  .describe("Where from: a place or an address; the request's address when absent.");

export const handlingBody = z.object({ reason, from }).strict();

export const handlingQuery = z.object({ reason, from }).strict();

export const verifyBody = z
  .object({ reason: reason.optional().describe('Why; "Integrity check" when absent.'), from })
  .strict();

export const custodyEntryBody = z
  .object({
    action: z
      .enum(MANUAL_CUSTODY_ACTIONS)
      .describe('What happened; the other actions are recorded by Yagura.'),
    reason,
    from,
    note: z.string().max(10_000).optional(),
    hashBefore: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .describe('SHA-256 before the handling, if checked.'),
    hashAfter: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .describe('SHA-256 after the handling, if checked.'),
  })
  .strict();

export const uploadQuery = z
  .object({
    name: z.string().min(1).max(255).describe('The original file name (required).'),
    reason: reason.describe('Why it is added (required); the first custody entry keeps it.'),
    description: z.string().max(10_000).optional(),
    source: z
      .string()
      .max(2000)
      .optional()
      .describe('Where it came from: host, who collected it, how (e.g. "WS01, collected by aoi with KAPE").'),
    from,
  })
  .strict();

/** The OpenAPI requestBody of the upload: the raw file, any content type. */
export const uploadBodyDoc = {
  description:
    'The file itself, as the raw request body (curl --data-binary @file). Any Content-Type (kept on the item); no multipart, no Content-Encoding. Larger than `cases.evidence.maxBytes` (default 2 GiB): 413, nothing stored.',
  required: true,
  content: {
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    '*/*': { schema: { type: 'string', format: 'binary' } },
  },
};
