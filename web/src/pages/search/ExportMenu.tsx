// Download the whole result (not just the page shown) as CSV or JSON Lines, with the chosen columns.
import { useTranslation } from 'react-i18next';
import type { SearchState } from './search-state.js';

export function exportUrl(
  state: SearchState,
  tenants: string[] | undefined,
  format: 'csv' | 'jsonl',
): string {
  const params = new URLSearchParams({ query: state.query, from: state.from, to: state.to, format });
  if (tenants) params.set('tenants', tenants.join(','));
  // Without chosen columns the server's default applies (time, tenant, input, message).
  if (format === 'csv' && state.columns.length > 0) {
    params.set('columns', ['@timestamp', ...state.columns.filter((c) => c !== '@timestamp')].join(','));
  }
  return `/api/events/export?${params.toString()}`;
}

export function ExportMenu({ state, tenants }: { state: SearchState; tenants: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="export" role="group" aria-label={t('search.export')}>
      <a className="button" href={exportUrl(state, tenants, 'csv')} download data-testid="export-csv">
        {t('search.exportCsv')}
      </a>
      <a className="button" href={exportUrl(state, tenants, 'jsonl')} download data-testid="export-jsonl">
        {t('search.exportJsonl')}
      </a>
    </div>
  );
}
