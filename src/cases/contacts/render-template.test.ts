import { describe, expect, it } from 'vitest';
import { placeholdersOf, renderText } from './render-template.js';

const known = new Set(['incident.title', 'contact.organization', 'period.from']);

describe('renderText', () => {
  it('fills placeholders, spaces inside the braces allowed', () => {
    expect(
      renderText(
        '{{contact.organization}} 御中: {{ incident.title }}',
        { 'contact.organization': 'A社', 'incident.title': '件名' },
        known,
      ),
    ).toEqual({
      text: 'A社 御中: 件名',
      missing: [],
      unknown: [],
      fillIns: [],
    });
  });

  it('reports a known placeholder without a value and leaves it in the text, never blank', () => {
    const r = renderText('期間：{{period.from}}', {}, known);
    expect(r.text).toBe('期間：{{period.from}}');
    expect(r.missing).toEqual(['period.from']);
  });

  it('reports unknown and malformed placeholders as unknown, leaving them as written', () => {
    const r = renderText('{{incident.titel}} {{ constructor }} {{ a b }} {{__proto__}}', {}, known);
    expect(r.unknown).toEqual(['incident.titel', 'constructor', 'a b', '__proto__']);
    expect(r.text).toBe('{{incident.titel}} {{ constructor }} {{ a b }} {{__proto__}}');
  });

  it('evaluates nothing: a value holding braces is inserted as it is', () => {
    expect(renderText('{{incident.title}}', { 'incident.title': '{{period.from}} ${1+1}' }, known).text).toBe(
      '{{period.from}} ${1+1}',
    );
  });

  it('lists fill-in marks only when asked', () => {
    expect(renderText('【氏名】様 [Name] 【氏名】', {}, known, { fillIns: true }).fillIns).toEqual([
      '【氏名】',
      '[Name]',
    ]);
    expect(renderText('【ログ提供のお願い】', {}, known).fillIns).toEqual([]);
  });

  it('lists the placeholders a text uses', () => {
    expect(placeholdersOf('{{a.b}} {{ c }} {{a.b}}')).toEqual(['a.b', 'c']);
  });
});
