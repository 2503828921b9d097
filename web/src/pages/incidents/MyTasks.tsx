// "My tasks": the open incident tasks assigned to the signed-in user across incidents, soonest due first.
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { DueText } from './DueText.js';
import { localized } from './incident-model.js';
import { IncidentLink } from './IncidentLink.js';

export function MyTasks() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const tenants = session.tenantFilter;
  const mine = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incident-tasks/mine', {
          params: { query: { limit: 50, ...(tenants ? { tenant: tenants } : {}) } },
          signal,
        }),
      ),
    [tenants?.join(',')],
  );
  return (
    <section className="panel my-tasks" aria-labelledby="my-tasks-title" data-testid="my-tasks">
      <h2 id="my-tasks-title">{t('incidents.myTasks.title')}</h2>
      {mine.status === 'error' ? (
        <ErrorState error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.tasks.length === 0 ? (
        <p className="hint">{t('incidents.myTasks.empty')}</p>
      ) : (
        <ul className="my-task-list">
          {mine.data.tasks.map((task) => (
            <li key={task.id} data-testid="my-task" data-task-id={task.id}>
              <IncidentLink id={task.incidentId} tab="tasks">
                {localized(task.title, i18n.language)}
              </IncidentLink>{' '}
              <span className={`badge task-status task-status-${task.status}`}>
                {t(`incidents.taskStatus.${task.status}`)}
              </span>{' '}
              <span className="hint">
                {t(`incidents.phase.${task.phase}`)}
                {task.dueAt !== null && (
                  <>
                    {' · '}
                    {formatTime(task.dueAt, session.zoneOf(task.tenant), { ms: false }).slice(0, 16)}{' '}
                    <DueText dueAt={task.dueAt} open />
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
