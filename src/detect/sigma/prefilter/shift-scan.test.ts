import { describe, expect, it } from 'vitest';
import { seeded } from '../../../core/seeded-random.js';
import { ShiftScan } from './shift-scan.js';

describe('ShiftScan', () => {
  it('is not used for needles too short for shifts to pay', () => {
    expect(ShiftScan.for(['abc', 'defgh'])).toBeUndefined();
    expect(ShiftScan.for(['abcd', 'defgh'])).toBeDefined();
  });

  it('never says no when a needle occurs, in any case, at the start, the end or overlapping', () => {
    const scan = ShiftScan.for(['sekurlsa::', 'lsadump::', 'mimikatz'])!;
    expect(scan.maybe('x SEKURLSA::logonpasswords')).toBe(true);
    expect(scan.maybe('lsadump::sam')).toBe(true);
    expect(scan.maybe('run mimikatz')).toBe(true);
    expect(scan.maybe('run mimi\u212aatz')).toBe(true);
    expect(scan.maybe('C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule')).toBe(false);
    expect(scan.maybe('')).toBe(false);
  });

  it('agrees with a substring search whenever that finds a needle, on random texts', () => {
    const random = seeded(11);
    const alphabet = 'abcAB:.-\\ 01';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let rejected = 0;
    for (let round = 0; round < 2000; round++) {
      const needles = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        word(4 + Math.floor(random() * 4)).toLowerCase(),
      );
      const text = word(80);
      const present = needles.some((n) => text.toLowerCase().includes(n));
      const maybe = ShiftScan.for(needles)!.maybe(text);
      if (present) expect(maybe).toBe(true);
      if (!maybe) rejected++;
    }
    // It must also reject: a filter that always says "maybe" would pass the line above.
    expect(rejected).toBeGreaterThan(500);
  });
});
