import { describe, expect, it } from 'vitest';
import type { Event } from '../core/event.js';
import { newEventId, tenantId } from '../core/ids.js';
import { csvHeader, toCsvRow, toTable } from './output.js';

const event = (fields: Event['fields']): Event => ({
  id: newEventId(0),
  tenant: tenantId('acme'),
  time: Date.UTC(2025, 10, 28, 10, 0, 0),
  receivedAt: 0,
  logsource: {},
  fields,
});

describe('CSV output', () => {
  it('quotes commas, quotes and newlines, and joins arrays', () => {
    const e = event({ message: 'a "b", c\nd', 'event.category': ['network', 'session'] });
    expect(csvHeader(['message', 'event.category'])).toBe('message,event.category');
    expect(toCsvRow(e, ['message', 'event.category'])).toBe('"a ""b"", c\nd","network,session"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(toCsvRow(event({ 'user.name': '=HYPERLINK("x")' }), ['user.name'])).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvHeader(['@timestamp', 'message'])).toBe('@timestamp,message');
  });

  it('reads the Event members and missing fields as empty cells', () => {
    expect(toCsvRow(event({}), ['@timestamp', 'tenant', 'source.ip'])).toBe('2025-11-28T10:00:00.000Z,acme,');
  });
});

describe('table output', () => {
  it('aligns columns and clips the last one to the terminal width', () => {
    const text = toTable(
      [event({ message: 'x'.repeat(500), 'host.hostname': 'fw01' })],
      ['tenant', 'host.hostname', 'message'],
      60,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^tenant\s+host\.hostname\s+message$/);
    expect(lines[2]!.length).toBeLessThanOrEqual(60);
    expect(lines[2]).toMatch(/…$/);
  });
});
