// Handling an inquiry: the status moves open to the user's side (with a note kept in the thread) and, for the SOC,
// the assignee.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { toApiError, useSession } from '../../shell/session.js';
import { useAssigneeList } from '../alerts/use-assignees.js';
import { STATUS_MOVES, type Inquiry, type InquiryStatus, type Side } from './inquiry-model.js';

export function HandlingPanel({
  inquiry: q,
  side,
  onChanged,
}: {
  inquiry: Inquiry;
  side: Side;
  onChanged: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const canAssign = session.can('inquiries:answer');
  const moves = STATUS_MOVES[side][q.status];
  const [to, setTo] = useState<InquiryStatus | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, notice: string, after?: () => void) => {
    setBusy(true);
    setError('');
    try {
      await work();
      after?.();
      onChanged(notice);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const move = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    void act(
      () =>
        unwrap(
          session.api.client.POST('/api/inquiries/{id}/status', {
            params: { path: { id: q.id } },
            body: { status: to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          }),
        ),
      t('inquiries.actions.changed', { status: t(`inquiries.status.${to}`) }),
      () => {
        setTo('');
        setReason('');
      },
    );
  };

  return (
    <section className="panel handling-panel" aria-labelledby="inquiry-handling">
      <h2 id="inquiry-handling">{t('inquiries.actions.title')}</h2>
      {moves.length === 0 ? (
        <p className="hint">{t('inquiries.actions.noMoves')}</p>
      ) : (
        <form onSubmit={move}>
          <div className="form-field">
            <label htmlFor="inquiry-move-to">{t('inquiries.actions.moveTo')}</label>
            <select
              id="inquiry-move-to"
              value={to}
              onChange={(e) => setTo(e.target.value as InquiryStatus | '')}
            >
              <option value="">{t('inquiries.actions.choose')}</option>
              {moves.map((s) => (
                <option key={s} value={s}>
                  {t(`inquiries.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="inquiry-move-reason">{t('inquiries.actions.reason')}</label>
            <textarea
              id="inquiry-move-reason"
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy || !to}>
            {t('inquiries.actions.change')}
          </button>
        </form>
      )}
      {canAssign && <AssignForm inquiry={q} busy={busy} act={act} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function AssignForm({
  inquiry: q,
  busy,
  act,
}: {
  inquiry: Inquiry;
  busy: boolean;
  act: (work: () => Promise<unknown>, notice: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.me : undefined;
  const users = useAssigneeList([q.tenant]);
  const [assignee, setAssignee] = useState(q.assignee ?? '');
  const assign = (id: string | null) =>
    void act(
      () =>
        unwrap(
          session.api.client.POST('/api/inquiries/{id}/assign', {
            params: { path: { id: q.id } },
            body: { assignee: id },
          }),
        ),
      t('inquiries.actions.assigned'),
    );
  const known = users.some((u) => u.id === q.assignee);
  return (
    <form
      className="assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign(assignee || null);
      }}
    >
      <div className="form-field">
        <label htmlFor="inquiry-assignee">{t('inquiries.actions.assignee')}</label>
        <select id="inquiry-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('inquiries.actions.nobody')}</option>
          {q.assignee && !known && <option value={q.assignee}>{q.assignee}</option>}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName && u.displayName !== u.username
                ? `${u.displayName} (${u.username})`
                : u.username}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy || assignee === (q.assignee ?? '')}>
          {t('inquiries.actions.assign')}
        </button>
        {me && q.assignee !== me.id && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setAssignee(me.id);
              assign(me.id);
            }}
          >
            {t('inquiries.actions.assignMe')}
          </button>
        )}
      </div>
    </form>
  );
}
