// Event search: query, time range, histogram (drag to zoom), hits, fields with top values, event drawer, export.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type YaguraEvent } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { TimeChart } from '../../components/TimeChart.js';
import { TimeRangePicker } from '../../components/TimeRangePicker.js';
import { addClause, filterClause } from '../../lib/query.js';
import { resolveBound, zoomOut, type TimeRange } from '../../lib/time-range.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { ALL_TENANTS, useSession } from '../../shell/session.js';
import { EventDrawer } from './EventDrawer.js';
import { ExportMenu } from './ExportMenu.js';
import { FieldSidebar, type FilterActions } from './FieldSidebar.js';
import { QueryBar } from './QueryBar.js';
import { ResultTable } from './ResultTable.js';
import { readSearchState, writeSearchState, type SearchState } from './search-state.js';

const PAGE_SIZE = 100;

export default function SearchPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params);
  const key = params.toString();
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;

  const update = useCallback(
    (change: Partial<SearchState>) =>
      setParams(
        writeSearchState({ ...readSearchState(new URLSearchParams(window.location.search)), ...change }),
      ),
    [setParams],
  );

  const scope = { query: state.query, from: state.from, to: state.to, ...(tenants ? { tenants } : {}) };
  const hits = useRequest(
    (signal) =>
      unwrap(session.api.client.POST('/api/events/search', { body: { ...scope, limit: PAGE_SIZE }, signal })),
    [state.query, state.from, state.to, tenantKey],
  );
  const histogram = useRequest(
    (signal) =>
      unwrap(
        session.api.client.POST('/api/events/aggregate', {
          body: { ...scope, by: { histogram: { interval: 'auto' } } },
          signal,
        }),
      ),
    [state.query, state.from, state.to, tenantKey],
  );

  const [more, setMore] = useState<{ events: YaguraEvent[]; next: string | undefined; loading: boolean }>();
  const [selected, setSelected] = useState<YaguraEvent | undefined>();
  useEffect(() => {
    setMore(undefined);
  }, [state.query, state.from, state.to, tenantKey]);

  const first = hits.status === 'done' ? hits.data : undefined;
  const events = useMemo(() => [...(first?.events ?? []), ...(more?.events ?? [])], [first, more]);
  const next = more ? more.next : first?.next;

  const loadMore = async () => {
    if (!next) return;
    setMore((m) => ({ events: m?.events ?? [], next, loading: true }));
    const page = await unwrap(
      session.api.client.POST('/api/events/search', { body: { ...scope, limit: PAGE_SIZE, cursor: next } }),
    );
    setMore((m) => ({ events: [...(m?.events ?? []), ...page.events], next: page.next, loading: false }));
  };

  const actions: FilterActions = useMemo(
    () => ({
      filter: (field, value, exclude) =>
        update({ query: addClause(state.query, filterClause(field, value, exclude)) }),
      toggleColumn: (field) =>
        update({
          columns: state.columns.includes(field)
            ? state.columns.filter((c) => c !== field)
            : [...state.columns, field],
        }),
      isColumn: (field) => state.columns.includes(field),
    }),
    [key, update],
  );

  const setRange = (range: TimeRange) => update({ from: range.from, to: range.to });
  const error =
    hits.status === 'error' ? hits.error : histogram.status === 'error' ? histogram.error : undefined;
  const bars = histogram.status === 'done' ? histogram.data : undefined;
  const now = Date.now();
  const chartRange =
    bars && bars.buckets.length > 0
      ? {
          from: bars.buckets[0]!.key as number,
          to: (bars.buckets.at(-1)!.key as number) + (bars.intervalMs ?? 0),
        }
      : { from: resolveBound(state.from, now) ?? now - 86_400_000, to: resolveBound(state.to, now) ?? now };
  const chartData = useMemo(
    () => ({
      times: bars?.buckets.map((b) => b.key as number) ?? [],
      series: [
        { label: t('search.hits'), values: bars?.buckets.map((b) => b.count) ?? [], color: '#2f7ed8' },
      ],
    }),
    [bars, t],
  );

  return (
    <div className={`search-page${selected ? ' with-drawer' : ''}`}>
      <h1 className="page-title">{t('nav.search')}</h1>
      <div className="search-controls">
        <QueryBar
          query={state.query}
          error={error}
          busy={hits.status === 'loading'}
          onSubmit={(query) => (query === state.query ? hits.reload() : update({ query }))}
        />
        <TimeRangePicker range={state} zone={session.zone} onChange={setRange} />
        <ExportMenu state={state} tenants={tenants} />
      </div>

      {error && error.code !== 'QUERY_SYNTAX' && <ErrorState error={error} onRetry={hits.reload} />}

      <section className="histogram" aria-labelledby="histogram-title">
        <div className="histogram-head">
          <h2 id="histogram-title" data-testid="hit-count">
            {bars ? t('search.hitCount', { count: bars.total }) : t('state.loading')}
          </h2>
          <span className="hint">{t('search.zoomHint')}</span>
          <button type="button" onClick={() => setRange(zoomOut(state, Date.now()))}>
            {t('search.zoomOut')}
          </button>
        </div>
        <TimeChart
          testId="histogram"
          kind="bars"
          times={chartData.times}
          series={chartData.series}
          range={chartRange}
          zone={session.zone}
          label={t('search.histogramLabel', { count: bars?.total ?? 0 })}
          onSelect={(from, to) => setRange({ from: String(from), to: String(to) })}
        />
      </section>

      <div className="search-body">
        <FieldSidebar events={events} state={state} actions={actions} />
        <section className="hits" aria-labelledby="hits-title">
          <h2 id="hits-title" className="visually-hidden">
            {t('search.results')}
          </h2>
          {hits.status === 'loading' && events.length === 0 ? (
            <Loading />
          ) : events.length === 0 && hits.status === 'done' ? (
            <EmptyState title={t('search.noHitsTitle')}>{t('search.noHitsHint')}</EmptyState>
          ) : (
            <>
              <ResultTable
                events={events}
                columns={state.columns}
                showTenant={session.tenant === ALL_TENANTS}
                zoneOf={session.zoneOf}
                selectedId={selected?.id}
                onOpen={setSelected}
                onRemoveColumn={actions.toggleColumn}
              />
              <p className="hint">{t('search.shown', { count: events.length })}</p>
              {next && (
                <button type="button" onClick={() => void loadMore()} disabled={more?.loading}>
                  {t('search.loadMore')}
                </button>
              )}
            </>
          )}
        </section>
      </div>
      {selected && (
        <EventDrawer
          event={selected}
          zone={session.zoneOf(selected.tenant)}
          actions={actions}
          onClose={() => setSelected(undefined)}
        />
      )}
    </div>
  );
}
