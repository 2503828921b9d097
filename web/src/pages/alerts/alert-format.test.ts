import { describe, expect, it } from 'vitest';
import { actionLines, durationText, entityQuery, entityText, eventIdsQuery } from './alert-format.js';

const units = { d: 'd', h: 'h', m: 'min', s: 's' };

describe('alert wordings', () => {
  it('puts the entity in one line', () => {
    expect(entityText({ 'user.name': 'alice', 'host.name': 'ws01', 'source.ip': '10.0.0.8' })).toBe(
      'alice@ws01 · 10.0.0.8',
    );
    expect(entityText({ 'source.ip': '10.0.0.8', 'destination.ip': '192.0.2.1' })).toBe(
      '10.0.0.8 → 192.0.2.1',
    );
    expect(entityText({})).toBe('—');
  });

  it('builds search queries for the entity and for cited events, quoting what needs it', () => {
    expect(entityQuery({ 'host.name': 'ws01', 'user.name': 'CORP\\alice' })).toBe(
      'host.name:ws01 AND user.name:"CORP\\\\alice"',
    );
    expect(entityQuery({ 'source.ip': '2001:db8::1' })).toBe('source.ip:"2001:db8::1"');
    expect(eventIdsQuery(['a1', 'b2'])).toBe('_id:a1 OR _id:b2');
  });

  it('says durations in their two largest units', () => {
    expect(durationText(45_000, units)).toBe('45 s');
    expect(durationText(3_900_000, units)).toBe('1 h 5 min');
    expect(durationText(2 * 86_400_000 + 3_600_000 + 59_000, units)).toBe('2 d 1 h');
    expect(durationText(0, units)).toBe('0 s');
  });

  it('reads recommended actions one per line, bullets removed', () => {
    expect(actionLines('- Isolate ws01\n\n・パスワードを変更\n * Check VPN logs  ')).toEqual([
      'Isolate ws01',
      'パスワードを変更',
      'Check VPN logs',
    ]);
  });
});
