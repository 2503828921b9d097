// Triage of one alert: the moves its status allows (each with a reason), assignment, a comment, and "suppress like this".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '../../api/client.js';
import { navigate } from '../../shell/router.js';
import { OpenIncidentButton } from '../incidents/OpenIncidentButton.js';
import { toApiError, useSession } from '../../shell/session.js';
import { TRANSITIONS, type AlertStatus } from './queue-state.js';
import { useAssigneeList } from './use-assignees.js';

type Detail = Schemas['AlertDetail'];

export function AlertTriagePanel({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const a = detail.alert;
  const assignees = useAssigneeList([a.tenant]);
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState(a.assignee ?? '');
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // A true positive is reached through the escalation form, which also informs the customer.
  const moves = TRANSITIONS[a.status].filter((m) => m !== 'true_positive');

  const act = async (work: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError('');
    try {
      await work();
      after?.();
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const move = (to: AlertStatus) => {
    if (!reason.trim()) {
      setError(t('alerts.bulk.reasonRequired'));
      return;
    }
    void act(
      () =>
        unwrap(
          session.api.client.POST('/api/alerts/{id}/transition', {
            params: { path: { id: a.id } },
            body: { to, reason: reason.trim() },
          }),
        ),
      () => setReason(''),
    );
  };

  return (
    <section className="panel triage-panel" aria-labelledby="alert-actions">
      <h2 id="alert-actions">{t('alerts.detail.actions')}</h2>
      <label className="block-label">
        {t('alerts.detail.reason')}
        <textarea
          id="alert-reason"
          rows={2}
          maxLength={2000}
          value={reason}
          placeholder={t('alerts.detail.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="button-row">
        {moves.map((m) => (
          <button
            key={m}
            type="button"
            className={m === 'false_positive' ? 'primary' : undefined}
            disabled={busy}
            onClick={() => move(m)}
          >
            {t(`alerts.move.${m}`)}
          </button>
        ))}
        {session.can('allowlist:manage') && (
          <button
            type="button"
            title={t('alerts.detail.suppressHint')}
            onClick={() => navigate('/allowlist', new URLSearchParams({ fromAlert: a.id }))}
          >
            {t('alerts.detail.suppress')}
          </button>
        )}
        <OpenIncidentButton alertIds={[a.id]} />
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() =>
            unwrap(
              session.api.client.PUT('/api/alerts/{id}/assignee', {
                params: { path: { id: a.id } },
                body: { assignee: assignee || null },
              }),
            ),
          );
        }}
      >
        <label>
          {t('alerts.detail.assignee')}
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('alerts.detail.unassign')}</option>
            {assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName && u.displayName !== u.username
                  ? `${u.displayName} (${u.username})`
                  : u.username}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || assignee === (a.assignee ?? '')}>
          {t('alerts.detail.assign')}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!comment.trim()) return;
          void act(
            () =>
              unwrap(
                session.api.client.POST('/api/alerts/{id}/comments', {
                  params: { path: { id: a.id } },
                  body: { text: comment.trim() },
                }),
              ),
            () => setComment(''),
          );
        }}
      >
        <label className="grow">
          {t('alerts.detail.comment')}
          <input
            type="text"
            value={comment}
            maxLength={2000}
            placeholder={t('alerts.detail.commentPlaceholder')}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !comment.trim()}>
          {t('alerts.detail.addComment')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
