import { describe, expect, it } from 'vitest';
import { isYaguraError } from '../../core/errors.js';
import { parseCondition, resolveCondition, type ConditionNode } from './condition.js';

const ref = (name: string): ConditionNode => ({ kind: 'ref', name });

describe('Sigma condition grammar', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    expect(parseCondition('a or b and not c')).toEqual({
      kind: 'or',
      items: [ref('a'), { kind: 'and', items: [ref('b'), { kind: 'not', item: ref('c') }] }],
    });
  });

  it('groups with parentheses', () => {
    expect(parseCondition('(a or b) and c')).toEqual({
      kind: 'and',
      items: [{ kind: 'or', items: [ref('a'), ref('b')] }, ref('c')],
    });
  });

  it('reads "1 of", "any of" and "all of" with a pattern or "them"', () => {
    expect(parseCondition('1 of selection_* and not all of filter_*')).toEqual({
      kind: 'and',
      items: [
        { kind: 'of', quantifier: 'one', pattern: 'selection_*' },
        { kind: 'not', item: { kind: 'of', quantifier: 'all', pattern: 'filter_*' } },
      ],
    });
    expect(parseCondition('any of them')).toEqual({ kind: 'of', quantifier: 'one', pattern: 'them' });
  });

  it('accepts identifiers with digits, dashes and underscores, and a selection called "all"', () => {
    expect(parseCondition('sel-1 and _filter_2')).toEqual({
      kind: 'and',
      items: [ref('sel-1'), ref('_filter_2')],
    });
    expect(parseCondition('all')).toEqual(ref('all'));
  });

  it('says where a condition is broken', () => {
    const cases: [string, RegExp][] = [
      ['a and', /ends where a selection was expected/],
      ['(a or b', /missing "\)" at column 8/],
      ['a b', /unexpected "b" at column 3/],
      ['selection | count() > 5', /pipe aggregations .* are obsolete/],
      ['sel* and a', /needs "1 of" or "all of"/],
      ['1 of', /needs a selection pattern/],
    ];
    for (const [text, message] of cases) {
      try {
        parseCondition(text);
        expect.unreachable(text);
      } catch (e) {
        expect(isYaguraError(e) && e.code).toBe('RULE_CONDITION_SYNTAX');
        expect((e as Error).message).toMatch(message);
      }
    }
  });
});

describe('resolving a condition against the rule’s selections', () => {
  const ids = ['selection_img', 'selection_cli', 'filter_main', '_filt_x'];

  it('expands "1 of" to an OR and "all of" to an AND of the matching selections', () => {
    expect(resolveCondition(parseCondition('1 of selection_*'), ids, '')).toEqual({
      kind: 'or',
      items: [ref('selection_img'), ref('selection_cli')],
    });
    expect(resolveCondition(parseCondition('all of selection_*'), ids, '')).toEqual({
      kind: 'and',
      items: [ref('selection_img'), ref('selection_cli')],
    });
  });

  it('leaves identifiers starting with "_" out of "them" and of patterns, unless the pattern starts with "_"', () => {
    expect(resolveCondition(parseCondition('all of them'), ids, '')).toEqual({
      kind: 'and',
      items: [ref('selection_img'), ref('selection_cli'), ref('filter_main')],
    });
    expect(resolveCondition(parseCondition('1 of _filt*'), ids, '')).toEqual(ref('_filt_x'));
  });

  it('refuses a reference or a pattern that names no selection', () => {
    expect(() => resolveCondition(parseCondition('selection and nope'), ['selection'], 'c')).toThrow(
      /no selection named "nope"/,
    );
    expect(() => resolveCondition(parseCondition('1 of filter*'), ['selection'], 'c')).toThrow(
      /"filter\*" matches no selection/,
    );
  });
});
