// Test inputs for regexes: seeded random strings that match a parsed pattern, and near misses made from them.
import type { Node } from './ast.js';
import { has, members, size } from './charset.js';

export { seeded, type Random } from '../../../core/seeded-random.js';
import type { Random } from '../../../core/seeded-random.js';

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Characters that tend to sit at the edges of classes and assertions: cases, spaces, line breaks, non-ASCII. */
const ODD = [
  'a',
  'Z',
  '0',
  '9',
  '_',
  '-',
  '.',
  '/',
  '\\',
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  '`',
  '^',
  '$',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '|',
  '+',
  '*',
  '?',
  ':',
  '=',
  '%',
  '@',
  '&',
  ',',
  '\u00e9',
  '\u00c9',
  '\u0130',
  '\u0131',
  '\u017f',
  '\u212a',
  '\u00a0',
  '\u2028',
  '\u2013',
  '\ud83d',
  '\ude00',
  '\u0000',
];

function randomChar(random: Random): string {
  return random() < 0.5 ? String.fromCharCode(0x20 + Math.floor(random() * 95)) : pick(random, ODD);
}

function sampleSet(set: readonly number[], random: Random): string {
  if (size(set) <= 64) return String.fromCharCode(pick(random, members(set)));
  for (let k = 0; k < 20; k++) {
    const c = random() < 0.8 ? 0x20 + Math.floor(random() * 95) : pick(random, ODD).charCodeAt(0);
    if (has(set, c)) return String.fromCharCode(c);
  }
  return String.fromCharCode(set[0] as number);
}

/** A string the node probably matches (assertions are not checked: they may make it a miss). */
export function sample(node: Node, random: Random): string {
  switch (node.kind) {
    case 'empty':
    case 'assert':
      return '';
    case 'set':
      return sampleSet(node.set, random);
    case 'concat':
      return node.items.map((item) => sample(item, random)).join('');
    case 'alt':
      return sample(pick(random, node.items), random);
    case 'repeat': {
      const extra = Math.min(node.max - node.min, 3);
      const count = node.min + Math.floor(random() * (extra + 1));
      let out = '';
      for (let k = 0; k < count; k++) out += sample(node.item, random);
      return out;
    }
  }
}

/** A few random edits: delete, insert, replace, flip case, repeat a slice, add context around. */
export function mutate(text: string, random: Random): string {
  let s = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * (s.length + 1));
    const op = Math.floor(random() * 7);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1);
    else if (op === 1) s = s.slice(0, at) + randomChar(random) + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + randomChar(random) + s.slice(at + 1);
    else if (op === 3) {
      const c = s.charAt(at);
      s = s.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + s.slice(at + 1);
    } else if (op === 4) s = s.slice(0, at) + s.slice(Math.max(0, at - 5), at) + s.slice(at);
    else if (op === 5) s = `${randomChar(random)}${randomChar(random)} ${s}`;
    else s = `${s}${pick(random, [' ', '\n', '"', '\\', '.exe', ' -x'])}`;
  }
  return s;
}
