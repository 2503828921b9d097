// "Convert to incident": title, category and description prefilled from the inquiry; then a link to the incident.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { toApiError, useSession } from '../../shell/session.js';
import { INCIDENT_CATEGORIES, type IncidentCategory, type Inquiry } from './inquiry-model.js';
import { ConsoleLink } from './links.js';

export function ConvertPanel({
  inquiry: q,
  onConverted,
}: {
  inquiry: Inquiry;
  onConverted: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.can('inquiries:answer') && session.can('incidents:manage');
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(q.subject);
  const [category, setCategory] = useState<IncidentCategory>('other');
  const [description, setDescription] = useState(q.body);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (q.incidentId) {
    return (
      <section className="panel convert-panel" aria-labelledby="inquiry-convert">
        <h2 id="inquiry-convert">{t('inquiries.convert.title')}</h2>
        <p>{t('inquiries.convert.already')}</p>
        <p>
          <ConsoleLink path={`/incidents/${encodeURIComponent(q.incidentId)}`} className="incident-link">
            {t('inquiries.detail.openIncident')}
          </ConsoleLink>
        </p>
      </section>
    );
  }
  if (!allowed || q.status === 'closed') return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('inquiries.form.required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.POST('/api/inquiries/{id}/convert', {
          params: { path: { id: q.id } },
          body: {
            title: title.trim(),
            category,
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      );
      setOpen(false);
      onConverted(t('inquiries.convert.done'));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel convert-panel" aria-labelledby="inquiry-convert">
      <h2 id="inquiry-convert">{t('inquiries.convert.title')}</h2>
      <p className="hint">{t('inquiries.convert.hint')}</p>
      {!open ? (
        <button type="button" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('inquiries.convert.open')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="form-field">
            <label htmlFor="convert-title">{t('inquiries.convert.incidentTitle')}</label>
            <input
              id="convert-title"
              value={title}
              maxLength={300}
              required
              aria-invalid={error && !title.trim() ? true : undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="form-field">
            <label htmlFor="convert-category">{t('inquiries.convert.category')}</label>
            <select
              id="convert-category"
              value={category}
              onChange={(e) => setCategory(e.target.value as IncidentCategory)}
            >
              {INCIDENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`inquiries.category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="convert-description">{t('inquiries.convert.description')}</label>
            <textarea
              id="convert-description"
              rows={6}
              maxLength={50_000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {t('inquiries.convert.submit')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('inquiries.convert.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
