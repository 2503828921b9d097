// The add and edit form of a contact: directory (a tenant or shared), kind, organization, person, channel rows with
// the preferred one marked, hours, language and escalation notes; the server's refusal shown as it gives it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { ErrorState } from '../../components/states.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  addChannelRow,
  asContact,
  CHANNEL_KINDS,
  CHANNELS_MAX,
  checkContactForm,
  CONTACT_KINDS,
  CONTACT_LANGUAGES,
  contactBody,
  contactToForm,
  emptyContactForm,
  removeChannelRow,
  SHARED,
  type ChannelKind,
  type ChannelRow,
  type Contact,
  type ContactField,
  type ContactForm as FormState,
  type ContactKind,
  type ContactLanguage,
} from './contact-model.js';

export function ContactForm({
  contact,
  tenant,
  onSaved,
  onCancel,
}: {
  /** The contact to edit; absent to add one. */
  contact: Contact | undefined;
  /** The directory a new contact goes to by default. */
  tenant: string;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState<FormState>(() =>
    contact ? contactToForm(contact) : emptyContactForm(tenant),
  );
  const [missing, setMissing] = useState<Partial<Record<ContactField, 'required'>>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set =
    <K extends keyof FormState>(key: K) =>
    (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [key]: e.target.value as FormState[K] }));
  const setRow = (index: number, change: Partial<ChannelRow>) =>
    setForm((f) => ({ ...f, channels: f.channels.map((c, i) => (i === index ? { ...c, ...change } : c)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkContactForm(form);
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = contactBody(form);
      const saved = contact
        ? await unwrap(
            session.api.client.PATCH('/api/contacts/{id}', { params: { path: { id: contact.id } }, body }),
          )
        : await unwrap(
            session.api.client.POST('/api/contacts', {
              body: { tenant: form.tenant === SHARED ? null : form.tenant, contact: body },
            }),
          );
      onSaved(asContact(saved));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const title = contact
    ? t('contacts.form.editTitle', { name: contact.organization })
    : t('contacts.form.addTitle');
  return (
    <section className="panel contact-form" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{title}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor="contact-tenant">{t('contacts.form.tenant')}</label>
            <select
              id="contact-tenant"
              value={form.tenant}
              disabled={contact !== undefined}
              aria-describedby="contact-tenant-hint"
              onChange={set('tenant')}
            >
              {session.tenants.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
              <option value={SHARED}>{t('contacts.form.sharedOption')}</option>
            </select>
            <p id="contact-tenant-hint" className="hint">
              {t('contacts.form.tenantHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="contact-kind">{t('contacts.form.kind')}</label>
            <select
              id="contact-kind"
              ref={first}
              value={form.kind}
              onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as ContactKind }))}
            >
              {CONTACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`contacts.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="contact-organization">{t('contacts.form.organization')}</label>
            <input
              id="contact-organization"
              value={form.organization}
              required
              maxLength={200}
              autoComplete="off"
              aria-invalid={missing.organization ? true : undefined}
              aria-describedby={
                missing.organization ? 'contact-organization-missing' : 'contact-organization-hint'
              }
              onChange={set('organization')}
            />
            {missing.organization ? (
              <p id="contact-organization-missing" className="form-error">
                {t('contacts.form.required')}
              </p>
            ) : (
              <p id="contact-organization-hint" className="hint">
                {t('contacts.form.organizationHint')}
              </p>
            )}
          </div>
          <div className="form-field">
            <label htmlFor="contact-name">{t('contacts.form.name')}</label>
            <input
              id="contact-name"
              value={form.name}
              maxLength={200}
              autoComplete="off"
              aria-describedby="contact-name-hint"
              onChange={set('name')}
            />
            <p id="contact-name-hint" className="hint">
              {t('contacts.form.nameHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="contact-title">{t('contacts.form.title')}</label>
            <input
              id="contact-title"
              value={form.title}
              maxLength={200}
              autoComplete="off"
              onChange={set('title')}
            />
          </div>
          <div className="form-field">
            <label htmlFor="contact-hours">{t('contacts.form.hours')}</label>
            <input
              id="contact-hours"
              value={form.hours}
              maxLength={200}
              aria-describedby="contact-hours-hint"
              onChange={set('hours')}
            />
            <p id="contact-hours-hint" className="hint">
              {t('contacts.form.hoursHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="contact-language">{t('contacts.form.language')}</label>
            <select
              id="contact-language"
              value={form.language}
              onChange={(e) => setForm((f) => ({ ...f, language: e.target.value as ContactLanguage }))}
            >
              {CONTACT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`contacts.language.${l}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <fieldset className="channel-rows" aria-describedby="contact-channels-hint">
          <legend>{t('contacts.form.channels')}</legend>
          <p id="contact-channels-hint" className="hint">
            {t('contacts.form.channelsHint')}
          </p>
          {missing.channels && (
            <p className="form-error" role="alert">
              {t('contacts.form.channelRequired')}
            </p>
          )}
          {form.channels.map((row, i) => (
            <fieldset key={i} className="channel-row" data-testid="contact-channel-row">
              <legend className="visually-hidden">{t('contacts.form.channelLegend', { n: i + 1 })}</legend>
              <div className="form-field">
                <label htmlFor={`contact-channel-kind-${i}`}>{t('contacts.form.channelKind')}</label>
                <select
                  id={`contact-channel-kind-${i}`}
                  value={row.kind}
                  onChange={(e) => setRow(i, { kind: e.target.value as ChannelKind })}
                >
                  {CHANNEL_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`contacts.channel.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-field grow">
                <label htmlFor={`contact-channel-value-${i}`}>{t('contacts.form.channelValue')}</label>
                <input
                  id={`contact-channel-value-${i}`}
                  value={row.value}
                  maxLength={500}
                  type={row.kind === 'email' ? 'email' : row.kind === 'phone' ? 'tel' : 'text'}
                  aria-invalid={
                    missing.channels && row.value.trim() === '' && row.label.trim() !== '' ? true : undefined
                  }
                  onChange={(e) => setRow(i, { value: e.target.value })}
                />
              </div>
              <div className="form-field">
                <label htmlFor={`contact-channel-label-${i}`}>{t('contacts.form.channelLabel')}</label>
                <input
                  id={`contact-channel-label-${i}`}
                  value={row.label}
                  maxLength={100}
                  placeholder={t('contacts.form.channelLabelHint')}
                  onChange={(e) => setRow(i, { label: e.target.value })}
                />
              </div>
              <label className="check preferred-check">
                <input
                  type="radio"
                  name="contact-preferred"
                  checked={form.preferred === i}
                  onChange={() => setForm((f) => ({ ...f, preferred: i }))}
                />
                {t('contacts.form.channelPreferred')}
              </label>
              <button
                type="button"
                className="remove-channel"
                aria-label={t('contacts.form.removeChannel', { n: i + 1 })}
                onClick={() => setForm((f) => removeChannelRow(f, i))}
              >
                ×
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            disabled={form.channels.length >= CHANNELS_MAX}
            onClick={() => setForm(addChannelRow)}
          >
            {t('contacts.form.addChannel')}
          </button>
        </fieldset>

        <div className="form-field">
          <label htmlFor="contact-notes">{t('contacts.form.notes')}</label>
          <textarea
            id="contact-notes"
            rows={3}
            maxLength={4000}
            value={form.escalationNotes}
            aria-describedby="contact-notes-hint"
            onChange={set('escalationNotes')}
          />
          <p id="contact-notes-hint" className="hint">
            {t('contacts.form.notesHint')}
          </p>
        </div>
        {error && <ErrorState error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('contacts.form.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('contacts.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
