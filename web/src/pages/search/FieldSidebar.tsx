// Fields of the hits, each with its top values over the whole result (not just this page) and filter buttons.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type YaguraEvent } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { displayValue, fieldsOf, type SearchState, type Value } from './search-state.js';
import { PlusIcon, MinusIcon } from '../../components/icons.js';

export interface FilterActions {
  filter(field: string, value: Value, exclude: boolean): void;
  toggleColumn(field: string): void;
  isColumn(field: string): boolean;
}

export function FieldSidebar({
  events,
  state,
  actions,
}: {
  events: YaguraEvent[];
  state: SearchState;
  actions: FilterActions;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | undefined>();
  const fields = useMemo(() => fieldsOf(events), [events]);
  const shown = fields.filter((f) => f.name.toLowerCase().includes(filter.toLowerCase()));

  return (
    <aside className="field-sidebar" aria-labelledby="fields-title" data-testid="fields">
      <h2 id="fields-title">{t('search.fields')}</h2>
      <label htmlFor="field-filter" className="visually-hidden">
        {t('search.filterFields')}
      </label>
      <input
        id="field-filter"
        type="search"
        placeholder={t('search.filterFields')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {fields.length === 0 ? (
        <p className="hint">{t('search.noFields')}</p>
      ) : (
        <ul className="field-list">
          {shown.map((f) => (
            <li key={f.name}>
              <button
                type="button"
                className="field-name"
                aria-expanded={open === f.name}
                onClick={() => setOpen(open === f.name ? undefined : f.name)}
                title={t('search.presentIn', { count: f.count, total: events.length })}
              >
                <span>{f.name}</span>
                <span className="count">{f.count}</span>
              </button>
              {open === f.name && <TopValues field={f.name} state={state} actions={actions} />}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function TopValues({ field, state, actions }: { field: string; state: SearchState; actions: FilterActions }) {
  const { t } = useTranslation();
  const session = useSession();
  const result = useRequest(
    (signal) =>
      unwrap(
        session.api.client.POST('/api/events/aggregate', {
          body: {
            query: state.query,
            from: state.from,
            to: state.to,
            ...(session.tenantFilter ? { tenants: session.tenantFilter } : {}),
            by: { terms: { field, size: 5 } },
          },
          signal,
        }),
      ),
    [field, state.query, state.from, state.to, session.tenantFilter?.join(',')],
  );
  if (result.status === 'loading') return <Loading label={t('search.topValuesLoading')} />;
  if (result.status === 'error') return <ErrorState error={result.error} onRetry={result.reload} />;
  const { buckets, total } = result.data;
  return (
    <div className="top-values" data-testid={`top-values-${field}`}>
      <p className="hint">{t('search.topValuesOf', { total })}</p>
      <ol>
        {buckets.map((b) => {
          const share = total > 0 ? Math.round((b.count / total) * 1000) / 10 : 0;
          const text = displayValue(b.key);
          return (
            <li key={String(b.key)}>
              <div className="top-value-row">
                <span className="value" title={text}>
                  {text}
                </span>
                <span className="count">{share}%</span>
                <button
                  type="button"
                  className="icon"
                  aria-label={t('search.filterFor', { field, value: text })}
                  onClick={() => actions.filter(field, b.key, false)}
                >
                  <PlusIcon />
                </button>
                <button
                  type="button"
                  className="icon"
                  aria-label={t('search.filterOut', { field, value: text })}
                  onClick={() => actions.filter(field, b.key, true)}
                >
                  <MinusIcon />
                </button>
              </div>
              <div className="share-bar" style={{ width: `${share}%` }} aria-hidden="true" />
            </li>
          );
        })}
      </ol>
      <button type="button" className="link" onClick={() => actions.toggleColumn(field)}>
        {actions.isColumn(field) ? t('search.removeColumn', { field }) : t('search.addColumn', { field })}
      </button>
    </div>
  );
}
