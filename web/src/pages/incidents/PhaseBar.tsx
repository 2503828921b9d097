// The five response phases as a stepper, with "move to the next phase" (and a note) and close/reopen with a reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { toApiError, useSession } from '../../shell/session.js';
import { nextPhase, phaseSteps, type Incident } from './incident-model.js';

export function PhaseBar({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.can('incidents:manage');
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = nextPhase(incident.phase);
  const open = incident.status === 'open';

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      setNote('');
      setReason('');
      setClosing(false);
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const path = { params: { path: { id: incident.id } } };
  return (
    <section className="panel phase-bar" aria-labelledby="phase-title">
      <h2 id="phase-title" className="visually-hidden">
        {t('incidents.detail.phases')}
      </h2>
      <div className="phase-row">
        <ol
          className="phase-stepper"
          aria-label={t('incidents.detail.phases')}
          data-testid="incident-phase"
          data-phase={incident.phase}
        >
          {phaseSteps(incident.phase).map((s, i) => (
            <li
              key={s.phase}
              className={`phase-step phase-${s.state}`}
              aria-current={s.state === 'current' ? 'step' : undefined}
              data-phase={s.phase}
            >
              <span className="phase-number" aria-hidden="true">
                {s.state === 'done' ? '✓' : i + 1}
              </span>
              <span className="phase-name">{t(`incidents.phase.${s.phase}`)}</span>
              {s.state !== 'later' && (
                <span className="visually-hidden">
                  {' '}
                  ({t(s.state === 'done' ? 'incidents.detail.phaseDone' : 'incidents.detail.phaseCurrent')})
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
      {canManage && (
        <div className="phase-actions">
          {open && next && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() =>
                  unwrap(
                    session.api.client.POST('/api/incidents/{id}/phase', {
                      ...path,
                      body: { phase: next, ...(note.trim() ? { note: note.trim() } : {}) },
                    }),
                  ),
                );
              }}
            >
              <label className="grow">
                {t('incidents.detail.phaseNote')}
                <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
              </label>
              <button type="submit" className="primary" disabled={busy} data-testid="next-phase">
                {t('incidents.detail.nextPhase', { phase: t(`incidents.phase.${next}`) })}
              </button>
            </form>
          )}
          {!closing ? (
            <div className="button-row">
              <button
                type="button"
                onClick={() => setClosing(true)}
                data-testid={open ? 'close-incident' : 'reopen-incident'}
              >
                {open ? t('incidents.detail.close') : t('incidents.detail.reopen')}
              </button>
            </div>
          ) : (
            <form
              className="inline-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim()) {
                  setError(t('incidents.detail.reasonRequired'));
                  return;
                }
                void act(() =>
                  unwrap(
                    open
                      ? session.api.client.POST('/api/incidents/{id}/close', {
                          ...path,
                          body: { reason: reason.trim() },
                        })
                      : session.api.client.POST('/api/incidents/{id}/reopen', {
                          ...path,
                          body: { reason: reason.trim() },
                        }),
                  ),
                );
              }}
            >
              <label className="grow">
                {open ? t('incidents.detail.closeReason') : t('incidents.detail.reopenReason')}
                <input
                  type="text"
                  value={reason}
                  required
                  maxLength={2000}
                  autoFocus
                  aria-invalid={error && !reason.trim() ? true : undefined}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
              <button type="submit" disabled={busy}>
                {open ? t('incidents.detail.confirmClose') : t('incidents.detail.confirmReopen')}
              </button>
              <button type="button" className="link" onClick={() => setClosing(false)}>
                {t('incidents.detail.cancel')}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
