// Cursor pagination for lists the services return whole: `{ items, next }`, the cursor being an opaque offset.
import { z } from 'zod';
import { YaguraError } from '../core/errors.js';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Page size, 1..500 (default 100).'),
  cursor: z.string().max(64).optional().describe('The `next` of the previous page.'),
};

export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    next: z.string().optional().describe('Cursor for the next page; absent on the last page.'),
  });
}

export function paginate<T>(
  items: readonly T[],
  limit: number,
  cursor?: string,
): { items: T[]; next?: string } {
  let offset = 0;
  if (cursor !== undefined) {
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    const match = /^o:(\d{1,9})$/.exec(decoded);
    if (!match)
      throw new YaguraError('REQUEST_INVALID', 'The cursor is not valid', { location: { key: 'cursor' } });
    offset = Number(match[1]);
  }
  const page = items.slice(offset, offset + limit);
  const end = offset + page.length;
  return end < items.length
    ? { items: page, next: Buffer.from(`o:${end}`).toString('base64url') }
    : { items: page };
}
