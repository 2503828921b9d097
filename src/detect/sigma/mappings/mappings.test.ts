import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantId } from '../../../core/ids.js';
import { normalize } from '../../../normalize/normalize.js';
import { compileRule } from '../compile.js';
import { loadRules } from '../loader.js';
import { FieldResolver } from './index.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);
const CASES = resolve(import.meta.dirname, '../../../../test/golden/cases/windows');

function event(line: string) {
  const receivedAt = Date.UTC(2024, 4, 14, 9);
  return normalize(
    { tenant: tenantId('t'), input: 'http', receivedAt, text: line },
    { receivedAt, timeZone: 'UTC' },
  );
}

describe('field mappings', () => {
  it('looks in the Windows event data first, then in ECS, then under the Sigma name itself', () => {
    const resolver = new FieldResolver({ product: 'windows', category: 'process_creation' });
    expect(resolver.candidates('Image')).toEqual([
      'winlog.event_data.Image',
      'winlog.event_data.NewProcessName',
      'process.executable',
      'winlog.Image',
      'Image',
    ]);
    expect(resolver.candidates('IntegrityLevel')).toEqual([
      'winlog.event_data.IntegrityLevel',
      'winlog.IntegrityLevel',
      'IntegrityLevel',
    ]);
  });

  it('maps the SigmaHQ proxy names to ECS', () => {
    const resolver = new FieldResolver({ category: 'proxy' });
    expect(resolver.candidates('c-useragent')).toEqual(['user_agent.original', 'c-useragent']);
    expect(resolver.candidates('cs-method')).toEqual(['http.request.method', 'cs-method']);
  });
});

describe.skipIf(!SIGMA)('SigmaHQ rules on normalized Windows events', () => {
  const { rules } = loadRules([`${SIGMA}/rules/rules/windows/process_creation`]);
  const compiled = rules.map((rule) => ({
    rule,
    match: compileRule(rule),
    resolver: new FieldResolver(rule.logsource),
  }));
  const titlesFor = (line: string) => {
    const e = event(line);
    return compiled
      .filter(
        ({ rule }) =>
          rule.logsource.category === e.logsource.category && rule.logsource.product === e.logsource.product,
      )
      .filter(({ match, resolver }) => match(resolver.view(e)))
      .map(({ rule }) => rule.title)
      .sort();
  };

  it('fires the encoded-PowerShell rules on the same Sysmon 1 event from Winlogbeat and from NXLog', () => {
    const winlogbeat = readFileSync(`${CASES}/sysmon-winlogbeat.log`, 'utf8').split('\n')[0]!;
    const fromWinlogbeat = titlesFor(winlogbeat);
    expect(fromWinlogbeat.some((t) => /encoded|base64/i.test(t))).toBe(true);
    // The same process start as NXLog ships it: flat, with the event data at the top level.
    const beat = JSON.parse(winlogbeat) as { winlog: { event_data: Record<string, string> } };
    const nxlog = JSON.stringify({
      EventTime: '2024-05-14 08:21:37',
      Hostname: 'WS-FIN-023.corp.example.com',
      EventID: 1,
      SourceName: 'Microsoft-Windows-Sysmon',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      ...beat.winlog.event_data,
    });
    expect(titlesFor(nxlog)).toEqual(fromWinlogbeat);
  });
});
