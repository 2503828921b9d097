import { describe, expect, it } from 'vitest';
import { channelTarget, readPolicy } from './policy-model.js';

describe('readPolicy', () => {
  it('reads a policy as the API returns it', () => {
    const policy = readPolicy({
      id: 'p1',
      tenant: 'acme',
      name: 'Night shift',
      minSeverity: 'high',
      categories: ['attack.credential_access'],
      contacts: [{ name: 'Sato', email: 'sato@acme.example' }],
      channels: [
        { kind: 'email', to: [] },
        { kind: 'webhook', url: 'https://hooks.acme.example/y', secretSet: true },
        { kind: 'chat', url: 'https://hooks.slack.com/services/T/B/X', flavor: 'slack' },
      ],
      language: 'en',
      responseTargetMinutes: 30,
      priority: 10,
      enabled: false,
      updatedAt: 5,
    });
    expect(policy).toMatchObject({
      id: 'p1',
      minSeverity: 'high',
      language: 'en',
      responseTargetMinutes: 30,
      priority: 10,
      enabled: false,
      contacts: [{ name: 'Sato', email: 'sato@acme.example' }],
    });
    expect(policy.channels.map((c) => c.kind)).toEqual(['email', 'webhook', 'chat']);
    expect(policy.channels[1]).toEqual({
      kind: 'webhook',
      url: 'https://hooks.acme.example/y',
      secretSet: true,
    });
  });

  it('fills defaults and drops channels of an unknown kind', () => {
    const policy = readPolicy({ id: 'p2', channels: [{ kind: 'pager' }, { kind: 'email' }] });
    expect(policy).toMatchObject({
      minSeverity: 'informational',
      categories: [],
      contacts: [],
      responseTargetMinutes: null,
      priority: 100,
      enabled: true,
    });
    expect(policy.channels).toEqual([{ kind: 'email', to: [] }]);
  });
});

describe('channelTarget', () => {
  it('shows email recipients and URLs without their query string', () => {
    expect(channelTarget({ kind: 'email', to: ['a@x.example', 'b@x.example'] })).toBe(
      'a@x.example, b@x.example',
    );
    expect(channelTarget({ kind: 'chat', url: 'https://x.example/hook?sig=abc', flavor: 'teams' })).toBe(
      'https://x.example/hook',
    );
    expect(channelTarget({ kind: 'webhook', url: 'not a url', secretSet: true })).toBe('not a url');
  });
});
