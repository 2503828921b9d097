import { describe, expect, it } from 'vitest';
import { parseAssetCsv } from './asset-csv.js';

describe('parseAssetCsv', () => {
  it('reads assets with lists separated by ";", quoted cells and header aliases', () => {
    const text = [
      'Name,Hostname,IP,users,owner,criticality,tags',
      'dc01,"DC01;dc01.corp.example",10.0.0.10,,"Infra, Tokyo",5,prod;ad',
      'office,,10.1.0.0/16,,,,',
      '',
      'ceo,,,CORP\\hanako,,4,vip',
    ].join('\r\n');
    const { rows, problems } = parseAssetCsv(text);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(rows[0]!.asset).toEqual({
      name: 'dc01',
      hostnames: ['DC01', 'dc01.corp.example'],
      addresses: ['10.0.0.10'],
      users: [],
      owner: 'Infra, Tokyo',
      criticality: 5,
      tags: ['prod', 'ad'],
    });
    expect(rows[1]!.asset).toMatchObject({ addresses: ['10.1.0.0/16'], criticality: null, owner: null });
  });

  it('reports each bad row with its line number and keeps the good ones', () => {
    const text = [
      'name,addresses,criticality',
      'a,10.0.0.1,3',
      'b,10.0.0.300,3',
      'c,10.0.0.3,7',
      'd,10.0.0.4,high',
      ',10.0.0.5,1',
      'e,10.0.0.6',
      'a,10.0.0.7,2',
      '"f,10.0.0.8,2',
    ].join('\n');
    const { rows, problems } = parseAssetCsv(text);
    expect(rows.map((r) => r.asset.name)).toEqual(['a']);
    expect(problems).toEqual([
      { line: 3, message: '"10.0.0.300" is not an IP address or CIDR range' },
      { line: 4, message: 'Criticality must be a whole number from 1 to 5, not 7' },
      { line: 5, message: 'Criticality must be a whole number from 1 to 5, not "high"' },
      { line: 6, message: 'An asset name must have 1 to 200 characters' },
      { line: 7, message: 'The row has 2 cells; the header has 3' },
      { line: 8, message: 'The asset "a" is already on line 2' },
      { line: 9, message: 'A quoted cell is never closed' },
    ]);
  });

  it('refuses a header without a name column or with an unknown one', () => {
    expect(() => parseAssetCsv('host,ip\nws01,10.0.0.1')).toThrow(
      'The header on line 1 has no "name" column',
    );
    expect(() => parseAssetCsv('name,colour\nws01,red')).toThrow(/Unknown column "colour" on line 1/);
    expect(() => parseAssetCsv('name,ip,address\n')).toThrow(/appears twice/);
    expect(() => parseAssetCsv('\n\n')).toThrow(/empty/);
  });
});
