// The alert's history (moves with reasons, assignments, comments) and its escalations with each channel's delivery.
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import type { RequestState } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { useAssignees } from './use-assignees.js';

export function AlertHistory({
  history,
  tenant,
}: {
  history: Schemas['AlertHistoryEntry'][];
  tenant: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const names = useAssignees([tenant]);
  const zone = session.zoneOf(tenant);
  return (
    <section className="panel" aria-labelledby="alert-history">
      <h2 id="alert-history">{t('alerts.detail.history')}</h2>
      {history.length === 0 ? (
        <p className="hint">{t('alerts.detail.noHistory')}</p>
      ) : (
        <ol className="history" data-testid="alert-history">
          {[...history].reverse().map((h) => (
            <li key={h.id}>
              <div className="history-head">
                <span className="time-cell">{formatTime(h.at, zone, { ms: false })}</span>{' '}
                <strong>{h.actor.name}</strong>{' '}
                {h.kind === 'status' && h.from && h.to
                  ? t('alerts.detail.historyStatus', {
                      from: t(`alerts.status.${h.from}`),
                      to: t(`alerts.status.${h.to}`),
                    })
                  : h.kind === 'assign'
                    ? h.assignee
                      ? t('alerts.detail.historyAssign', { name: names.get(h.assignee) ?? h.assignee })
                      : t('alerts.detail.historyUnassign')
                    : t('alerts.detail.comment')}
              </div>
              {h.text && <p className="history-text">{h.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface DeliveryView {
  kind?: unknown;
  target?: unknown;
  status?: unknown;
  attempts?: unknown;
  lastError?: unknown;
}

interface EscalationView {
  id?: unknown;
  at?: unknown;
  actor?: { name?: unknown };
  status?: unknown;
  assessment?: unknown;
  deliveries?: DeliveryView[];
}

export function EscalationLog({
  state,
  tenant,
}: {
  state: RequestState<{ escalations: Record<string, unknown>[] }> & { reload: () => void };
  tenant: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(tenant);
  return (
    <section className="panel" aria-labelledby="alert-escalations">
      <h2 id="alert-escalations">{t('alerts.detail.escalations')}</h2>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : state.data.escalations.length === 0 ? (
        <p className="hint">{t('alerts.detail.noEscalations')}</p>
      ) : (
        <ol className="history" data-testid="alert-escalations">
          {(state.data.escalations as EscalationView[]).map((e) => (
            <li key={String(e.id)}>
              <div className="history-head">
                <span className="time-cell">{formatTime(Number(e.at), zone, { ms: false })}</span>{' '}
                <strong>{String(e.actor?.name ?? '')}</strong>{' '}
                <span className="badge">{String(e.status)}</span>
              </div>
              <p className="history-text">{String(e.assessment ?? '')}</p>
              <ul className="deliveries">
                {(e.deliveries ?? []).map((d, i) => (
                  <li key={i} data-status={String(d.status)}>
                    {t('alerts.detail.delivery', {
                      kind: String(d.kind),
                      target: String(d.target),
                      status: t(`alerts.detail.sendStatus.${String(d.status)}`, {
                        defaultValue: String(d.status),
                      }),
                      attempts: Number(d.attempts),
                    })}
                    {typeof d.lastError === 'string' && d.lastError && (
                      <span className="form-error"> {d.lastError}</span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
