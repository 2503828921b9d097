// Logging a new communication: contact from the directory or in words, channel, direction, texts, when, and whether
// it waits for an answer; a template can fill the subject and text first.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/client.js';
import { unwrap } from '../../../api/client.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import {
  callerPlaceholdersOf,
  CHANNELS,
  contactLabel,
  contactsForTemplate,
  DIRECTIONS,
  newCommunication,
  placeholderLabelKey,
  readTemplates,
  renderValues,
  type CallerPlaceholder,
  type CommunicationForm,
  type Contact,
  type Draft,
  type FormProblem,
} from './communication-format.js';
import { ResultLine } from './tab-parts.js';

const EMPTY: CommunicationForm = {
  direction: 'outgoing',
  channel: 'email',
  contactId: '',
  counterpart: '',
  subject: '',
  summary: '',
  body: '',
  occurredAt: '',
  isRequest: false,
  dueAt: '',
};

export function CommunicationFormPanel({
  detail,
  contacts,
  onSaved,
  onCancel,
}: {
  detail: Schemas['IncidentDetail'];
  contacts: Contact[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const zone = session.zoneOf(detail.incident.tenant);
  const [form, setForm] = useState<CommunicationForm>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const built = newCommunication(form, zone);
  const wrong = (p: FormProblem) => tried && (built.problems as FormProblem[]).includes(p);
  const set =
    <K extends keyof CommunicationForm>(key: K) =>
    (value: CommunicationForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    setTried(true);
    if (!('body' in built)) return;
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.POST('/api/incidents/{id}/communications', {
          params: { path: { id: detail.incident.id } },
          body: built.body,
        }),
      );
      setForm(EMPTY);
      onSaved();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('incidentTabs.communications.form.heading')}</h2>
      <TemplatePicker
        incidentId={detail.incident.id}
        contacts={contacts}
        onDraft={(draft, contactId) =>
          setForm((f) => ({
            ...f,
            subject: draft.subject,
            body: draft.body,
            contactId: contactId || f.contactId,
            summary: f.summary || draft.subject,
            direction: 'outgoing',
          }))
        }
      />
      <form
        className="itab-form itab-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('incidentTabs.communications.form.contact')}
          <select value={form.contactId} onChange={(e) => set('contactId')(e.target.value)}>
            <option value="">{t('incidentTabs.communications.form.noContact')}</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {contactLabel(c)}
                {c.title ? ` (${c.title})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidentTabs.communications.form.counterpart')}
          <input
            maxLength={300}
            value={form.counterpart}
            aria-describedby={`${id}-cp`}
            aria-invalid={wrong('noCounterpart')}
            onChange={(e) => set('counterpart')(e.target.value)}
          />
          <span className="hint" id={`${id}-cp`}>
            {t('incidentTabs.communications.form.counterpartHint')}
          </span>
        </label>
        <label>
          {t('incidentTabs.communications.form.direction')}
          <select
            value={form.direction}
            onChange={(e) => set('direction')(e.target.value as CommunicationForm['direction'])}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`incidentTabs.communications.directionNames.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidentTabs.communications.form.channel')}
          <select
            value={form.channel}
            onChange={(e) => set('channel')(e.target.value as CommunicationForm['channel'])}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`incidentTabs.communications.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="itab-wide">
          {t('incidentTabs.communications.form.subject')}
          <input
            required
            maxLength={300}
            value={form.subject}
            aria-invalid={wrong('noSubject')}
            onChange={(e) => set('subject')(e.target.value)}
          />
        </label>
        <label className="itab-wide">
          {t('incidentTabs.communications.form.summary')}
          <textarea
            rows={2}
            required
            maxLength={2000}
            value={form.summary}
            aria-invalid={wrong('noSummary')}
            onChange={(e) => set('summary')(e.target.value)}
          />
        </label>
        <label className="itab-wide">
          {t('incidentTabs.communications.form.body')}
          <textarea
            rows={10}
            maxLength={100_000}
            value={form.body}
            onChange={(e) => set('body')(e.target.value)}
          />
        </label>
        <label>
          {t('incidentTabs.communications.form.occurredAt', { zone })}
          <input
            type="datetime-local"
            value={form.occurredAt}
            aria-describedby={`${id}-occ`}
            onChange={(e) => set('occurredAt')(e.target.value)}
          />
          <span className="hint" id={`${id}-occ`}>
            {t('incidentTabs.communications.form.occurredHint')}
          </span>
        </label>
        <div className="itab-stack">
          <label className="itab-check">
            <input
              type="checkbox"
              checked={form.isRequest}
              onChange={(e) => set('isRequest')(e.target.checked)}
            />
            {t('incidentTabs.communications.form.isRequest')}
          </label>
          {form.isRequest && (
            <label>
              {t('incidentTabs.communications.form.dueAt', { zone })}
              <input
                type="datetime-local"
                value={form.dueAt}
                onChange={(e) => set('dueAt')(e.target.value)}
              />
            </label>
          )}
        </div>
        <div className="itab-wide itab-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('incidentTabs.communications.form.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('incidentTabs.cancel')}
          </button>
        </div>
      </form>
      {tried && built.problems.length > 0 && (
        <ul className="form-error" role="alert">
          {built.problems.map((p) => (
            <li key={p}>{t(`incidentTabs.communications.form.problems.${p}`)}</li>
          ))}
        </ul>
      )}
      <ResultLine error={error} />
    </section>
  );
}

/** Choose a template, its language and addressee, give the values only the caller knows, and render a draft. */
function TemplatePicker({
  incidentId,
  contacts,
  onDraft,
}: {
  incidentId: string;
  contacts: Contact[];
  onDraft: (draft: Draft, contactId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const templates = useRequest(
    (signal) =>
      unwrap(session.api.client.GET('/api/communication-templates', { signal })).then(readTemplates),
    [],
  );
  const [templateId, setTemplateId] = useState('');
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [contactId, setContactId] = useState('');
  const [values, setValues] = useState<Partial<Record<CallerPlaceholder, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState<Draft | undefined>();
  const list = templates.data ?? [];
  const template = list.find((x) => x.id === templateId);
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const ordered = template ? contactsForTemplate(contacts, template.audience) : contacts;

  const render = async () => {
    if (!template) return;
    setBusy(true);
    setError('');
    setDraft(undefined);
    try {
      const answer = await unwrap(
        session.api.client.POST('/api/communication-templates/{id}/render', {
          params: { path: { id: template.id } },
          body: {
            incidentId,
            language,
            ...(contactId ? { contactId } : {}),
            values: renderValues(values),
          },
        }),
      );
      setDraft(answer);
      onDraft(answer, contactId);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="itab-template">
      <summary>{t('incidentTabs.communications.template.heading')}</summary>
      <div className="itab-form itab-grid">
        <label>
          {t('incidentTabs.communications.template.template')}
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">{t('incidentTabs.communications.template.choose')}</option>
            <optgroup label={t('incidentTabs.communications.template.libraryGroup')}>
              {list
                .filter((x) => x.source === 'library')
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title[lang]}
                  </option>
                ))}
            </optgroup>
            <optgroup label={t('incidentTabs.communications.template.playbookGroup')}>
              {list
                .filter((x) => x.source !== 'library')
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title[lang]}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('incidentTabs.communications.template.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'ja')}>
            <option value="ja">{t('incidentTabs.communications.languages.ja')}</option>
            <option value="en">{t('incidentTabs.communications.languages.en')}</option>
          </select>
        </label>
        <label>
          {t('incidentTabs.communications.template.contact')}
          <select
            value={contactId}
            onChange={(e) => {
              setContactId(e.target.value);
              const chosen = contacts.find((c) => c.id === e.target.value);
              if (chosen) setLanguage(chosen.language);
            }}
          >
            <option value="">{t('incidentTabs.communications.form.noContact')}</option>
            {ordered.map((c) => (
              <option key={c.id} value={c.id}>
                {contactLabel(c)}
              </option>
            ))}
          </select>
        </label>
        {template && callerPlaceholdersOf(template).length > 0 && (
          <fieldset className="itab-wide itab-values">
            <legend>{t('incidentTabs.communications.template.values')}</legend>
            {callerPlaceholdersOf(template).map((p) => (
              <label key={p}>
                {t(`incidentTabs.communications.template.placeholders.${placeholderLabelKey(p)}`)}
                {p === 'requested.items' || p === 'details' ? (
                  <textarea
                    rows={3}
                    value={values[p] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [p]: e.target.value }))}
                  />
                ) : (
                  <input
                    value={values[p] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [p]: e.target.value }))}
                  />
                )}
              </label>
            ))}
          </fieldset>
        )}
        <div className="itab-wide">
          <button type="button" disabled={!template || busy} onClick={() => void render()}>
            {t('incidentTabs.communications.template.render')}
          </button>
        </div>
      </div>
      <ResultLine error={error} />
      {draft && (
        <div role="status" className="notice" data-testid="template-draft">
          <p>{t('incidentTabs.communications.template.rendered')}</p>
          {draft.missing.length > 0 && (
            <p className="itab-warning">
              {t('incidentTabs.communications.template.missing', {
                names: draft.missing.map((m) => `{{${m}}}`).join(', '),
              })}
            </p>
          )}
          {draft.unknown.length > 0 && (
            <p className="itab-warning">
              {t('incidentTabs.communications.template.unknown', { names: draft.unknown.join(', ') })}
            </p>
          )}
          {draft.fillIns.length > 0 && (
            <p className="itab-warning">
              {t('incidentTabs.communications.template.fillIns', { names: draft.fillIns.join(', ') })}
            </p>
          )}
        </div>
      )}
    </details>
  );
}
