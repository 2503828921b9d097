import { describe, expect, it } from 'vitest';
import { extractObservables } from './extract.js';

const asText = (text: string): string[] => extractObservables(text).map((o) => `${o.type} ${o.value}`);

describe('extractObservables', () => {
  it('takes defanged indicators out of a Japanese phishing report without the punctuation around them', () => {
    const report = [
      '【注意喚起】弊社を装ったフィッシングメールについて',
      '送信元アドレス：support[@]amaz0n-secure[.]example（表示名「Amazon.co.jp」）',
      '本文中のURL「hxxps://amaz0n-secure[.]example/ja/login?id=8812」にアクセスすると、',
      '認証情報を窃取されます。接続先IPアドレスは１９８．５１．１００．２３、',
      '添付ファイル「請求書_2025.zip」（SHA256：9F86D081884C7D659A2FEAE0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08）。',
      'なお、正規のサイトは amazon.co.jp です。',
    ].join('\n');
    expect(asText(report)).toEqual([
      'email support@amaz0n-secure.example',
      'domain amaz0n-secure.example',
      'domain amazon.co.jp',
      'url https://amaz0n-secure.example/ja/login?id=8812',
      'ip 198.51.100.23',
      'sha256 9f86d081884c7d659a2feae0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ]);
  });

  it('takes the indicators of a vendor advisory, and no file names, versions or code members', () => {
    const advisory = `
Threat Advisory TA-2025-031: Loader campaign abusing CVE-2024-3400 (PAN-OS 10.2.9.1 and earlier)

The dropper (setup.exe, report.pdf, index.html) downloads its second stage from
hxxp://cdn-update[.]evil[.]example/dl/stage2.bin and beacons to 203.0.113[.]45:8443 and
2001:db8:bad::17 every 60 seconds. It runs "powershell -c [System.IO.File]::ReadAllBytes" and
writes C:\\ProgramData\\Updater\\svc.dll (MD5 5d41402abc4b2a76b9719d911017c592,
SHA1 aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d). Persistence:
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater.
On Linux it drops /tmp/.ICE-unix/.x/kworker and edits /etc/cron.d/update.
Exfiltration goes to backup.evil.example over SFTP; contact: abuse@cert.example.
`;
    expect(asText(advisory)).toEqual([
      'url http://cdn-update.evil.example/dl/stage2.bin',
      'domain cdn-update.evil.example',
      'ip 203.0.113.45',
      'ip 2001:db8:bad::17',
      'file_path C:\\ProgramData\\Updater\\svc.dll',
      'md5 5d41402abc4b2a76b9719d911017c592',
      'sha1 aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d',
      'registry_key HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
      'file_path /tmp/.ICE-unix/.x/kworker',
      'file_path /etc/cron.d/update',
      'domain backup.evil.example',
      'email abuse@cert.example',
      'domain cert.example',
    ]);
  });

  it('reads a Sysmon-like log line: image (spaces in folders), hashes (not the imphash), destination, registry', () => {
    const line =
      'Sysmon EventID=1 UtcTime=2025-11-28 10:04:00.123 Image=C:\\Users\\t.yamada\\AppData\\Local\\Temp\\inv oice\\upd.exe ' +
      'CommandLine="C:\\Program Files (x86)\\Common Files\\upd.exe" -k netsvc ' +
      'Hashes=MD5=44D88612FEA8A8F36DE82E1278ABB02F,SHA256=275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F,IMPHASH=F34D5F2D4577ED6D9CEEC516C1F5A744 ' +
      'DestinationIp=192.0.2.10 DestinationHostname=c2.evil.example TargetObject=HKLM\\SYSTEM\\CurrentControlSet\\Services\\updsvc\\ImagePath';
    expect(asText(line)).toEqual([
      'file_path C:\\Users\\t.yamada\\AppData\\Local\\Temp\\inv oice\\upd.exe',
      'file_path C:\\Program Files (x86)\\Common Files\\upd.exe',
      'md5 44d88612fea8a8f36de82e1278abb02f',
      'sha256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      'ip 192.0.2.10',
      'domain c2.evil.example',
      'registry_key HKLM\\SYSTEM\\CurrentControlSet\\Services\\updsvc\\ImagePath',
    ]);
  });

  it('rejects dotted numbers that are not addresses: versions, dates, octets over 255, CIDR networks', () => {
    expect(asText('v1.2.3.4 version 10.0.0.1 1.2.3 2025.11.28 12.31.2025 10.0.19041.1 300.1.1.1')).toEqual(
      [],
    );
    expect(asText('PAN-OS 10.2.9.1 and earlier, 11.0.4.1 以前のバージョン')).toEqual([]);
    expect(asText('blocked 10.0.0.0/8 and 2001:db8::/32 at 10:30:00 from 00:1a:2b:3c:4d:5e')).toEqual([]);
    expect(asText('ping 192.0.2.1.')).toEqual(['ip 192.0.2.1']);
  });

  it('does not read file names, log fields or code as domains, but keeps real hosts with such TLDs in URLs', () => {
    expect(
      asText(
        'invoice.zip setup.exe index.html install.sh main.py user.name user.id duration.ms System.IO Net.WebClient',
      ),
    ).toEqual([]);
    expect(asText('download from https://invoice.zip/a and mail bob@files.zip')).toEqual([
      'url https://invoice.zip/a',
      'domain invoice.zip',
      'email bob@files.zip',
      'domain files.zip',
    ]);
  });

  it('reports each observable once, in order of first appearance, a URL host where the URL is', () => {
    const text =
      'evil.example first, then http://evil.example/a, http://EVIL.example/a and 198.51.100.7 twice: 198.51.100[.]7';
    expect(asText(text)).toEqual(['domain evil.example', 'url http://evil.example/a', 'ip 198.51.100.7']);
  });

  it('reports the address host of a URL and of a UNC path as an ip', () => {
    expect(asText('GET http://198.51.100.7:8080/x.sh then \\\\192.0.2.5\\c$\\t.exe')).toEqual([
      'url http://198.51.100.7:8080/x.sh',
      'ip 198.51.100.7',
      'file_path \\\\192.0.2.5\\c$\\t.exe',
      'ip 192.0.2.5',
    ]);
  });

  it('drops the closing bracket and sentence punctuation after a URL, but keeps balanced brackets in it', () => {
    expect(asText('(see https://wiki.example/Loader_(malware)). Also [link](http://a.example/x).')).toEqual([
      'url https://wiki.example/Loader_(malware)',
      'domain wiki.example',
      'url http://a.example/x',
      'domain a.example',
    ]);
  });

  it('cuts a path where Japanese prose starts, keeping file names written in Japanese', () => {
    expect(
      asText('C:\\Users\\Public\\evil.exeを実行し、C:\\共有\\請求書.exe「確認」、/tmp/.x/a.shに保存'),
    ).toEqual([
      'file_path C:\\Users\\Public\\evil.exe',
      'file_path C:\\共有\\請求書.exe',
      'file_path /tmp/.x/a.sh',
    ]);
  });

  it('finds nothing in text without indicators, and an empty list for empty text', () => {
    expect(asText('お世話になっております。ご確認のほどよろしくお願いいたします。')).toEqual([]);
    expect(asText('')).toEqual([]);
  });
});
