// What the alert rests on: its sample events from the event store and its findings (matched fields, indicator, group).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas, type YaguraEvent } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { summaryOf } from '../search/search-state.js';
import { eventIdsQuery } from './alert-format.js';

const DAY = 86_400_000;

export function AlertEvidence({ alert, findingIds }: { alert: Schemas['Alert']; findingIds: string[] }) {
  const session = useSession();
  return (
    <>
      {session.can('events:read') && <SampleEvents alert={alert} />}
      {session.can('findings:read') && findingIds.length > 0 && <Findings alert={alert} ids={findingIds} />}
    </>
  );
}

function SampleEvents({ alert }: { alert: Schemas['Alert'] }) {
  const { t } = useTranslation();
  const session = useSession();
  const ids = alert.sampleEventIds;
  const events = useRequest(
    (signal) =>
      ids.length === 0
        ? Promise.resolve({ events: [] as YaguraEvent[] })
        : unwrap(
            session.api.client.POST('/api/events/search', {
              body: {
                query: eventIdsQuery(ids),
                // Event time can trail the finding's a little (late delivery); a day either side is plenty.
                from: new Date(alert.firstSeen - DAY).toISOString(),
                to: new Date(alert.lastSeen + DAY).toISOString(),
                tenants: [alert.tenant],
                limit: ids.length,
                order: 'asc',
              },
              signal,
            }),
          ),
    [alert.id, ids.join(',')],
  );
  const [open, setOpen] = useState<string | undefined>();
  const zone = session.zoneOf(alert.tenant);
  return (
    <section className="panel" aria-labelledby="alert-events">
      <h2 id="alert-events">{t('alerts.detail.events')}</h2>
      <p className="hint">{t('alerts.detail.eventsHint')}</p>
      {events.status === 'error' ? (
        <ErrorState error={events.error} onRetry={events.reload} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.events.length === 0 ? (
        <p className="hint">{t('alerts.detail.noEvents')}</p>
      ) : (
        <ul className="sample-events" data-testid="alert-events">
          {events.data.events.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="link sample-event"
                aria-expanded={open === e.id}
                onClick={() => setOpen(open === e.id ? undefined : e.id)}
              >
                <span className="time-cell">{formatTime(e.time, zone)}</span>{' '}
                <span className="summary">{summaryOf(e)}</span>
              </button>
              {open === e.id && <pre className="raw">{JSON.stringify(e.fields, null, 2)}</pre>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Findings({ alert, ids }: { alert: Schemas['Alert']; ids: string[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const shown = ids.slice(-20);
  const findings = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/findings', {
          params: { query: { id: shown, tenant: alert.tenant, limit: shown.length } },
          signal,
        }),
      ),
    [alert.id, shown.join(',')],
  );
  const zone = session.zoneOf(alert.tenant);
  return (
    <section className="panel" aria-labelledby="alert-findings">
      <h2 id="alert-findings">{t('alerts.detail.findings')}</h2>
      {findings.status === 'error' ? (
        <ErrorState error={findings.error} onRetry={findings.reload} />
      ) : !findings.data ? (
        <Loading />
      ) : (
        <ul className="finding-list" data-testid="alert-findings">
          {findings.data.findings.map((f) => (
            <li key={f.id}>
              <div className="finding-head">
                <span className="time-cell">{formatTime(f.time, zone)}</span>
                {f.intel && (
                  <span className="badge intel-badge">
                    {t('alerts.detail.intelMatch', {
                      indicator: f.intel.indicator,
                      type: f.intel.type,
                      set: f.intel.source ? `${f.intel.set} (${f.intel.source})` : f.intel.set,
                    })}
                  </span>
                )}
                {f.correlation && (
                  <span className="badge">
                    {t('alerts.detail.correlation', {
                      type: f.correlation.type,
                      value: f.correlation.value,
                      group: Object.entries(f.correlation.group)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', '),
                    })}
                  </span>
                )}
              </div>
              {Object.keys(f.matched).length > 0 && (
                <table className="data-table field-table">
                  <caption className="visually-hidden">{t('alerts.detail.matched')}</caption>
                  <tbody>
                    {Object.entries(f.matched).map(([k, v]) => (
                      <tr key={k}>
                        <th scope="row">{k}</th>
                        <td className="value mono">{typeof v === 'string' ? v : JSON.stringify(v)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {f.rule.author && <p className="hint">{f.rule.author}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
