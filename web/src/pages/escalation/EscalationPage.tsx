// Escalation policies: per tenant, when each applies, whom it reaches through which channels, in which language;
// create, edit and delete for users with the triage permission (the one the API asks for).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { useRequest } from '../../lib/use-request.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import { channelTarget, readPolicy, type Policy, type PolicyLanguage } from './policy-model.js';
import { PolicyForm } from './PolicyForm.js';
import './escalation.css';

/** Policy changes need `alerts:triage` (src/triage/escalation-service.ts). */
const MANAGE_PERMISSION = 'alerts:triage';

type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; policy: Policy };

export default function EscalationPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.can(MANAGE_PERMISSION);
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  const [deleteError, setDeleteError] = useState<ApiError>();

  useEffect(() => setPanel({ kind: 'none' }), [tenantKey]);

  const list = useRequest(
    async (signal) => {
      const answer = await unwrap(
        session.api.client.GET('/api/escalation-policies', {
          params: { query: tenants ? { tenant: tenants } : {} },
          signal,
        }),
      );
      return answer.policies.map(readPolicy);
    },
    [tenantKey],
  );

  const single = session.tenant !== ALL_TENANTS || session.tenants.length === 1;
  const defaultTenant = session.tenant !== ALL_TENANTS ? session.tenant : (session.tenants[0]?.id ?? '');
  const tenantChoices = single ? undefined : session.tenants;
  const tenantName = (id: string) => session.tenants.find((x) => x.id === id)?.name ?? id;
  const defaultLanguage: PolicyLanguage =
    session.tenants.find((x) => x.id === defaultTenant)?.language ?? 'ja';

  const remove = async (policy: Policy) => {
    setDeleting(policy.id);
    setDeleteError(undefined);
    try {
      await unwrap(
        session.api.client.DELETE('/api/escalation-policies/{id}', { params: { path: { id: policy.id } } }),
      );
      setConfirming(undefined);
      setMessage(t('escalation.deleted', { name: policy.name }));
      if (panel.kind === 'edit' && panel.policy.id === policy.id) setPanel({ kind: 'none' });
      list.reload();
    } catch (err) {
      setDeleteError(toApiError(err));
    } finally {
      setDeleting(undefined);
    }
  };

  const policies = list.data ?? [];
  const showTenant = session.tenant === ALL_TENANTS;
  return (
    <div className="escalation-page">
      <div className="page-head">
        <h1 className="page-title">{t('escalation.title')}</h1>
        {canManage && (
          <button
            type="button"
            className="primary"
            aria-expanded={panel.kind === 'add'}
            onClick={() => {
              setMessage(undefined);
              setPanel({ kind: 'add' });
            }}
          >
            {t('escalation.add')}
          </button>
        )}
        <button type="button" onClick={list.reload}>
          {t('action.refresh')}
        </button>
      </div>
      <p className="hint">{t('escalation.intro')}</p>
      {!canManage && <p className="hint">{t('escalation.readOnly')}</p>}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}

      {canManage && panel.kind !== 'none' && (
        <PolicyForm
          key={panel.kind === 'edit' ? panel.policy.id : 'new'}
          policy={panel.kind === 'edit' ? panel.policy : undefined}
          tenant={defaultTenant}
          tenantChoices={tenantChoices}
          language={defaultLanguage}
          onSaved={(saved) => {
            setPanel({ kind: 'none' });
            setMessage(t('escalation.saved', { name: saved.name }));
            list.reload();
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}

      {deleteError && <ErrorState error={deleteError} />}
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : policies.length === 0 ? (
        <EmptyState title={t('escalation.emptyTitle')}>{t('escalation.emptyHint')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table policy-table" data-testid="policies-table">
            <caption className="visually-hidden">{t('escalation.tableLabel')}</caption>
            <thead>
              <tr>
                {showTenant && <th scope="col">{t('escalation.col.tenant')}</th>}
                <th scope="col">{t('escalation.col.name')}</th>
                <th scope="col">{t('escalation.col.priority')}</th>
                <th scope="col">{t('escalation.col.appliesTo')}</th>
                <th scope="col">{t('escalation.col.contacts')}</th>
                <th scope="col">{t('escalation.col.channels')}</th>
                <th scope="col">{t('escalation.col.responseTarget')}</th>
                <th scope="col">{t('escalation.col.language')}</th>
                <th scope="col">{t('escalation.col.enabled')}</th>
                {canManage && <th scope="col">{t('escalation.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr
                  key={p.id}
                  data-testid="policy-row"
                  data-policy-id={p.id}
                  className={p.enabled ? undefined : 'policy-disabled'}
                >
                  {showTenant && <td>{tenantName(p.tenant)}</td>}
                  <th scope="row" className="policy-name">
                    {p.name}
                  </th>
                  <td className="num">{p.priority}</td>
                  <td>
                    <div className="applies">
                      <SeverityBadge level={p.minSeverity} /> {t('escalation.orHigher')}
                    </div>
                    <div className="hint">
                      {p.categories.length === 0
                        ? t('escalation.allCategories')
                        : t('escalation.categoriesList', { list: p.categories.join(', ') })}
                    </div>
                  </td>
                  <td>
                    {p.contacts.length === 0 ? (
                      t('escalation.none')
                    ) : (
                      <ul className="plain-list">
                        {p.contacts.map((c, i) => (
                          <li key={i}>
                            <strong>{c.name}</strong>
                            {c.email && <span className="contact-detail">{c.email}</span>}
                            {c.phone && <span className="contact-detail">{c.phone}</span>}
                            {c.note && <span className="contact-detail hint">{c.note}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {p.channels.map((c, i) => (
                        <li key={i} data-channel-kind={c.kind}>
                          <span className="badge channel-kind">{t(`escalation.kind.${c.kind}`)}</span>{' '}
                          {c.kind === 'chat' && <span>{t(`escalation.flavor.${c.flavor}`)} </span>}
                          <span className="channel-target">
                            {c.kind === 'email' && c.to.length === 0
                              ? t('escalation.toContacts')
                              : channelTarget(c)}
                          </span>
                          {c.kind === 'webhook' && c.secretSet && (
                            <span className="hint"> ({t('escalation.secretSet')})</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {p.responseTargetMinutes === null
                      ? t('escalation.noTarget')
                      : t('escalation.minutes', { count: p.responseTargetMinutes })}
                  </td>
                  <td>{t(`escalation.languages.${p.language}`)}</td>
                  <td>{p.enabled ? t('escalation.enabled') : t('escalation.disabled')}</td>
                  {canManage && (
                    <td className="row-actions">
                      {confirming === p.id ? (
                        <div
                          role="group"
                          aria-label={t('escalation.deleteLabel', { name: p.name })}
                          className="confirm"
                        >
                          <span>{t('escalation.confirmDelete', { name: p.name })}</span>
                          <button
                            type="button"
                            className="danger"
                            disabled={deleting === p.id}
                            onClick={() => void remove(p)}
                          >
                            {t('escalation.confirmDeleteButton')}
                          </button>
                          <button type="button" onClick={() => setConfirming(undefined)}>
                            {t('escalation.cancel')}
                          </button>
                        </div>
                      ) : (
                        <>
                          <button
                            type="button"
                            aria-label={t('escalation.editLabel', { name: p.name })}
                            onClick={() => {
                              setMessage(undefined);
                              setPanel({ kind: 'edit', policy: p });
                              window.scrollTo({ top: 0 });
                            }}
                          >
                            {t('escalation.edit')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('escalation.deleteLabel', { name: p.name })}
                            onClick={() => {
                              setDeleteError(undefined);
                              setConfirming(p.id);
                            }}
                          >
                            {t('escalation.delete')}
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
