import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isIpAddress } from './values.js';

describe('isIpAddress', () => {
  it('agrees with node:net isIP on dotted quads, near misses and IPv6', () => {
    const cases = [
      '1.2.3.4',
      '0.0.0.0',
      '255.255.255.255',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.04',
      '1.2.3',
      '1.2.3.4.5',
      '1..3.4',
      '1.2.3.4 ',
      ' 1.2.3.4',
      '1.2.3.',
      '1000.1.1.1',
      '1.2.3.4a',
      '::1',
      'fe80::1%eth0',
      '::ffff:1.2.3.4',
      '1.2.3.4/24',
      '',
    ];
    for (const c of cases) expect(isIpAddress(c), c).toBe(isIP(c) !== 0);
  });

  it('agrees with isIP on every address made of 0-299 octets, with and without leading zeros', () => {
    for (let a = 0; a < 300; a += 7) {
      for (const b of [String(a), String(a).padStart(3, '0')]) {
        const v = `10.${b}.1.${a}`;
        expect(isIpAddress(v), v).toBe(isIP(v) !== 0);
      }
    }
  });
});
