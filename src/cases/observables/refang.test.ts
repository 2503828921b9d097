import { describe, expect, it } from 'vitest';
import type { Observable } from './observable.js';
import { defang, foldWidth, refang } from './refang.js';

describe('refang', () => {
  it('undoes the scheme marks reports use: hxxp, hXXps, h**p, fxp and the ttp:// of Japanese forums', () => {
    expect(refang('hxxp://evil.example/a')).toBe('http://evil.example/a');
    expect(refang('hXXps://evil.example/a')).toBe('https://evil.example/a');
    expect(refang('h**p://evil.example/')).toBe('http://evil.example/');
    expect(refang('fxp://files.evil.example/')).toBe('ftp://files.evil.example/');
    expect(refang('詳細は ttps://evil.example/ を参照')).toBe('詳細は https://evil.example/ を参照');
  });

  it('undoes bracketed dots, colons, slashes and at-signs in every bracket style', () => {
    expect(refang('hxxps[:]//evil[.]example(.)co{.}jp[/]login')).toBe('https://evil.example.co.jp/login');
    expect(refang('hxxp[://]evil[dot]example(DOT)com')).toBe('http://evil.example.com');
    expect(refang('evil [.] example')).toBe('evil.example');
    expect(refang('support[@]evil[.]example, info(at)evil[.]example, x [at] y[.]example')).toBe(
      'support@evil.example, info@evil.example, x@y.example',
    );
    expect(refang('198.51.100[.]7')).toBe('198.51.100.7');
  });

  it('reads " dot " and "\\." as dots only inside a host name that ends in a known TLD', () => {
    expect(refang('connects to evil dot example dot com daily')).toBe('connects to evil.example.com daily');
    expect(refang('regex: evil\\.example\\.com')).toBe('regex: evil.example.com');
    expect(refang('the dot com bubble')).toBe('the dot com bubble');
    expect(refang('C:\\Users\\bob\\.ssh\\id_rsa')).toBe('C:\\Users\\bob\\.ssh\\id_rsa');
  });

  it('folds full-width ASCII and removes zero-width characters, leaving Japanese punctuation alone', () => {
    expect(refang('「ｅｖｉｌ［．］ｅｘａｍｐｌｅ」、')).toBe('「evil.example」、');
    expect(refang('evil\u200b.exam\u00adple')).toBe('evil.example');
    expect(foldWidth('ＩＰ：１９２．０．２．１\u3000です')).toBe('IP:192.0.2.1 です');
  });

  it('leaves text that was never defanged as it is', () => {
    const text = 'Failed password for root from 192.0.2.1 port 22 ssh2 [preauth] (count 3)';
    expect(refang(text)).toBe(text);
  });
});

describe('defang', () => {
  const cases: [Observable, string][] = [
    [
      { type: 'url', value: 'https://login.evil.example/a.php?x=1' },
      'hxxps://login[.]evil[.]example/a.php?x=1',
    ],
    [{ type: 'url', value: 'ftp://user@198.51.100.7/x' }, 'fxp://user@198[.]51[.]100[.]7/x'],
    [{ type: 'url', value: 'http://[2001:db8::1]/x' }, 'hxxp://[2001:db8::1]/x'],
    [{ type: 'domain', value: 'evil.example' }, 'evil[.]example'],
    [{ type: 'ip', value: '198.51.100.7' }, '198[.]51[.]100[.]7'],
    [{ type: 'ip', value: '2001:db8::1' }, '2001[:]db8[:][:]1'],
    [{ type: 'email', value: 'support@evil.example' }, 'support[@]evil[.]example'],
    [{ type: 'host', value: 'ws-042.corp.example' }, 'ws-042[.]corp[.]example'],
    [{ type: 'file_path', value: 'C:\\Users\\Public\\a.exe' }, 'C:\\Users\\Public\\a.exe'],
    [{ type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f' }, '44d88612fea8a8f36de82e1278abb02f'],
  ];

  it.each(cases)('writes %j as %s, which refangs back to the value', (o, safe) => {
    expect(defang(o)).toBe(safe);
    expect(refang(defang(o))).toBe(o.value);
  });
});
