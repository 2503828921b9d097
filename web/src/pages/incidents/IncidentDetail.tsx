// One incident: its header (ref, title, TLP, severity, priority, status), the phase stepper with its moves, and the tabs.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { useSession } from '../../shell/session.js';
import { IncidentStatusBadge, TlpBadge } from './IncidentBadges.js';
import { listMemory } from './IncidentList.js';
import { RouteLink } from './IncidentLink.js';
import type { IncidentDetailData } from './incident-model.js';
import { OverviewTab } from './OverviewTab.js';
import { PhaseBar } from './PhaseBar.js';
import { readTab, TABS, tabKeyTarget, withTab, type TabId } from './tabs.js';
import { CommunicationsTab } from './tabs/CommunicationsTab.js';
import { EvidenceTab } from './tabs/EvidenceTab.js';
import { ObservablesTab } from './tabs/ObservablesTab.js';
import { ReportsTab } from './tabs/ReportsTab.js';
import type { IncidentTabProps } from './tabs/tab-props.js';
import { TasksTab } from './TasksTab.js';
import { TimelineTab } from './TimelineTab.js';
import { createdMemory, playbookName, usePlaybooks } from './use-playbooks.js';

const PANELS: Record<TabId, (props: IncidentTabProps) => React.ReactNode> = {
  overview: OverviewTab,
  tasks: TasksTab,
  timeline: TimelineTab,
  observables: ObservablesTab,
  evidence: EvidenceTab,
  communications: CommunicationsTab,
  reports: ReportsTab,
};

export function IncidentDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const detail = useRequest(
    (signal) => unwrap(session.api.client.GET('/api/incidents/{id}', { params: { path: { id } }, signal })),
    [id],
  );
  const back = (
    <RouteLink href={`/incidents${listMemory.search ? `?${listMemory.search}` : ''}`} className="back-link">
      ← {t('incidents.detail.back')}
    </RouteLink>
  );
  if (detail.status === 'error' && !detail.data) {
    return (
      <div className="incident-detail">
        {back}
        {detail.error.status === 404 || detail.error.status === 403 ? (
          <p className="state state-error" role="alert">
            {t('incidents.detail.notFound')}
          </p>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        )}
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  return (
    <div className="incident-detail">
      {back}
      <Frame detail={detail.data} onChanged={detail.reload} />
    </div>
  );
}

function Frame({ detail, onChanged }: { detail: IncidentDetailData; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const playbooks = usePlaybooks();
  const [created] = useState(() => {
    const note = createdMemory.get(detail.incident.id);
    createdMemory.delete(detail.incident.id);
    return note;
  });
  const i = detail.incident;
  const Panel = PANELS[tab];

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabKeyTarget(index, e.key, TABS.length);
    if (target === undefined) return;
    e.preventDefault();
    setParams(withTab(params, TABS[target]!), true);
    tabRefs.current[target]?.focus();
  };

  return (
    <>
      <div className="page-head incident-head">
        <span className="incident-ref mono" data-testid="incident-ref">
          {i.ref}
        </span>
        <h1 className="page-title">{i.title}</h1>
        <TlpBadge tlp={i.tlp} />
        <SeverityBadge level={i.severity} />
        <span className="badge priority-badge" data-priority={i.priority}>
          {t('incidents.priority.label')} {i.priority}
        </span>
        <IncidentStatusBadge status={i.status} />
      </div>
      {created && (
        <p className="notice" role="status" data-testid="incident-created">
          {t('incidents.create.created', { ref: i.ref })}{' '}
          {i.playbook && created.tasks > 0
            ? t('incidents.create.playbookTasks', {
                count: created.tasks,
                playbook: playbookName(i.playbook, playbooks, i18n.language),
              })
            : t('incidents.create.noPlaybook')}
        </p>
      )}
      {i.status === 'closed' && i.closedAt !== null && (
        <p className="notice">
          {t('incidents.detail.closedBy', {
            time: formatTime(i.closedAt, session.zoneOf(i.tenant), { ms: false, offset: true }),
            reason: i.closeReason ?? '',
          })}
        </p>
      )}
      <PhaseBar incident={i} onChanged={onChanged} />
      <div className="incident-tabs" role="tablist" aria-label={t('incidents.detail.tabs')}>
        {TABS.map((id, index) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`incident-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={tab === id ? `incident-panel-${id}` : undefined}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`incident-tab-${id}`}
            onClick={() => setParams(withTab(params, id))}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t(`incidents.tab.${id}`)}
            {id === 'tasks' && detail.counts.tasksOpen > 0 && (
              <span className="tab-count">{detail.counts.tasksOpen}</span>
            )}
            {id === 'observables' && detail.counts.observables > 0 && (
              <span className="tab-count">{detail.counts.observables}</span>
            )}
          </button>
        ))}
      </div>
      <div
        className="incident-panel"
        role="tabpanel"
        id={`incident-panel-${tab}`}
        aria-labelledby={`incident-tab-${tab}`}
        tabIndex={0}
      >
        <Panel detail={detail} onChanged={onChanged} />
      </div>
    </>
  );
}
