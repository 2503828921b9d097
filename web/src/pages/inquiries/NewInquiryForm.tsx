// The new-inquiry form of the customer CSIRT: type, priority, subject and details; every field labelled.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { ErrorState } from '../../components/states.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import {
  asInquiry,
  INQUIRY_PRIORITIES,
  INQUIRY_TYPES,
  type Inquiry,
  type InquiryPriority,
  type InquiryType,
} from './inquiry-model.js';

export function NewInquiryForm({
  onSubmitted,
  onCancel,
}: {
  onSubmitted: (inquiry: Inquiry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const chooseTenant = session.tenant === ALL_TENANTS && session.tenants.length > 1;
  const [tenant, setTenant] = useState(
    session.tenant !== ALL_TENANTS ? session.tenant : (session.tenants[0]?.id ?? ''),
  );
  const [type, setType] = useState<InquiryType>('question');
  const [priority, setPriority] = useState<InquiryPriority>('normal');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState<{ subject?: boolean; body?: boolean }>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = { subject: subject.trim() === '', body: body.trim() === '' };
    setMissing(problems);
    if (problems.subject || problems.body) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await unwrap(
        session.api.client.POST('/api/inquiries', {
          body: { tenant, inquiry: { type, priority, subject: subject.trim(), body: body.trim() } },
        }),
      );
      onSubmitted(asInquiry(created));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel inquiry-form" aria-labelledby="inquiry-form-title">
      <h2 id="inquiry-form-title">{t('inquiries.form.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          {chooseTenant && (
            <div className="form-field">
              <label htmlFor="inquiry-tenant">{t('inquiries.form.tenant')}</label>
              <select id="inquiry-tenant" value={tenant} onChange={(e) => setTenant(e.target.value)}>
                {session.tenants.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="form-field">
            <label htmlFor="inquiry-type">{t('inquiries.form.type')}</label>
            <select
              id="inquiry-type"
              ref={first}
              value={type}
              aria-describedby="inquiry-type-hint"
              onChange={(e) => setType(e.target.value as InquiryType)}
            >
              {INQUIRY_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`inquiries.type.${x}`)}
                </option>
              ))}
            </select>
            <p id="inquiry-type-hint" className="hint">
              {t('inquiries.form.typeHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="inquiry-priority">{t('inquiries.form.priority')}</label>
            <select
              id="inquiry-priority"
              value={priority}
              aria-describedby="inquiry-priority-hint"
              onChange={(e) => setPriority(e.target.value as InquiryPriority)}
            >
              {INQUIRY_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`inquiries.priority.${p}`)}
                </option>
              ))}
            </select>
            <p id="inquiry-priority-hint" className="hint">
              {t('inquiries.form.priorityHint')}
            </p>
          </div>
        </div>
        <div className="form-field">
          <label htmlFor="inquiry-subject">{t('inquiries.form.subject')}</label>
          <input
            id="inquiry-subject"
            value={subject}
            required
            maxLength={300}
            autoComplete="off"
            aria-invalid={missing.subject ? true : undefined}
            aria-describedby={missing.subject ? 'inquiry-subject-missing' : undefined}
            onChange={(e) => setSubject(e.target.value)}
          />
          {missing.subject && (
            <p id="inquiry-subject-missing" className="form-error">
              {t('inquiries.form.required')}
            </p>
          )}
        </div>
        <div className="form-field">
          <label htmlFor="inquiry-body">{t('inquiries.form.body')}</label>
          <textarea
            id="inquiry-body"
            rows={8}
            value={body}
            required
            maxLength={50_000}
            aria-invalid={missing.body ? true : undefined}
            aria-describedby={missing.body ? 'inquiry-body-missing' : 'inquiry-body-hint'}
            onChange={(e) => setBody(e.target.value)}
          />
          {missing.body ? (
            <p id="inquiry-body-missing" className="form-error">
              {t('inquiries.form.required')}
            </p>
          ) : (
            <p id="inquiry-body-hint" className="hint">
              {t('inquiries.form.bodyHint')}
            </p>
          )}
        </div>
        {error && <ErrorState error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('inquiries.form.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('inquiries.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
