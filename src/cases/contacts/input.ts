// Checks a service's input against its zod schema, so the CLI and the API get the same clear REQUEST_INVALID.
import type { z } from 'zod';
import { YaguraError } from '../../core/errors.js';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : what;
  throw new YaguraError('REQUEST_INVALID', `${what}: ${path}: ${issue?.message ?? 'is invalid'}`, {
    location: { key: path },
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

/** A LIKE pattern matching `text` anywhere, with the wildcards in it escaped (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
