import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import {
  channelBody,
  checkPolicyForm,
  emptyPolicyForm,
  newChannel,
  newContact,
  policyBody,
  policyChanges,
  policyToForm,
  serverProblems,
  type PolicyFormState,
} from './policy-form.js';
import type { Policy } from './policy-model.js';

const SECRET = 'a-long-shared-secret-0123';

const SAVED: Policy = {
  id: 'p1',
  tenant: 'acme',
  name: 'Business hours',
  minSeverity: 'high',
  categories: ['attack'],
  contacts: [{ name: 'Sato', email: 'sato@acme.example' }],
  channels: [
    { kind: 'email', to: [] },
    { kind: 'webhook', url: 'https://hooks.acme.example/y', secretSet: true },
  ],
  language: 'ja',
  responseTargetMinutes: 60,
  priority: 10,
  enabled: true,
  updatedAt: 1,
};

function validForm(): PolicyFormState {
  return {
    ...emptyPolicyForm('acme', 'ja'),
    name: ' After hours ',
    categories: 'Attack.Credential_Access, sigma',
    responseTarget: '30',
    contacts: [{ ...newContact(), name: 'Sato', email: ' sato@acme.example ' }],
    channels: [{ ...newChannel('chat'), url: 'https://hooks.slack.com/services/T/B/X', flavor: 'teams' }],
  };
}

describe('policyBody', () => {
  it('turns the form into the policy the API takes', () => {
    expect(policyBody(validForm())).toEqual({
      name: 'After hours',
      minSeverity: 'high',
      categories: ['attack.credential_access', 'sigma'],
      contacts: [{ name: 'Sato', email: 'sato@acme.example' }],
      channels: [{ kind: 'chat', url: 'https://hooks.slack.com/services/T/B/X', flavor: 'teams' }],
      language: 'ja',
      responseTargetMinutes: 30,
      priority: 100,
      enabled: true,
    });
  });

  it('sends no response target when the field is empty', () => {
    expect(policyBody({ ...validForm(), responseTarget: ' ' }).responseTargetMinutes).toBeNull();
  });
});

describe('channelBody', () => {
  it('keeps only the fields of the chosen kind', () => {
    const typed = { ...newChannel('email'), to: 'a@x.example\nb@x.example', url: 'https://left.over' };
    expect(channelBody(typed)).toEqual({ kind: 'email', to: ['a@x.example', 'b@x.example'] });
    expect(channelBody({ ...typed, kind: 'webhook', secret: SECRET })).toEqual({
      kind: 'webhook',
      url: 'https://left.over',
      secret: SECRET,
    });
  });

  it('leaves out the secret of a saved webhook at its saved URL, so the server keeps the stored one', () => {
    const [, webhook] = policyToForm(SAVED).channels;
    expect(channelBody(webhook!)).toEqual({ kind: 'webhook', url: 'https://hooks.acme.example/y' });
    expect(channelBody({ ...webhook!, secret: SECRET })).toMatchObject({ secret: SECRET });
  });
});

describe('checkPolicyForm', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(checkPolicyForm(validForm())).toEqual([]);
  });

  it('names each problem with the number of the contact or channel', () => {
    const form: PolicyFormState = {
      ...validForm(),
      name: '',
      priority: 'ten',
      responseTarget: '0',
      contacts: [newContact()],
      channels: [newChannel('email'), { ...newChannel('webhook'), url: 'ftp://x', secret: 'short' }],
    };
    expect(checkPolicyForm(form)).toEqual([
      { problem: 'nameRequired' },
      { problem: 'priority' },
      { problem: 'responseTarget' },
      { problem: 'contactName', n: 1 },
      { problem: 'urlRequired', n: 2 },
      { problem: 'secretRequired', n: 2 },
    ]);
  });

  it('needs one to ten channels', () => {
    expect(checkPolicyForm({ ...validForm(), channels: [] })).toEqual([{ problem: 'noChannel' }]);
    const eleven = Array.from({ length: 11 }, () => newChannel('email'));
    expect(checkPolicyForm({ ...validForm(), channels: eleven })).toEqual([{ problem: 'tooManyChannels' }]);
  });

  it('asks for a new secret when a saved webhook moves to another URL', () => {
    const form = policyToForm(SAVED);
    expect(checkPolicyForm(form)).toEqual([]);
    form.channels[1]!.url = 'https://hooks.acme.example/z';
    expect(checkPolicyForm(form)).toEqual([{ problem: 'secretRequired', n: 2 }]);
  });
});

describe('policyChanges', () => {
  it('leaves the channels out when they did not change', () => {
    const changes = policyChanges(SAVED, { ...policyToForm(SAVED), name: 'Renamed' });
    expect(changes.name).toBe('Renamed');
    expect(changes).not.toHaveProperty('channels');
  });

  it('sends the channels when one is added, removed or changed', () => {
    const form = policyToForm(SAVED);
    const added = {
      ...form,
      channels: [...form.channels, { ...newChannel('chat'), url: 'https://x.example/h' }],
    };
    expect(policyChanges(SAVED, added).channels).toHaveLength(3);
    const removed = { ...form, channels: form.channels.slice(1) };
    expect(policyChanges(SAVED, removed).channels).toEqual([
      { kind: 'webhook', url: 'https://hooks.acme.example/y' },
    ]);
    const newSecret = { ...form, channels: form.channels.map((c) => ({ ...c, secret: SECRET })) };
    expect(policyChanges(SAVED, newSecret).channels).toBeDefined();
  });
});

describe('serverProblems', () => {
  it('lists every problem the policy check named', () => {
    const error = new ApiError(400, 'REQUEST_INVALID', 'The escalation policy is not valid: …', {
      problems: ['channels.0.url: must be an http(s) URL', 'minSeverity: Invalid option'],
    });
    expect(serverProblems(error)).toEqual([
      'channels.0.url: must be an http(s) URL',
      'minSeverity: Invalid option',
    ]);
  });

  it('falls back to the message', () => {
    expect(serverProblems(new ApiError(403, 'FORBIDDEN', 'Not allowed'))).toEqual(['Not allowed']);
  });
});
