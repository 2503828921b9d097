// One alert: what it is about, its response times, the triage actions, the evidence behind it, assets and history.
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { navigate } from '../../shell/router.js';
import { useSession } from '../../shell/session.js';
import { durationText, entityQuery, entityText } from './alert-format.js';
import { AlertEvidence } from './AlertEvidence.js';
import { queueMemory } from './AlertQueue.js';
import { AlertHistory, EscalationLog } from './AlertHistory.js';
import { AlertTriagePanel } from './AlertTriagePanel.js';
import { EscalatePanel } from './EscalatePanel.js';
import { useAssignees } from './use-assignees.js';

type Detail = Schemas['AlertDetail'];

export function AlertDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const detail = useRequest(
    (signal) => unwrap(session.api.client.GET('/api/alerts/{id}', { params: { path: { id } }, signal })),
    [id],
  );
  const escalations = useRequest(
    (signal) =>
      unwrap(session.api.client.GET('/api/alerts/{id}/escalations', { params: { path: { id } }, signal })),
    [id],
  );
  const reload = () => {
    detail.reload();
    escalations.reload();
  };

  const back = (
    <a
      href={`/alerts${queueMemory.search ? `?${queueMemory.search}` : ''}`}
      className="back-link"
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate('/alerts', new URLSearchParams(queueMemory.search));
      }}
    >
      ← {t('alerts.detail.back')}
    </a>
  );

  if (detail.status === 'error') {
    return (
      <div className="alert-detail">
        {back}
        {detail.error.status === 404 || detail.error.status === 403 ? (
          <p className="state state-error" role="alert">
            {t('alerts.detail.notFound')}
          </p>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        )}
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const a = d.alert;
  return (
    <div className="alert-detail">
      {back}
      <div className="page-head">
        <h1 className="page-title">{a.rule.title}</h1>
        <SeverityBadge level={a.severity.level} score={a.severity.score} />
        <span className={`badge status-badge status-${a.status}`} data-testid="alert-status">
          {t(`alerts.status.${a.status}`)}
        </span>
      </div>
      <div className="detail-grid">
        <div className="detail-main">
          <Summary detail={d} />
          {session.can('alerts:triage') && <AlertTriagePanel detail={d} onChanged={reload} />}
          {session.can('alerts:triage') && (a.status === 'acknowledged' || a.status === 'in_progress') && (
            <EscalatePanel alert={a} onEscalated={reload} />
          )}
          <AlertEvidence alert={a} findingIds={d.findingIds} />
        </div>
        <aside className="detail-side">
          <Timing detail={d} />
          <Assets assets={d.assets} tenant={a.tenant} />
          <AlertHistory history={d.history} tenant={a.tenant} />
          <EscalationLog state={escalations} tenant={a.tenant} />
        </aside>
      </div>
    </div>
  );
}

function Summary({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const a = detail.alert;
  const zone = session.zoneOf(a.tenant);
  const names = useAssignees([a.tenant]);
  const query = entityQuery(a.entity);
  return (
    <section className="panel" aria-labelledby="alert-summary">
      <h2 id="alert-summary">{t('alerts.detail.summary')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('alerts.detail.entity')}</dt>
          <dd className="mono" data-testid="alert-entity">
            {entityText(a.entity)}
            {query && session.can('events:read') && (
              <>
                {' '}
                <a
                  href={`/search?${new URLSearchParams({ q: query, from: 'now-7d' }).toString()}`}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate('/search', new URLSearchParams({ q: query, from: 'now-7d' }));
                  }}
                >
                  {t('alerts.detail.searchEntity')}
                </a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('alerts.detail.rule')}</dt>
          <dd>
            {a.rule.title} <code>{a.rule.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('alerts.detail.ruleLevel')}</dt>
          <dd>
            <SeverityBadge level={a.rule.level} /> ({a.kind})
          </dd>
        </div>
        <div>
          <dt>{t('alerts.detail.tenant')}</dt>
          <dd>{session.tenants.find((x) => x.id === a.tenant)?.name ?? a.tenant}</dd>
        </div>
        <div>
          <dt>{t('alerts.detail.counts')}</dt>
          <dd data-testid="alert-counts">
            {a.findings.toLocaleString(i18n.language)} / {a.events.toLocaleString(i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t('alerts.detail.firstSeen')}</dt>
          <dd>{formatTime(a.firstSeen, zone, { ms: false, offset: true })}</dd>
        </div>
        <div>
          <dt>{t('alerts.detail.lastSeen')}</dt>
          <dd>{formatTime(a.lastSeen, zone, { ms: false, offset: true })}</dd>
        </div>
        <div>
          <dt>{t('alerts.detail.intelHits')}</dt>
          <dd>{a.intelHits}</dd>
        </div>
        <div>
          <dt>{t('alerts.detail.criticality')}</dt>
          <dd>{a.criticality} / 5</dd>
        </div>
        <div>
          <dt>{t('alerts.detail.assignee')}</dt>
          <dd data-testid="alert-assignee">
            {a.assignee ? (names.get(a.assignee) ?? a.assignee) : t('alerts.detail.unassign')}
          </dd>
        </div>
        {a.resolution && (
          <div>
            <dt>{t('alerts.detail.resolution')}</dt>
            <dd>{t(`alerts.status.${a.resolution}`)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Timing({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const units = {
    d: t('alerts.detail.units.d'),
    h: t('alerts.detail.units.h'),
    m: t('alerts.detail.units.m'),
    s: t('alerts.detail.units.s'),
  };
  const rows = [
    [
      'toAcknowledge',
      detail.timing.acknowledgeMs,
      detail.timing.targets.acknowledgeMs,
      detail.timing.acknowledgeOverdue,
    ],
    ['toEscalate', detail.timing.escalateMs, detail.timing.targets.escalateMs, detail.timing.escalateOverdue],
  ] as const;
  return (
    <section className="panel" aria-labelledby="alert-timing">
      <h2 id="alert-timing">{t('alerts.detail.timing')}</h2>
      <dl className="facts">
        {rows.map(([label, took, target, overdue]) => (
          <div key={label}>
            <dt>{t(`alerts.detail.${label}`)}</dt>
            <dd>
              {took === null ? t('alerts.detail.pending') : durationText(took, units)}{' '}
              <span className="hint">
                ({t('alerts.detail.target', { target: durationText(target, units) })})
              </span>
              {overdue && <span className="badge overdue-badge"> {t('alerts.detail.overdue')}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Assets({ assets, tenant }: { assets: Detail['assets']; tenant: string }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <section className="panel" aria-labelledby="alert-assets">
      <h2 id="alert-assets">{t('alerts.detail.assets')}</h2>
      {assets.length === 0 ? (
        <p className="hint">{t('alerts.detail.noAssets')}</p>
      ) : (
        <ul className="asset-cards" data-testid="alert-assets">
          {assets.map((asset) => (
            <li key={asset.id}>
              <strong>{asset.name}</strong>
              <dl className="facts">
                <div>
                  <dt>{t('alerts.detail.assetCriticality')}</dt>
                  <dd>{asset.criticality ?? '—'} / 5</dd>
                </div>
                <div>
                  <dt>{t('alerts.detail.assetOwner')}</dt>
                  <dd>{asset.owner ?? '—'}</dd>
                </div>
                {asset.lastSeen !== null && (
                  <div>
                    <dt>{t('alerts.detail.assetLastSeen')}</dt>
                    <dd>{formatTime(asset.lastSeen, session.zoneOf(tenant), { ms: false })}</dd>
                  </div>
                )}
              </dl>
              {[...asset.hostnames, ...asset.addresses, ...asset.users, ...asset.tags].length > 0 && (
                <p className="mono">{[...asset.hostnames, ...asset.addresses, ...asset.users].join(', ')}</p>
              )}
              {asset.tags.length > 0 && (
                <p>
                  {asset.tags.map((tag) => (
                    <span key={tag} className="badge tag-badge">
                      {tag}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
