// The SQL functions compiled queries call, registered on every SQLite connection that runs them.
import type Database from 'better-sqlite3';
import { ygCidr } from './cidr.js';
import { documentText } from './fields.js';
import { containsPhrase, textTokens } from './values.js';

/** 1 when the document of (message, raw) holds the JSON array of tokens as consecutive words, else 0. */
export function ygPhrase(message: unknown, raw: unknown, tokensJson: unknown, prefix: unknown): 0 | 1 {
  if (typeof tokensJson !== 'string') return 0;
  const doc = documentText(
    typeof message === 'string' ? message : undefined,
    typeof raw === 'string' ? raw : undefined,
  );
  return containsPhrase(textTokens(doc), JSON.parse(tokensJson) as string[], prefix === 1) ? 1 : 0;
}

export function registerSearchFunctions(db: Database.Database): void {
  db.function('yg_cidr', { deterministic: true }, ygCidr);
  db.function('yg_phrase', { deterministic: true }, ygPhrase);
}
