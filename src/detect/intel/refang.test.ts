import { describe, expect, it } from 'vitest';
import { refang } from './refang.js';

describe('refang', () => {
  it('restores hxxp and hxxps schemes in any case', () => {
    expect(refang('hxxp://evil.example/a')).toBe('http://evil.example/a');
    expect(refang('HXXPS://evil.example/')).toBe('https://evil.example/');
    expect(refang('fxp://files.example/x')).toBe('ftp://files.example/x');
  });

  it('restores dots written as [.], (.), {.} and [dot]', () => {
    expect(refang('evil[.]example')).toBe('evil.example');
    expect(refang('a(.)b{.}evil[dot]example')).toBe('a.b.evil.example');
    expect(refang('198.51.100[.]23')).toBe('198.51.100.23');
  });

  it('restores [:], [://], [@] and [at]', () => {
    expect(refang('hxxps[://]evil[.]example')).toBe('https://evil.example');
    expect(refang('hxxp[:]//evil[.]example')).toBe('http://evil.example');
    expect(refang('billing[@]phish[.]example')).toBe('billing@phish.example');
    expect(refang('billing[at]phish[.]example')).toBe('billing@phish.example');
  });

  it('leaves values that were never defanged unchanged, IPv6 brackets included', () => {
    expect(refang('  http://[2001:db8::1]/x  ')).toBe('http://[2001:db8::1]/x');
    expect(refang('hxxhost.example')).toBe('hxxhost.example');
  });
});
