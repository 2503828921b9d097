import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 7), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error('no record');
  return record;
}

const nss = (event: Record<string, string>): string =>
  JSON.stringify({ sourcetype: 'zscalernss-web', event });

describe('zscaler device parser', () => {
  it('maps an NSS web record to ECS web fields and the Sigma proxy logsource', () => {
    const r = parse(
      nss({
        time: 'Fri Nov 28 06:12:44 2025',
        login: 'hanako.sato@example.co.jp',
        proto: 'HTTPS',
        eurl: 'www.example.org/downloads/setup.exe?src=mail',
        action: 'Blocked',
        reqsize: '812',
        respsize: '4211',
        riskscore: '85',
        cip: '10.40.2.15',
        sip: '203.0.113.80',
        reqmethod: 'GET',
        respcode: '403',
        ua: 'Mozilla/5.0',
        ereferer: 'None',
        ruletype: 'Malware Protection',
        rulelabel: 'Block Malware',
        urlsupercat: 'Security',
        deviceowner: 'hsato',
        devicehostname: 'TKY-LT-0042',
      }),
    );
    expect(r.format).toBe('json+zscaler');
    expect(r.logsource).toEqual({ product: 'zscaler', category: 'proxy' });
    // No zone in the record: the tenant's (Asia/Tokyo) applies.
    expect(r.time).toBe(Date.UTC(2025, 10, 27, 21, 12, 44));
    expect(r.fields).toMatchObject({
      'event.action': 'blocked',
      'event.outcome': 'failure',
      'event.type': ['access', 'denied'],
      'event.risk_score': 85,
      'event.timezone': 'Asia/Tokyo',
      'user.email': 'hanako.sato@example.co.jp',
      'user.name': 'hanako.sato',
      'user.domain': 'example.co.jp',
      'source.ip': '10.40.2.15',
      'destination.ip': '203.0.113.80',
      'http.request.bytes': 812,
      'http.response.status_code': 403,
      'network.protocol': 'https',
      'url.domain': 'www.example.org',
      'url.path': '/downloads/setup.exe',
      'url.extension': 'exe',
      'url.full': 'https://www.example.org/downloads/setup.exe?src=mail',
      'rule.name': 'Block Malware',
      'rule.ruleset': 'Malware Protection',
      'host.name': 'TKY-LT-0042',
      'zscaler_zia.web.url.category.super': 'Security',
    });
    // "None" means no value.
    expect(r.fields['http.request.referrer']).toBeUndefined();
    // The vendor's keys do not pose as ECS event.* fields.
    expect(r.fields['event.login']).toBeUndefined();
  });

  it("reads the current template's names, its epoch time and percent-encoded values", () => {
    const r = parse(
      nss({
        time: '2025-11-28 06:12:46',
        epochtime: '1764310366',
        tz: 'GMT',
        login: 'ops%40example.co.jp',
        proto: 'HTTPS',
        url: 'api.example.net/v2/upload',
        action: 'Allowed',
        cltip: '2001:db8:40::15',
        cltintip: '192.0.2.44',
        cltsourceport: '52311',
        serverip: '2001:db8:99::443',
        reqmethod: 'POST',
        useragent: 'python-requests%2F2.32.3',
        urlfilterrulelabel: 'Allow SaaS',
        apprulelabel: 'Sanctioned Apps',
        filename: 'report%20Q3.xlsx',
      }),
    );
    expect(r.time).toBe(1764310366000);
    expect(r.fields).toMatchObject({
      'user.email': 'ops@example.co.jp',
      'source.ip': '2001:db8:40::15',
      'source.nat.ip': '192.0.2.44',
      'source.port': 52311,
      'destination.ip': '2001:db8:99::443',
      'user_agent.original': 'python-requests/2.32.3',
      'rule.name': ['Allow SaaS', 'Sanctioned Apps'],
      'file.name': 'report Q3.xlsx',
      'event.outcome': 'success',
      'zscaler_zia.web.timezone': 'GMT',
    });
  });

  it('reads a flat feed without the sourcetype wrapper, and one behind a syslog header', () => {
    const flat = parse(
      JSON.stringify({
        time: 'Fri Nov 28 06:12:48 2025',
        login: 'kenji',
        reqmethod: 'GET',
        eurl: 'docs.example.com/',
        tz: 'UTC',
      }),
    );
    expect(flat.format).toBe('json+zscaler');
    expect(flat.time).toBe(Date.UTC(2025, 10, 28, 6, 12, 48));
    expect(flat.fields['user.name']).toBe('kenji');

    const syslog = parse(
      '<134>Nov 28 06:12:47 nss-vm01 nss: ' +
        nss({ login: 'guest', reqmethod: 'CONNECT', eurl: 'files.example.com:443' }),
    );
    expect(syslog.format).toBe('rfc3164+json+zscaler');
    expect(syslog.fields).toMatchObject({
      'host.hostname': 'nss-vm01',
      'url.domain': 'files.example.com',
      'url.port': 443,
    });
    expect(syslog.fields['message']).toBeUndefined();
  });

  it('keeps values that do not convert under zscaler_zia.web instead of dropping them', () => {
    const r = parse(
      nss({ login: 'a', reqmethod: 'GET', eurl: 'x.example/', sip: 'not-an-ip', respsize: 'abc' }),
    );
    expect(r.fields['zscaler_zia.web.sip']).toBe('not-an-ip');
    expect(r.fields['zscaler_zia.web.respsize']).toBe('abc');
    expect(r.fields['destination.ip']).toBeUndefined();
  });

  it('leaves other Zscaler feeds and lookalike JSON alone', () => {
    expect(parse(JSON.stringify({ sourcetype: 'zscalernss-fw', event: { login: 'a' } })).format).toBe('json');
    expect(parse(JSON.stringify({ login: 'a', reqmethod: 'GET' })).format).toBe('json');
  });
});
