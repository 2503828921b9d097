import { describe, expect, it } from 'vitest';
import { tenantId } from './core/ids.js';
import { sourceTenantResolver } from './tenancy.js';

const tenant = (id: string, sources: string[]) => ({ id, timeZone: 'UTC', sources });

describe('sourceTenantResolver', () => {
  const resolve = sourceTenantResolver([
    tenant('default', []),
    tenant('acme', ['10.0.0.0/8', '2001:db8::/32']),
    tenant('beta', ['10.1.0.0/16', '192.0.2.7']),
  ]);
  const listener = tenantId('default');

  it('gives the most specific matching range its tenant', () => {
    expect(resolve('10.9.9.9', listener)).toBe('acme');
    expect(resolve('10.1.2.3', listener)).toBe('beta');
    expect(resolve('192.0.2.7', listener)).toBe('beta');
    expect(resolve('2001:db8::1', listener)).toBe('acme');
  });

  it('falls back to the listener tenant outside every range or without an address', () => {
    expect(resolve('192.0.2.8', listener)).toBe('default');
    expect(resolve(undefined, tenantId('acme'))).toBe('acme');
  });

  it('rejects a range that is not an address', () => {
    expect(() => sourceTenantResolver([tenant('x', ['10.0.0.0/99'])])).toThrow(/tenants\.0\.sources\.0/);
  });
});
