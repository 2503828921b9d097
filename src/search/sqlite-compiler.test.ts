import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../core/event.js';
import { YaguraError } from '../core/errors.js';
import type { EventId, TenantId } from '../core/ids.js';
import type { QueryNode } from './ast.js';
import { parseQuery } from './parser.js';
import { compilePredicate } from './predicate.js';
import { createSearchTestDb } from './sqlite-fixture.js';
import { compileToSqlite } from './sqlite-compiler.js';

const event = {
  id: 'a' as EventId,
  tenant: 't' as TenantId,
  time: 1,
  receivedAt: 1,
  logsource: {},
  fields: { message: 'hello world', 'user.name': 'bob', 'x.y': 'z' },
  raw: 'hello world',
} satisfies Event;

const HOSTILE_VALUES = [
  "x') OR 1=1 --",
  "x' OR '1'='1",
  'x"; DROP TABLE events; --',
  '$."a"',
  "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
  '%',
  '_',
];

describe('compileToSqlite at the injection boundary', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = createSearchTestDb([event]);
  });
  afterAll(() => db.close());

  const count = (node: QueryNode): number => {
    const { sql, params } = compileToSqlite(node);
    return (db.prepare(`SELECT count(*) AS n FROM events e WHERE (${sql})`).get(...params) as { n: number })
      .n;
  };

  it.each(HOSTILE_VALUES)('binds the hostile value %j as a parameter and matches nothing', (value) => {
    for (const node of [
      parseQuery(`user.name:"${value.replace(/["\\]/g, '\\$&')}"`),
      { kind: 'term', field: 'user.name', value, quoted: true } as QueryNode,
      {
        kind: 'wildcard',
        field: 'user.name',
        pattern: [{ kind: 'literal', text: value }, { kind: 'many' }],
      } as QueryNode,
      { kind: 'cidr', field: 'source.ip', cidr: value } as QueryNode,
      { kind: 'text', match: 'phrase', value } as QueryNode,
    ]) {
      const { sql } = compileToSqlite(node);
      if (value.length > 2) expect(sql).not.toContain(value);
      expect(count(node)).toBe(0);
    }
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
  });

  it.each([
    'x.y") OR 1=1 --',
    "x.y') OR 1=1 --",
    'x.y"',
    "x'",
    '$',
    'a b',
    '',
    'a'.repeat(300),
    'x\u0000y',
    'ユーザー',
  ])('refuses the field name %j in a hand-built AST', (field) => {
    const node = { kind: 'exists', field } as QueryNode;
    expect(() => compileToSqlite(node)).toThrow(YaguraError);
    expect(() => compilePredicate(node)).toThrow(YaguraError);
  });

  it('rejects hostile field names already in the parser', () => {
    expect(() => parseQuery("x'y:1")).toThrow(/Invalid field name/);
    expect(() => parseQuery('x"y:1')).toThrow(YaguraError);
  });

  it.each([
    '"a" OR "hello"',
    'hello" "world',
    'NEAR(hello world)',
    'text:hello',
    'hello OR nothing',
    '^hello',
    '"unbalanced',
  ])('quotes the full-text value %j so FTS5 operators in it stay text', (value) => {
    const node: QueryNode = { kind: 'text', match: 'phrase', value };
    expect(() => count(node)).not.toThrow();
    expect(count(node)).toBe(compilePredicate(node)(event) ? 1 : 0);
  });

  it('finds a normal value so the hostile cases above are not vacuous', () => {
    expect(count(parseQuery('user.name:BOB'))).toBe(1);
    expect(count(parseQuery('x.y:z hello'))).toBe(1);
  });

  it('rejects a non-finite range bound in a hand-built AST', () => {
    const node: QueryNode = {
      kind: 'range',
      field: 'x',
      type: 'number',
      lower: { value: Number.NaN, inclusive: true },
    };
    expect(() => compileToSqlite(node)).toThrow(YaguraError);
  });

  it('compiles columns of the events table to plain comparisons', () => {
    expect(compileToSqlite(parseQuery('@timestamp:>=1764324000000 event.ingested:<1764324000001'))).toEqual({
      sql: '((e.time >= ?) AND (e.received_at < ?))',
      params: [1764324000000, 1764324000001],
    });
    expect(compileToSqlite(parseQuery('tenant:ACME'))).toEqual({
      sql: '(e.tenant IS NOT NULL AND lower(e.tenant) = ?)',
      params: ['acme'],
    });
  });

  it('reads a field once for all the alternatives an OR tests on it, with the same result', () => {
    const events: Event[] = [
      { ...event, id: 'b' as EventId, fields: { roles: ['x', 'admin'], n: [3, 'bob'] } },
      { ...event, id: 'c' as EventId, fields: { roles: 'user', n: 7 } },
    ];
    const listDb = createSearchTestDb(events);
    const cases: [string, string[]][] = [
      ['roles:(adm* OR root OR user) OR n:>5', ['b', 'c']],
      ['n:(bob OR [1 TO 4]) OR message:hello', ['b']],
      ['roles:(x OR y)', ['b']],
      ['n:(x OR y)', []],
    ];
    for (const [query, expected] of cases) {
      const node = parseQuery(query);
      const { sql, params } = compileToSqlite(node);
      expect(sql.match(/json_each/g)?.length, query).toBeLessThanOrEqual(2);
      const ids = listDb
        .prepare(`SELECT id FROM events e WHERE ${sql} ORDER BY id`)
        .pluck()
        .all(...params);
      expect(ids, query).toEqual(expected);
      expect(events.filter(compilePredicate(node)).map((e) => e.id)).toEqual(expected);
    }
    listDb.close();
  });
});
