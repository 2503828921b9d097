// The incident list: filters in the URL, the incidents as rows with cursor paging, my tasks, and the new-incident form.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { toApiError, useSession } from '../../shell/session.js';
import { IncidentStatusBadge, PhaseBadge, TlpBadge } from './IncidentBadges.js';
import { CATEGORIES, LEVELS, PHASES, personName } from './incident-model.js';
import { IncidentLink } from './IncidentLink.js';
import { listQuery, readListFilters, writeListFilters, type ListFilters } from './list-state.js';
import { MyTasks } from './MyTasks.js';
import { NewIncidentForm } from './NewIncidentForm.js';
import { usePeople } from './use-people.js';

type Incident = Schemas['Incident'];

/** Where "back to the list" returns: the list as last filtered in this tab. */
export const listMemory = { search: '' };

export function IncidentList() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = readListFilters(params);
  const filterKey = writeListFilters(filters).toString();
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? '';
  const { names } = usePeople(tenants);
  const [creating, setCreating] = useState(params.get('new') === '1');

  const first = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incidents', { params: { query: listQuery(filters, tenants) }, signal }),
      ),
    [filterKey, tenantKey],
  );
  const [extra, setExtra] = useState<{ incidents: Incident[]; next?: string }>({ incidents: [] });
  const [error, setError] = useState('');
  useEffect(() => {
    listMemory.search = filterKey;
    setExtra({ incidents: [] });
  }, [filterKey, tenantKey]);

  const incidents = useMemo(
    () => [...(first.data?.incidents ?? []), ...extra.incidents],
    [first.data, extra],
  );
  const next = extra.incidents.length > 0 ? extra.next : first.data?.next;

  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await unwrap(
        session.api.client.GET('/api/incidents', { params: { query: listQuery(filters, tenants, next) } }),
      );
      setExtra((e) => ({
        incidents: [...e.incidents, ...page.incidents],
        ...(page.next ? { next: page.next } : {}),
      }));
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  const showTenant = !tenants || tenants.length > 1;
  return (
    <div className="incidents-page">
      <div className="page-head">
        <h1 className="page-title">{t('incidents.title')}</h1>
        {session.can('incidents:manage') && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('incidents.list.newIncident')}
          </button>
        )}
        <button type="button" onClick={first.reload}>
          {t('action.refresh')}
        </button>
      </div>
      {creating && <NewIncidentForm onCancel={() => setCreating(false)} />}
      <MyTasks />
      <ListFiltersForm filters={filters} onChange={(f) => setParams(writeListFilters(f))} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {first.status === 'error' ? (
        <ErrorState error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Loading />
      ) : incidents.length === 0 ? (
        <EmptyState title={t('incidents.list.emptyTitle')}>{t('incidents.list.emptyHint')}</EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table incident-table" data-testid="incident-table">
              <caption className="visually-hidden">{t('incidents.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.list.ref')}</th>
                  <th scope="col">{t('incidents.list.titleCol')}</th>
                  <th scope="col">{t('incidents.list.category')}</th>
                  <th scope="col">{t('incidents.list.severity')}</th>
                  <th scope="col">{t('incidents.list.priority')}</th>
                  <th scope="col">{t('incidents.list.tlp')}</th>
                  <th scope="col">{t('incidents.list.phase')}</th>
                  <th scope="col">{t('incidents.list.status')}</th>
                  {showTenant && <th scope="col">{t('incidents.list.tenant')}</th>}
                  <th scope="col">{t('incidents.list.assignees')}</th>
                  <th scope="col">{t('incidents.list.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((i) => (
                  <tr key={i.id} data-testid="incident-row" data-incident-id={i.id}>
                    <td className="mono nowrap" data-testid="incident-ref">
                      <IncidentLink id={i.id}>{i.ref}</IncidentLink>
                    </td>
                    <td>
                      <IncidentLink id={i.id}>{i.title}</IncidentLink>
                    </td>
                    <td>{t(`incidents.category.${i.category}`)}</td>
                    <td>
                      <SeverityBadge level={i.severity} />
                    </td>
                    <td className="priority-cell" data-priority={i.priority}>
                      {i.priority}
                    </td>
                    <td>
                      <TlpBadge tlp={i.tlp} />
                    </td>
                    <td>
                      <PhaseBadge phase={i.phase} />
                    </td>
                    <td>
                      <IncidentStatusBadge status={i.status} />
                    </td>
                    {showTenant && (
                      <td>{session.tenants.find((x) => x.id === i.tenant)?.name ?? i.tenant}</td>
                    )}
                    <td>
                      {i.assignees.length === 0
                        ? t('incidents.list.nobody')
                        : i.assignees.map((a) => personName(a, names)).join(', ')}
                    </td>
                    <td className="time-cell">
                      {formatTime(i.updatedAt, session.zoneOf(i.tenant), { ms: false })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-foot">
            <span data-testid="incident-count">{t('incidents.list.shown', { count: incidents.length })}</span>
            {next && (
              <button type="button" onClick={() => void loadMore()}>
                {t('incidents.list.loadMore')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function ListFiltersForm({
  filters,
  onChange,
}: {
  filters: ListFilters;
  onChange: (f: ListFilters) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  return (
    <form
      className="panel queue-filters"
      aria-label={t('incidents.filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, text });
      }}
    >
      <div className="filter-fields">
        <label>
          {t('incidents.filters.status')}
          <select
            value={filters.status}
            onChange={(e) => onChange({ ...filters, status: e.target.value as ListFilters['status'] })}
          >
            <option value="open">{t('incidents.filters.open')}</option>
            <option value="closed">{t('incidents.filters.closed')}</option>
            <option value="all">{t('incidents.filters.all')}</option>
          </select>
        </label>
        <label>
          {t('incidents.filters.phase')}
          <select
            value={filters.phase ?? ''}
            onChange={(e) => {
              const { phase: _drop, ...rest } = filters;
              onChange(e.target.value ? { ...rest, phase: e.target.value as ListFilters['phase'] } : rest);
            }}
          >
            <option value="">{t('incidents.filters.anyPhase')}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`incidents.phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filters.category')}
          <select
            value={filters.category ?? ''}
            onChange={(e) => {
              const { category: _drop, ...rest } = filters;
              onChange(
                e.target.value ? { ...rest, category: e.target.value as ListFilters['category'] } : rest,
              );
            }}
          >
            <option value="">{t('incidents.filters.anyCategory')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filters.severity')}
          <select
            value={filters.severity ?? ''}
            onChange={(e) => {
              const { severity: _drop, ...rest } = filters;
              onChange(
                e.target.value ? { ...rest, severity: e.target.value as ListFilters['severity'] } : rest,
              );
            }}
          >
            <option value="">{t('incidents.filters.anySeverity')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`alerts.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('incidents.filters.text')}
          <input
            type="search"
            value={text}
            placeholder={t('incidents.filters.textPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.mine}
            onChange={(e) => onChange({ ...filters, mine: e.target.checked })}
          />
          {t('incidents.filters.mine')}
        </label>
        <button type="submit">{t('action.apply')}</button>
      </div>
    </form>
  );
}
