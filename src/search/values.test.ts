import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isNumericText,
  likePattern,
  patternRegExp,
  sqlIsNumericText,
  sqlLooksLikeIsoDate,
  storedTimeMs,
  textTokens,
} from './values.js';

const db = new Database(':memory:');
afterAll(() => db.close());

describe('value semantics agree with SQLite', () => {
  it.each([
    '443',
    '-1',
    '1.5',
    '-0.25',
    '007',
    '1.0',
    '',
    '-',
    '.5',
    '5.',
    '1.2.3',
    '1e3',
    ' 1',
    '1 ',
    '+1',
    '0x1f',
    '12a',
    '--1',
    '-.5',
    '١٢',
  ])('decides whether %j is a plain number the same way in JS and SQL', (s) => {
    const row = db.prepare(`SELECT ${sqlIsNumericText('v')} AS n FROM (SELECT ? AS v)`).get(s) as {
      n: number;
    };
    expect(row.n === 1).toBe(isNumericText(s));
  });

  it.each([
    '2025-11-28',
    '2025-11-28T10:00',
    '2025-11-28T10:00Z',
    '2025-11-28 10:00:00',
    '2025-11-28T10:00:00.123Z',
    '2025-11-28T10:00:00.1235Z',
    '2025-11-28T10:00:00.9999Z',
    '2025-11-28T10:00:00+09:00',
    '2025-11-28T10:00:00-00:30',
    '2025-11-28T10:00:00+0900',
    '2025-11-28T10:00  Z',
    '2025-11-28T10:00:00z',
    '2025-11-28 ',
    '2025-11-28Z',
    '2025-11-31',
    '2025-11-32',
    '2025-00-10',
    '2025-11-28T24:00',
    '2025-11-28T25:00',
    '2025-11-28T10:00:60',
    '2025-11-28t10:00',
    '2025-11-28T10',
    '2025-11-28T10:00:00.',
    '2025-11-28T10:00:00UTC',
    '20251128',
    'Nov 28 2025',
    '1764324000',
  ])('reads the stored time %j as SQLite unixepoch does', (s) => {
    const row = db
      .prepare(
        `SELECT CASE WHEN ${sqlLooksLikeIsoDate('v')} THEN round(unixepoch(v, 'subsec') * 1000) END AS ms FROM (SELECT ? AS v)`,
      )
      .get(s) as { ms: number | null };
    expect(storedTimeMs(s)).toBe(row.ms ?? undefined);
  });

  it('tokenizes text as FTS5 unicode61 with remove_diacritics 2 does', () => {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE tv USING fts5vocab(t, 'instance');`);
    const samples = [
      'Failed password for invalid user admin from 10.0.0.5 port 52211 ssh2',
      'Café au lait: RÉSUMÉ naïve Ærø Straße',
      'ログイン失敗 user=tanaka 東京',
      'percent 100% done_ok e-mail a.b@c.d',
      'C:\\Windows\\System32\\cmd.exe /c "whoami"',
      'emoji 😀 tab\tnew\nline ΑΒΓ © $5 +1 a^b →',
      'ラーメン・うどん 々 〜 ① x² ½ Straße İstanbul Øre ＦＵＬＬ ｶﾀｶﾅ',
    ];
    const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
    samples.forEach((s, i) => insert.run(i + 1, s));
    const vocab = db.prepare('SELECT term FROM tv WHERE doc = ? ORDER BY offset');
    samples.forEach((s, i) => {
      const sqlite = (vocab.all(i + 1) as { term: string }[]).map((r) => r.term);
      expect(textTokens(s)).toEqual(sqlite);
    });
  });

  it('turns wildcard patterns into LIKE patterns and RegExps that agree', () => {
    const pattern = [
      { kind: 'literal' as const, text: '100%_a\\' },
      { kind: 'many' as const },
      { kind: 'one' as const },
    ];
    const like = likePattern(pattern, true);
    expect(like).toBe('100\\%\\_a\\\\%_');
    for (const s of ['100%_a\\xy', '100%_a\\y', '100%xa\\yy', '100%_a\\', '100%_A\\zz']) {
      const row = db.prepare(`SELECT ? LIKE ? ESCAPE '\\' AS m`).get(s, like) as { m: number };
      expect(patternRegExp(pattern, true).test(s.toLowerCase())).toBe(row.m === 1);
    }
  });
});
