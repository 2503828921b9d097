// The communications log of an incident (who was told or asked what, when, and which requests still wait), a form
// to log a new one, drafts from templates, and marking requests answered or closed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../../components/states.js';
import { formatTime } from '../../../lib/time.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import { CommunicationFormPanel } from './CommunicationForm.js';
import {
  readCommunications,
  readContacts,
  requestState,
  type Communication,
  type RequestStatus,
} from './communication-format.js';
import { ResultLine } from './tab-parts.js';
import type { IncidentTabProps } from './tab-props.js';
import './tabs.css';

export function CommunicationsTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const incidentId = detail.incident.id;
  const tenant = detail.incident.tenant;
  const canManage = session.can('incidents:manage');
  const [formOpen, setFormOpen] = useState(false);
  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incidents/{id}/communications', {
          params: { path: { id: incidentId } },
          signal,
        }),
      ).then(readCommunications),
    [incidentId],
  );
  const contacts = useRequest(
    (signal) =>
      unwrap(session.api.client.GET('/api/contacts', { params: { query: { tenant } }, signal })).then(
        readContacts,
      ),
    [tenant],
  );
  const changed = () => {
    list.reload();
    onChanged();
  };
  const rows = list.data ?? [];
  return (
    <div className="itab">
      <section className="panel" aria-labelledby="itab-comm-heading">
        <div className="itab-head">
          <h2 id="itab-comm-heading">{t('incidentTabs.communications.heading')}</h2>
          {canManage && (
            <button
              type="button"
              className="primary"
              aria-expanded={formOpen}
              onClick={() => setFormOpen((o) => !o)}
            >
              {t('incidentTabs.communications.form.open')}
            </button>
          )}
        </div>
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.status === 'loading' && !list.data && <Loading />}
        {list.data && rows.length === 0 && <EmptyState title={t('incidentTabs.communications.empty')} />}
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="data-table itab-table" aria-label={t('incidentTabs.communications.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('incidentTabs.communications.occurred')}</th>
                  <th scope="col">{t('incidentTabs.communications.direction')}</th>
                  <th scope="col">{t('incidentTabs.communications.channel')}</th>
                  <th scope="col">{t('incidentTabs.communications.counterpart')}</th>
                  <th scope="col">{t('incidentTabs.communications.subject')}</th>
                  <th scope="col">{t('incidentTabs.communications.request')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <CommunicationRow
                    key={c.id}
                    communication={c}
                    zone={session.zoneOf(tenant)}
                    canManage={canManage}
                    onChanged={changed}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage && formOpen && (
        <CommunicationFormPanel
          detail={detail}
          contacts={contacts.data ?? []}
          onSaved={() => {
            setFormOpen(false);
            changed();
          }}
          onCancel={() => setFormOpen(false)}
        />
      )}
    </div>
  );
}

function CommunicationRow({
  communication: c,
  zone,
  canManage,
  onChanged,
}: {
  communication: Communication;
  zone: string;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const time = (ms: number) => formatTime(ms, zone, { ms: false });
  const state = requestState(c, Date.now());
  const setStatus = async (status: RequestStatus) => {
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.PATCH('/api/incidents/{id}/communications/{communicationId}', {
          params: { path: { id: c.incidentId, communicationId: c.id } },
          body: { requestStatus: status },
        }),
      );
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr
      data-testid="communication-row"
      data-communication-id={c.id}
      data-direction={c.direction}
      data-request-status={c.request?.status ?? 'none'}
    >
      <td className="time-cell">
        {time(c.occurredAt)}
        <div className="hint">
          {t('incidentTabs.communications.recordedBy', { at: time(c.recordedAt), name: c.recordedBy.name })}
        </div>
      </td>
      <td>
        <span className={`badge itab-dir-${c.direction}`}>
          {t(`incidentTabs.communications.directions.${c.direction}`)}
        </span>
      </td>
      <td>{t(`incidentTabs.communications.channels.${c.channel}`)}</td>
      <td>{c.counterpart}</td>
      <td>
        <strong>{c.subject}</strong>
        <div>{c.summary}</div>
        {c.body && (
          <details>
            <summary>{t('incidentTabs.communications.showBody')}</summary>
            <pre className="itab-body">{c.body}</pre>
          </details>
        )}
      </td>
      <td>
        {c.request ? (
          <>
            <span className={`badge itab-req-${state}`}>
              {t(`incidentTabs.communications.statuses.${c.request.status}`)}
            </span>
            {state === 'overdue' && (
              <>
                {' '}
                <span className="badge itab-req-overdue">{t('incidentTabs.communications.overdue')}</span>
              </>
            )}
            {c.request.dueAt !== null && (
              <div className="hint">
                {t('incidentTabs.communications.due', { at: time(c.request.dueAt) })}
              </div>
            )}
            {canManage && (
              <div className="itab-buttons">
                {c.request.status !== 'answered' && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('incidentTabs.communications.markAnsweredOf', { subject: c.subject })}
                    onClick={() => void setStatus('answered')}
                  >
                    {t('incidentTabs.communications.markAnswered')}
                  </button>
                )}
                {c.request.status !== 'closed' && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('incidentTabs.communications.markClosedOf', { subject: c.subject })}
                    onClick={() => void setStatus('closed')}
                  >
                    {t('incidentTabs.communications.markClosed')}
                  </button>
                )}
                {c.request.status !== 'open' && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('incidentTabs.communications.reopenOf', { subject: c.subject })}
                    onClick={() => void setStatus('open')}
                  >
                    {t('incidentTabs.communications.reopen')}
                  </button>
                )}
              </div>
            )}
            <ResultLine error={error} />
          </>
        ) : (
          t('incidentTabs.communications.noRequest')
        )}
      </td>
    </tr>
  );
}
