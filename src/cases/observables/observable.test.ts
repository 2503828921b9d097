import { describe, expect, it } from 'vitest';
import { YaguraError } from '../../core/errors.js';
import { normalizeObservable, observableKey, type ObservableType } from './observable.js';

function rejection(type: ObservableType, value: string): YaguraError {
  try {
    normalizeObservable(type, value);
  } catch (e) {
    if (e instanceof YaguraError) return e;
    throw e;
  }
  throw new Error(`"${value}" was accepted as ${type}`);
}

describe('normalizeObservable', () => {
  it('writes IPv4 without leading zeros and IPv6 in RFC 5952 form, from defanged or bracketed input', () => {
    expect(normalizeObservable('ip', ' 203.0.113[.]045 ')).toBe('203.0.113.45');
    expect(normalizeObservable('ip', '2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normalizeObservable('ip', '[2001:db8::1]')).toBe('2001:db8::1');
    expect(normalizeObservable('ip', '::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('rejects an octet over 255 with a message that names it, as a 400 OBSERVABLE_INVALID', () => {
    const e = rejection('ip', '203.0.113.256');
    expect(e.code).toBe('OBSERVABLE_INVALID');
    expect(e.status).toBe(400);
    expect(e.message).toBe('"203.0.113.256" is not a valid ip: the octet 256 is over 255');
    expect(rejection('ip', '10.0.0.0/8').message).toContain('network (CIDR)');
    expect(rejection('ip', '1.2.3').message).toContain('not an IPv4 or IPv6 address');
  });

  it('lower-cases domains, drops the trailing dot and writes IDN in punycode', () => {
    expect(normalizeObservable('domain', 'Login.Evil-Bank.EXAMPLE.')).toBe('login.evil-bank.example');
    expect(normalizeObservable('domain', 'evil[.]example')).toBe('evil.example');
    expect(normalizeObservable('domain', 'ドメイン名例.jp')).toBe('xn--eckwd4c7cu47r2wf.jp');
  });

  it('tells the analyst which type a wrongly typed domain is', () => {
    expect(rejection('domain', 'https://evil.example/').message).toContain('use the type url');
    expect(rejection('domain', 'a@evil.example').message).toContain('use the type email');
    expect(rejection('domain', '198.51.100.7').message).toContain('use the type ip');
    expect(rejection('domain', 'localhost').message).toContain('single label');
    expect(rejection('domain', 'evil..example').message).toContain('empty label');
  });

  it('refangs URLs and lower-cases scheme and host, keeping path and query as written', () => {
    expect(normalizeObservable('url', 'hxxpS://Evil[.]Example:8443/Login.PHP?Id=AbC#Top')).toBe(
      'https://evil.example:8443/Login.PHP?Id=AbC#Top',
    );
    expect(normalizeObservable('url', 'evil.example/gate.php')).toBe('http://evil.example/gate.php');
    expect(normalizeObservable('url', 'http://[2001:DB8::1]:8080/x')).toBe('http://[2001:db8::1]:8080/x');
    expect(normalizeObservable('url', 'http://例え.jp/パス')).toBe('http://xn--r8jz45g.jp/パス');
  });

  it('rejects URLs with spaces, an impossible port or no host', () => {
    expect(rejection('url', 'http://evil.example/a b').message).toContain('space');
    expect(rejection('url', 'http://evil.example:70000/').message).toContain('port 70000');
    expect(rejection('url', 'http:///path').message).toContain('no host');
    expect(rejection('url', 'mailto:a@evil.example').message).toContain('without "//"');
  });

  it('lower-cases hashes and says how many digits a hash of that type has', () => {
    expect(normalizeObservable('md5', ' 44D88612FEA8A8F36DE82E1278ABB02F ')).toBe(
      '44d88612fea8a8f36de82e1278abb02f',
    );
    expect(rejection('sha256', '44d88612fea8a8f36de82e1278abb02f').message).toContain(
      'A SHA-256 has 64 hex digits, this has 32',
    );
    expect(rejection('sha1', 'g'.repeat(40)).message).toContain('"g" is not a hex digit');
  });

  it('lower-cases the domain part of an e-mail address only, unwrapping mailto: and display names', () => {
    expect(normalizeObservable('email', 'Taro.Yamada@Example.CO.JP')).toBe('Taro.Yamada@example.co.jp');
    expect(normalizeObservable('email', '"Support" <support[@]evil[.]example>')).toBe('support@evil.example');
    expect(normalizeObservable('email', 'mailto:info@evil.example')).toBe('info@evil.example');
    expect(rejection('email', 'no-at-sign.example').message).toContain('no "@"');
  });

  it('keeps a user as written and lower-cases a host name', () => {
    expect(normalizeObservable('user', '  CORP\\t.yamada ')).toBe('CORP\\t.yamada');
    expect(normalizeObservable('host', 'WS-042.corp.example.')).toBe('ws-042.corp.example');
    expect(rejection('host', 'C:\\Windows').message).toContain('no "/", "\\" or spaces');
  });

  it('trims file paths, removes quotes, halves JSON-doubled backslashes and requires an absolute path', () => {
    expect(normalizeObservable('file_path', ' "C:\\Program Files\\Evil\\evil.exe" ')).toBe(
      'C:\\Program Files\\Evil\\evil.exe',
    );
    expect(normalizeObservable('file_path', 'C:\\\\Users\\\\Public\\\\a.exe')).toBe(
      'C:\\Users\\Public\\a.exe',
    );
    expect(normalizeObservable('file_path', '\\\\fs01\\share\\drop.exe')).toBe('\\\\fs01\\share\\drop.exe');
    expect(normalizeObservable('file_path', '%APPDATA%\\Microsoft\\upd.exe')).toBe(
      '%APPDATA%\\Microsoft\\upd.exe',
    );
    expect(normalizeObservable('file_path', '/dev/shm/.x')).toBe('/dev/shm/.x');
    expect(rejection('file_path', 'evil.exe').message).toContain('not an absolute path');
  });

  it('keeps registry hives in their short form, from long, PowerShell and kernel spellings', () => {
    const run = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
    expect(normalizeObservable('registry_key', `HKEY_LOCAL_MACHINE\\${run}\\`)).toBe(`HKLM\\${run}`);
    expect(normalizeObservable('registry_key', `hklm:\\${run}`)).toBe(`HKLM\\${run}`);
    expect(normalizeObservable('registry_key', `Registry::HKEY_CURRENT_USER\\${run}`)).toBe(`HKCU\\${run}`);
    expect(normalizeObservable('registry_key', `\\REGISTRY\\MACHINE\\${run}`)).toBe(`HKLM\\${run}`);
    expect(normalizeObservable('registry_key', `HKLM\\\\SOFTWARE\\\\Classes`)).toBe(
      'HKLM\\SOFTWARE\\Classes',
    );
    expect(rejection('registry_key', `HKXX\\${run}`).message).toContain('"HKXX" is not a registry hive');
    expect(rejection('registry_key', 'HKLM').message).toContain('whole hive');
  });

  it('rejects empty values, line breaks and unknown types', () => {
    expect(rejection('user', '   ').message).toContain('empty');
    expect(rejection('user', 'a\nb').message).toContain('line break');
    expect(rejection('nope' as ObservableType, 'x').message).toBe('"nope" is not an observable type');
  });
});

describe('observableKey', () => {
  it('ignores case where the system does: e-mail addresses, Windows paths, registry keys, not Unix paths', () => {
    const key = (type: ObservableType, value: string): string => observableKey({ type, value });
    expect(key('email', 'A@x.example')).toBe(key('email', 'a@x.example'));
    expect(key('file_path', 'C:\\Temp\\A.exe')).toBe(key('file_path', 'c:\\temp\\a.exe'));
    expect(key('registry_key', 'HKLM\\Software')).toBe(key('registry_key', 'HKLM\\SOFTWARE'));
    expect(key('file_path', '/tmp/A')).not.toBe(key('file_path', '/tmp/a'));
  });
});
