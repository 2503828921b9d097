import { describe, expect, it } from 'vitest';
import { addClause, filterClause, quoteValue } from './query.js';

describe('query text from clicks', () => {
  it('quotes text and escapes quotes and backslashes, leaves numbers and booleans bare', () => {
    expect(quoteValue('C:\\Windows\\cmd.exe')).toBe('"C:\\\\Windows\\\\cmd.exe"');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue(443)).toBe('443');
    expect(quoteValue(false)).toBe('false');
  });

  it('filters for and out a value, and for absence of a null', () => {
    expect(filterClause('user.name', 'root', false)).toBe('user.name:"root"');
    expect(filterClause('destination.port', 22, true)).toBe('-destination.port:22');
    expect(filterClause('user.name', null, false)).toBe('-user.name:*');
  });

  it('adds a clause so that it narrows the whole query', () => {
    expect(addClause('', 'a:1')).toBe('a:1');
    expect(addClause('*', 'a:1')).toBe('a:1');
    expect(addClause('failed', 'a:1')).toBe('failed a:1');
    expect(addClause('x OR y', 'a:1')).toBe('(x OR y) a:1');
    expect(addClause('failed a:1', 'a:1')).toBe('failed a:1');
  });
});
