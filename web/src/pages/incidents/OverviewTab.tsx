// The incident's overview: its facts, description, linked alerts and incidents, the edit form and the comment box.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { formatTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import { DueText } from './DueText.js';
import { IncidentStatusBadge, TlpBadge } from './IncidentBadges.js';
import { IncidentEditForm } from './IncidentEditForm.js';
import { incidentHref, RouteLink } from './IncidentLink.js';
import { personName } from './incident-model.js';
import type { IncidentTabProps } from './tabs/tab-props.js';
import { useAlertTitles, useAssetNames } from './use-names.js';
import { usePeople } from './use-people.js';
import { playbookName, usePlaybooks } from './use-playbooks.js';
import { ChoiceField } from '../../components/ChoiceField.js';

export function OverviewTab({ detail, onChanged }: IncidentTabProps) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const i = detail.incident;
  const zone = session.zoneOf(i.tenant);
  const { names } = usePeople([i.tenant], [i.createdBy]);
  const assetNames = useAssetNames(i.affectedAssets);
  const playbooks = usePlaybooks();
  const [editing, setEditing] = useState(false);
  const canManage = session.can('incidents:manage');
  const canComment = canManage || session.can('incidents:comment');
  const none = <span className="hint">{t('incidents.overview.none')}</span>;

  return (
    <div className="detail-grid">
      <div className="detail-main">
        {editing ? (
          <IncidentEditForm
            incident={i}
            assetNames={assetNames}
            onDone={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <section className="panel" aria-labelledby="incident-description">
            <div className="panel-head">
              <h2 id="incident-description">{t('incidents.overview.description')}</h2>
              {canManage && (
                <button type="button" onClick={() => setEditing(true)} data-testid="edit-incident">
                  {t('incidents.overview.edit')}
                </button>
              )}
            </div>
            {i.description ? (
              <p className="pre-wrap" data-testid="incident-description">
                {i.description}
              </p>
            ) : (
              <p className="hint">{t('incidents.overview.noDescription')}</p>
            )}
          </section>
        )}
        <LinkedAlerts ids={detail.alertIds} />
        <LinkedIncidents detail={detail} onChanged={onChanged} />
        {canComment && <CommentBox incidentId={i.id} onChanged={onChanged} />}
      </div>
      <aside className="detail-side">
        <section className="panel" aria-labelledby="incident-facts">
          <h2 id="incident-facts">{t('incidents.overview.facts')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('incidents.overview.category')}</dt>
              <dd data-testid="incident-category">{t(`incidents.category.${i.category}`)}</dd>
            </div>
            <div>
              <dt>{t('incidents.overview.severity')}</dt>
              <dd>
                <SeverityBadge level={i.severity} />
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.priority')}</dt>
              <dd>{t(`incidents.priority.${i.priority}`)}</dd>
            </div>
            <div>
              <dt>{t('incidents.overview.tlp')}</dt>
              <dd>
                <TlpBadge tlp={i.tlp} />
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.source')}</dt>
              <dd>
                {t(`incidents.source.${i.source}`)}
                {i.sourceRef && <span className="mono"> {i.sourceRef}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.playbook')}</dt>
              <dd>{i.playbook ? playbookName(i.playbook, playbooks, i18n.language) : none}</dd>
            </div>
            {session.tenants.length > 1 && (
              <div>
                <dt>{t('incidents.overview.tenant')}</dt>
                <dd>{session.tenants.find((x) => x.id === i.tenant)?.name ?? i.tenant}</dd>
              </div>
            )}
            <div>
              <dt>{t('incidents.overview.opened')}</dt>
              <dd>
                {formatTime(i.createdAt, zone, { ms: false, offset: true })} ({i.createdBy.name})
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.due')}</dt>
              <dd data-testid="incident-due">
                {i.dueAt === null ? (
                  none
                ) : (
                  <>
                    {formatTime(i.dueAt, zone, { ms: false, offset: true })}{' '}
                    <DueText dueAt={i.dueAt} open={i.status === 'open'} />
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.assignees')}</dt>
              <dd data-testid="incident-assignees">
                {i.assignees.length === 0
                  ? t('incidents.overview.nobody')
                  : i.assignees.map((a) => personName(a, names)).join(', ')}
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.assets')}</dt>
              <dd data-testid="incident-assets">
                {i.affectedAssets.length === 0 ? (
                  none
                ) : (
                  <ul className="plain-list">
                    {i.affectedAssets.map((a) => (
                      <li key={a}>{assetNames.get(a) ?? <span className="mono">{a}</span>}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('incidents.overview.users')}</dt>
              <dd data-testid="incident-users">
                {i.affectedUsers.length === 0 ? (
                  none
                ) : (
                  <span className="mono">{i.affectedUsers.join(', ')}</span>
                )}
              </dd>
            </div>
          </dl>
        </section>
      </aside>
    </div>
  );
}

function LinkedAlerts({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const titles = useAlertTitles(ids);
  return (
    <section className="panel" aria-labelledby="incident-alerts">
      <h2 id="incident-alerts">
        {t('incidents.overview.alerts')} <span className="hint">({ids.length})</span>
      </h2>
      {ids.length === 0 ? (
        <p className="hint">{t('incidents.overview.noAlerts')}</p>
      ) : (
        <ul className="plain-list" data-testid="incident-alerts">
          {ids.map((id) => (
            <li key={id}>
              <RouteLink href={`/alerts/${encodeURIComponent(id)}`}>{titles.get(id) ?? id}</RouteLink>
              {titles.has(id) && <span className="hint mono"> {id}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const RELATIONS = ['related', 'duplicate', 'parent', 'child'] as const;

function LinkedIncidents({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const i = detail.incident;
  const canManage = session.can('incidents:manage');
  const [target, setTarget] = useState('');
  const [relation, setRelation] = useState<(typeof RELATIONS)[number]>('related');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      setTarget('');
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  /** A typed ref (INC-2026-0007) is looked up in the incident's tenant; anything else is taken as an id. */
  const resolve = async (text: string): Promise<string> => {
    if (!/^INC-\d{4}-\d+$/i.test(text)) return text;
    const found = await unwrap(
      session.api.client.GET('/api/incidents', {
        params: { query: { text, tenant: [i.tenant], status: ['open', 'closed'], limit: 10 } },
      }),
    );
    const hit = found.incidents.find((x) => x.ref.toUpperCase() === text.toUpperCase());
    if (!hit) throw new Error(t('incidents.overview.linkNotFound', { ref: text }));
    return hit.id;
  };

  return (
    <section className="panel" aria-labelledby="incident-links">
      <h2 id="incident-links">{t('incidents.overview.links')}</h2>
      {detail.links.length === 0 ? (
        <p className="hint">{t('incidents.overview.noLinks')}</p>
      ) : (
        <ul className="plain-list" data-testid="incident-links">
          {detail.links.map((l) => (
            <li key={l.incidentId} className="link-row">
              <span className="badge">{t(`incidents.relation.${l.relation}`)}</span>
              <RouteLink href={incidentHref(l.incidentId)}>
                <span className="mono">{l.ref}</span> {l.title}
              </RouteLink>
              <IncidentStatusBadge status={l.status} linked />
              {canManage && (
                <button
                  type="button"
                  className="icon"
                  aria-label={t('incidents.overview.removeLink', { ref: l.ref })}
                  disabled={busy}
                  onClick={() =>
                    void act(() =>
                      unwrap(
                        session.api.client.DELETE('/api/incidents/{id}/links/{otherId}', {
                          params: { path: { id: i.id, otherId: l.incidentId } },
                        }),
                      ),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = target.trim();
            if (!text) return;
            void act(async () =>
              unwrap(
                session.api.client.POST('/api/incidents/{id}/links', {
                  params: { path: { id: i.id } },
                  body: { incidentId: await resolve(text), relation },
                }),
              ),
            );
          }}
        >
          <label className="grow">
            {t('incidents.overview.linkTarget')}
            <input
              type="text"
              value={target}
              placeholder="INC-2026-0001"
              onChange={(e) => setTarget(e.target.value)}
            />
          </label>
          <ChoiceField
            label={t('incidents.overview.linkRelation')}
            value={relation}
            choices={RELATIONS}
            word={(r) => t(`incidents.relation.${r}`)}
            onChange={setRelation}
          />
          <button type="submit" disabled={busy || !target.trim()}>
            {t('incidents.overview.addLink')}
          </button>
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

function CommentBox({ incidentId, onChanged }: { incidentId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel"
      aria-labelledby="incident-comment"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        unwrap(
          session.api.client.POST('/api/incidents/{id}/comments', {
            params: { path: { id: incidentId } },
            body: { text: text.trim() },
          }),
        )
          .then(() => {
            setText('');
            setStatus({ ok: true, text: t('incidents.overview.commented') });
            onChanged();
          })
          .catch((err: unknown) => setStatus({ ok: false, text: toApiError(err).message }))
          .finally(() => setBusy(false));
      }}
    >
      <h2 id="incident-comment">{t('incidents.overview.comment')}</h2>
      <label className="block-label">
        {t('incidents.overview.comment')}
        <textarea
          rows={3}
          maxLength={10000}
          value={text}
          placeholder={t('incidents.overview.commentPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        {t('incidents.overview.addComment')}
      </button>
      {status && (
        <p className={status.ok ? 'hint' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
