import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import type { QueryNode } from './ast.js';
import { parseQuery } from './parser.js';

const NOW = Date.UTC(2025, 10, 28, 12, 0, 0);
const parse = (q: string): QueryNode => parseQuery(q, { now: NOW });
const word = (value: string): QueryNode => ({ kind: 'text', match: 'word', value });
const term = (field: string, value: string, quoted = false): QueryNode => ({
  kind: 'term',
  field,
  value,
  quoted,
});

function errorOf(q: string): YaguraError {
  try {
    parse(q);
  } catch (e) {
    if (e instanceof YaguraError) return e;
    throw e;
  }
  throw new Error(`"${q}" parsed without an error`);
}

describe('parseQuery', () => {
  it('matches everything for an empty query, blanks and "*"', () => {
    expect(parse('')).toEqual({ kind: 'all' });
    expect(parse('   ')).toEqual({ kind: 'all' });
    expect(parse('*')).toEqual({ kind: 'all' });
  });

  it('reads bare words and quoted phrases as full-text search', () => {
    expect(parse('failed')).toEqual(word('failed'));
    expect(parse('"Failed password"')).toEqual({ kind: 'text', match: 'phrase', value: 'Failed password' });
    expect(parse('adm*')).toEqual({ kind: 'text', match: 'prefix', value: 'adm' });
    expect(parse('*adm')).toEqual({
      kind: 'text',
      match: 'wildcard',
      pattern: [{ kind: 'many' }, { kind: 'literal', text: 'adm' }],
    });
    expect(parse('a?m')).toEqual({
      kind: 'text',
      match: 'wildcard',
      pattern: [{ kind: 'literal', text: 'a' }, { kind: 'one' }, { kind: 'literal', text: 'm' }],
    });
  });

  it('gives NOT precedence over AND, and AND over OR', () => {
    expect(parse('a OR b AND NOT c')).toEqual({
      kind: 'or',
      children: [word('a'), { kind: 'and', children: [word('b'), { kind: 'not', child: word('c') }] }],
    });
  });

  it('joins adjacent terms with an implicit AND that binds tighter than OR', () => {
    expect(parse('a b OR c')).toEqual({
      kind: 'or',
      children: [{ kind: 'and', children: [word('a'), word('b')] }, word('c')],
    });
  });

  it('lets parentheses override precedence and flattens nested operators', () => {
    expect(parse('(a OR b) c')).toEqual({
      kind: 'and',
      children: [{ kind: 'or', children: [word('a'), word('b')] }, word('c')],
    });
    expect(parse('a AND (b AND c)')).toEqual({ kind: 'and', children: [word('a'), word('b'), word('c')] });
  });

  it('treats lower-case and/or/not as words', () => {
    expect(parse('cats and dogs')).toEqual({
      kind: 'and',
      children: [word('cats'), word('and'), word('dogs')],
    });
  });

  it('negates with a leading "-" but keeps "-" inside words and values', () => {
    expect(parse('-failed')).toEqual({ kind: 'not', child: word('failed') });
    expect(parse('-event.action:deny')).toEqual({ kind: 'not', child: term('event.action', 'deny') });
    expect(parse('x-ray')).toEqual(word('x-ray'));
    expect(parse('delta:-5')).toEqual(term('delta', '-5'));
  });

  it('reads field terms, quoted values, wildcards and exists', () => {
    expect(parse('event.action:login')).toEqual(term('event.action', 'login'));
    expect(parse('user.name:"John Smith"')).toEqual(term('user.name', 'John Smith', true));
    expect(parse('user.name:adm*')).toEqual({
      kind: 'wildcard',
      field: 'user.name',
      pattern: [{ kind: 'literal', text: 'adm' }, { kind: 'many' }],
    });
    expect(parse('user.name:*')).toEqual({ kind: 'exists', field: 'user.name' });
    expect(parse('user.name:"adm*"')).toEqual(term('user.name', 'adm*', true));
  });

  it('refuses a space after the colon, so free text like "Error: refused" is not taken for a field', () => {
    const e = errorOf('Error: connection refused');
    expect(e.message).toBe('Expected a value after "Error:" (quote text that contains ":") at column 7');
    expect(parse('"Error: connection refused"')).toEqual({
      kind: 'text',
      match: 'phrase',
      value: 'Error: connection refused',
    });
  });

  it('applies a parenthesised group of values to its field', () => {
    expect(parse('event.action:(login OR "log out" NOT deny)')).toEqual({
      kind: 'or',
      children: [
        term('event.action', 'login'),
        {
          kind: 'and',
          children: [
            term('event.action', 'log out', true),
            { kind: 'not', child: term('event.action', 'deny') },
          ],
        },
      ],
    });
  });

  it('resolves field aliases to canonical names', () => {
    expect(parse('raw:*x*')).toMatchObject({ field: 'event.original' });
    expect(parse('receivedAt:>now')).toMatchObject({ field: 'event.ingested' });
    expect(parse('time:>now')).toMatchObject({ field: '@timestamp' });
  });

  it('unescapes backslashed characters so they lose their meaning', () => {
    expect(parse('file.name:report\\ \\(final\\).pdf')).toEqual(term('file.name', 'report (final).pdf'));
    expect(parse('file.name:a\\*b')).toEqual(term('file.name', 'a*b'));
    expect(parse('url.path:\\/a\\:b')).toEqual(term('url.path', '/a:b'));
    expect(parse('foo\\:bar')).toEqual(word('foo:bar'));
    expect(parse('\\AND')).toEqual(word('AND'));
    expect(parse('say:"he said \\"hi\\""')).toEqual(term('say', 'he said "hi"', true));
  });

  it('keeps backslashes inside quotes unless they escape a quote or a backslash', () => {
    expect(parse('process.executable:"C:\\Windows\\cmd.exe"')).toEqual(
      term('process.executable', 'C:\\Windows\\cmd.exe', true),
    );
    expect(parse('p:"\\\\\\\\server\\\\share"')).toEqual(term('p', '\\\\server\\share', true));
  });

  it('reads inclusive, exclusive and open numeric ranges and comparisons', () => {
    expect(parse('destination.port:[1 TO 1024]')).toEqual({
      kind: 'range',
      field: 'destination.port',
      type: 'number',
      lower: { value: 1, inclusive: true },
      upper: { value: 1024, inclusive: true },
    });
    expect(parse('destination.port:{1 TO 1024]')).toMatchObject({
      lower: { inclusive: false },
      upper: { inclusive: true },
    });
    expect(parse('destination.port:[1024 TO *]')).toEqual({
      kind: 'range',
      field: 'destination.port',
      type: 'number',
      lower: { value: 1024, inclusive: true },
    });
    expect(parse('destination.port:>=1024')).toEqual({
      kind: 'range',
      field: 'destination.port',
      type: 'number',
      lower: { value: 1024, inclusive: true },
    });
    expect(parse('destination.port:>1024')).toMatchObject({ lower: { value: 1024, inclusive: false } });
    expect(parse('destination.port:<1024')).toMatchObject({ upper: { value: 1024, inclusive: false } });
    expect(parse('destination.port:<=1024')).toMatchObject({ upper: { value: 1024, inclusive: true } });
    expect(parse('x:[* TO *]')).toEqual({ kind: 'exists', field: 'x' });
  });

  it('reads time ranges with ISO times and now arithmetic', () => {
    expect(parse('@timestamp:[now-1h TO now]')).toEqual({
      kind: 'range',
      field: '@timestamp',
      type: 'time',
      lower: { value: NOW - 3_600_000, inclusive: true },
      upper: { value: NOW, inclusive: true },
    });
    expect(parse('@timestamp:>=2025-11-28T10:00:00Z')).toMatchObject({
      type: 'time',
      lower: { value: Date.UTC(2025, 10, 28, 10) },
    });
    expect(parse('event.start:>2025-11-28')).toMatchObject({
      type: 'time',
      lower: { value: Date.UTC(2025, 10, 28), inclusive: false },
    });
  });

  it('makes a date on a time field mean that whole UTC day', () => {
    expect(parse('@timestamp:2025-11-28')).toMatchObject({
      kind: 'range',
      lower: { value: Date.UTC(2025, 10, 28), inclusive: true },
      upper: { value: Date.UTC(2025, 10, 29), inclusive: false },
    });
  });

  it('reads IPv4 and IPv6 CIDR networks, quoted or not, and normalises them', () => {
    expect(parse('source.ip:10.0.0.0/8')).toEqual({ kind: 'cidr', field: 'source.ip', cidr: '10.0.0.0/8' });
    expect(parse('source.ip:10.1.2.3/8')).toEqual({ kind: 'cidr', field: 'source.ip', cidr: '10.0.0.0/8' });
    expect(parse('source.ip:2001:db8::/32')).toEqual({
      kind: 'cidr',
      field: 'source.ip',
      cidr: '2001:db8::/32',
    });
    expect(parse('source.ip:"2001:DB8:0::/32"')).toEqual({
      kind: 'cidr',
      field: 'source.ip',
      cidr: '2001:db8::/32',
    });
    expect(parse('(source.ip:fe80::/10)')).toEqual({ kind: 'cidr', field: 'source.ip', cidr: 'fe80::/10' });
  });

  it('keeps an IPv6 address without a prefix as a term and an escaped slash as text', () => {
    expect(parse('source.ip:2001:db8::1')).toEqual(term('source.ip', '2001:db8::1'));
    expect(parse('rule.network:10.0.0.0\\/8')).toEqual(term('rule.network', '10.0.0.0/8'));
  });
});

describe('parseQuery errors', () => {
  it.each([
    ['(a OR b', 'Expected ")" at column 8', 8],
    ['event.action:(login OR logout', 'Expected ")" at column 30', 30],
    ['a OR', 'Expected a term after OR at column 5', 5],
    ['a AND OR b', 'Expected a term after AND at column 7', 7],
    ['NOT', 'Expected a term after NOT at column 4', 4],
    ['AND a', 'Expected a term at column 1', 1],
    ['a )', 'Unexpected ")" without a matching "(" at column 3', 3],
    ['(a))', 'Unexpected ")" without a matching "(" at column 4', 4],
    ['user.name:', 'Expected a value after "user.name:" at column 11', 11],
    ['user.name:OR', 'Expected a value after "user.name:" at column 11', 11],
    ['x:[1 5]', 'Expected "TO" at column 6', 6],
    ['x:[1 TO 5', 'Expected "]" or "}" at column 10', 10],
    ['x:[1 TO', 'Expected a range bound at column 8', 8],
    ['x:>=', 'Expected a value to compare with at column 5', 5],
    ['"Failed password', `Expected '"' (closing the phrase opened at column 1) at column 17`, 17],
    ['abc\\', 'Expected a character after "\\" at column 5', 5],
    [':value', 'Expected a field name before ":" at column 1', 1],
    ['10:00:00', 'Invalid field name "10" (quote text that contains ":") at column 1', 1],
  ])('rejects %j with "%s"', (q, message, column) => {
    const e = errorOf(q);
    expect(e.code).toBe('QUERY_SYNTAX');
    expect(e.message).toBe(message);
    expect(e.details?.location).toMatchObject({ offset: column - 1, column });
  });

  it.each([
    ['source.ip:10.0.0.300/8', 'Invalid CIDR network "10.0.0.300/8" at column 11', 11],
    ['source.ip:10.0.0.0/33', 'Invalid CIDR network "10.0.0.0/33" at column 11', 11],
    ['destination.port:>abc', 'Expected a number or a time, found "abc" at column 19', 19],
    ['@timestamp:[yesterday TO now]', 'at column 13', 13],
    ['@timestamp:2025-02-30', 'at column 12', 12],
    ['@timestamp:2025*', 'Wildcards cannot be used on the time field "@timestamp" at column 12', 12],
  ])('rejects the bad value in %j with QUERY_INVALID_VALUE', (q, message, column) => {
    const e = errorOf(q);
    expect(e.code).toBe('QUERY_INVALID_VALUE');
    expect(e.message).toContain(message);
    expect(e.details?.location).toMatchObject({ offset: column - 1, column });
  });

  it('reports line and column for a query written on several lines', () => {
    const e = errorOf('event.action:login\nAND (a OR');
    expect(e.message).toBe('Expected a term after OR at line 2, column 10');
    expect(e.details?.location).toMatchObject({ line: 2, column: 10, offset: 28 });
  });

  it('refuses nesting deeper than 64 levels instead of overflowing the stack', () => {
    const deep = `${'('.repeat(100)}a${')'.repeat(100)}`;
    expect(errorOf(deep).message).toMatch(/nests deeper than 64 levels/);
    expect(errorOf('NOT '.repeat(100) + 'a').code).toBe('QUERY_SYNTAX');
  });

  it('refuses very long queries', () => {
    expect(errorOf('a '.repeat(20_000)).message).toMatch(/longer than 20000 characters/);
  });
});

describe('docs/search-language.md', () => {
  const doc = readFileSync(new URL('../../docs/search-language.md', import.meta.url), 'utf8');

  it('shows error messages the parser really gives', () => {
    const rows = [...doc.matchAll(/^\|\s*`(QUERY_[A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [, code, query, message] of rows) {
      const e = errorOf(query!);
      expect(e.code).toBe(code);
      const [head, tail] = message!.split('…');
      expect(e.message.startsWith(head!)).toBe(true);
      if (tail !== undefined) expect(e.message.endsWith(tail)).toBe(true);
      else expect(e.message).toBe(message);
    }
  });

  it('has examples that all parse', () => {
    const examples = doc.slice(doc.indexOf('## Examples'));
    const block = examples.slice(
      examples.indexOf('```') + 3,
      examples.indexOf('```', examples.indexOf('```') + 3),
    );
    const queries = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(queries.length).toBeGreaterThanOrEqual(7);
    for (const q of queries) expect(() => parse(q)).not.toThrow();
  });
});
