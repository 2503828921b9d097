import { describe, expect, it } from 'vitest';
import {
  callerPlaceholdersOf,
  contactsForTemplate,
  newCommunication,
  readTemplates,
  renderValues,
  requestState,
  type CommunicationForm,
  type Contact,
} from './communication-format.js';

const form: CommunicationForm = {
  direction: 'outgoing',
  channel: 'email',
  contactId: '',
  counterpart: ' ベンダーA サポート ',
  subject: ' ログ提供のお願い ',
  summary: ' FW ログを依頼 ',
  body: '',
  occurredAt: '2026-11-28T09:15',
  isRequest: true,
  dueAt: '2026-11-30T18:00',
};

describe('a new communication', () => {
  it('reads times in the tenant’s zone and marks a request open with its due time', () => {
    const result = newCommunication(form, 'Asia/Tokyo');
    expect(result.problems).toEqual([]);
    expect('body' in result && result.body).toEqual({
      direction: 'outgoing',
      channel: 'email',
      counterpart: 'ベンダーA サポート',
      subject: 'ログ提供のお願い',
      summary: 'FW ログを依頼',
      occurredAt: Date.UTC(2026, 10, 28, 0, 15),
      request: { status: 'open', dueAt: Date.UTC(2026, 10, 30, 9, 0) },
    });
  });

  it('takes a contact of the directory instead of a counterpart in words', () => {
    const result = newCommunication({ ...form, contactId: 'c1', counterpart: '', isRequest: false }, 'UTC');
    expect('body' in result && result.body.contactId).toBe('c1');
    expect('body' in result && result.body.request).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    const result = newCommunication(
      {
        ...form,
        counterpart: '',
        subject: '',
        summary: ' ',
        occurredAt: 'tomorrow',
        dueAt: '2026-02-30T00:00',
      },
      'UTC',
    );
    expect(result.problems).toEqual(['noCounterpart', 'noSubject', 'noSummary', 'badOccurredAt', 'badDueAt']);
  });
});

describe('requests', () => {
  it('is overdue when open past its due time, else its status', () => {
    expect(requestState({ request: null }, 10)).toBe('none');
    expect(requestState({ request: { status: 'open', dueAt: 5, overdue: false } }, 10)).toBe('overdue');
    expect(requestState({ request: { status: 'open', dueAt: 50, overdue: false } }, 10)).toBe('open');
    expect(requestState({ request: { status: 'answered', dueAt: 5, overdue: false } }, 10)).toBe('answered');
  });
});

describe('templates', () => {
  it('asks only for the caller-given placeholders the template uses', () => {
    expect(
      callerPlaceholdersOf({ placeholders: ['incident.title', 'reply.by', 'period.from', 'sender.name'] }),
    ).toEqual(['period.from', 'reply.by']);
  });

  it('sends filled values only, requested items one per line', () => {
    expect(
      renderValues({ 'requested.items': 'FW ログ\n\n プロキシログ ', 'reply.by': ' ', details: '詳細' }),
    ).toEqual({ 'requested.items': ['FW ログ', 'プロキシログ'], details: '詳細' });
  });

  it('lists the contacts of the template’s audience first', () => {
    const c = (id: string, kind: string, organization: string): Contact => ({
      id,
      tenant: null,
      kind,
      organization,
      name: null,
      title: null,
      language: 'ja',
    });
    const contacts = [c('1', 'police', '警察'), c('2', 'vendor', 'B社'), c('3', 'vendor', 'A社')];
    expect(contactsForTemplate(contacts, ['vendor']).map((x) => x.id)).toEqual(['3', '2', '1']);
  });

  it('keeps only well-formed templates and fills absent lists', () => {
    const list = readTemplates({
      templates: [{ id: 't', source: 'library', kind: 'request', title: { ja: 'あ', en: 'a' } }, { id: 1 }],
    });
    expect(list).toHaveLength(1);
    expect(list[0]?.placeholders).toEqual([]);
    expect(list[0]?.audience).toEqual([]);
  });
});
