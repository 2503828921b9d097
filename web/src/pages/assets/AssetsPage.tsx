// Asset inventory: the tenants' assets with search, tag and source filters and cursor paging; add, edit, delete and
// CSV import for users who manage assets.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { useRequest } from '../../lib/use-request.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import { ASSET_SOURCES, type Asset, type AssetSource } from './asset-form.js';
import {
  assetListQuery,
  currentCursor,
  FIRST_PAGE,
  hasFilters,
  nextPage,
  NO_FILTERS,
  previousPage,
  type AssetFilters,
  type PageStack,
} from './asset-list.js';
import { AssetForm } from './AssetForm.js';
import { AssetImport } from './AssetImport.js';
import { AssetTable } from './AssetTable.js';
import './assets.css';

type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; asset: Asset } | { kind: 'import' };

export default function AssetsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.can('assets:manage');
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;
  const [filters, setFilters] = useState<AssetFilters>(NO_FILTERS);
  const [pages, setPages] = useState<PageStack>(FIRST_PAGE);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  const [deleteError, setDeleteError] = useState<ApiError>();

  useEffect(() => {
    setPages(FIRST_PAGE);
    setPanel({ kind: 'none' });
  }, [tenantKey]);

  const cursor = currentCursor(pages);
  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/assets', {
          params: { query: assetListQuery(filters, tenants, cursor) },
          signal,
        }),
      ),
    [tenantKey, filters.search, filters.tag, filters.source, cursor],
  );

  // A new asset goes to the chosen tenant; with "all my tenants" the form asks which one.
  const single = session.tenant !== ALL_TENANTS || session.tenants.length === 1;
  const defaultTenant = session.tenant !== ALL_TENANTS ? session.tenant : (session.tenants[0]?.id ?? '');
  const tenantChoices = single ? undefined : session.tenants;
  const tenantName = (id: string) => session.tenants.find((x) => x.id === id)?.name ?? id;

  const applyFilters = (next: AssetFilters) => {
    setFilters(next);
    setPages(FIRST_PAGE);
  };

  const remove = async (asset: Asset) => {
    setDeleting(asset.id);
    setDeleteError(undefined);
    try {
      await unwrap(session.api.client.DELETE('/api/assets/{id}', { params: { path: { id: asset.id } } }));
      setConfirming(undefined);
      setMessage(t('assets.deleted', { name: asset.name }));
      if (panel.kind === 'edit' && panel.asset.id === asset.id) setPanel({ kind: 'none' });
      list.reload();
    } catch (err) {
      setDeleteError(toApiError(err));
    } finally {
      setDeleting(undefined);
    }
  };

  const assets = list.data?.assets ?? [];
  const next = list.data?.next;
  return (
    <div className="assets-page">
      <div className="page-head">
        <h1 className="page-title">{t('assets.title')}</h1>
        {canManage && (
          <>
            <button
              type="button"
              className="primary"
              aria-expanded={panel.kind === 'add'}
              onClick={() => setPanel({ kind: 'add' })}
            >
              {t('assets.add')}
            </button>
            <button
              type="button"
              aria-expanded={panel.kind === 'import'}
              onClick={() => setPanel({ kind: 'import' })}
            >
              {t('assets.importCsv')}
            </button>
          </>
        )}
        <button type="button" onClick={list.reload}>
          {t('action.refresh')}
        </button>
      </div>
      <p className="hint">{t('assets.intro')}</p>

      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}

      {canManage && (panel.kind === 'add' || panel.kind === 'edit') && (
        <AssetForm
          key={panel.kind === 'edit' ? panel.asset.id : 'new'}
          asset={panel.kind === 'edit' ? panel.asset : undefined}
          tenant={defaultTenant}
          tenantChoices={tenantChoices}
          onSaved={(saved) => {
            setPanel({ kind: 'none' });
            setMessage(t('assets.saved', { name: saved.name }));
            list.reload();
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {canManage && panel.kind === 'import' && (
        <AssetImport
          tenant={defaultTenant}
          tenantChoices={tenantChoices}
          onImported={list.reload}
          onClose={() => setPanel({ kind: 'none' })}
        />
      )}

      <FilterBar filters={filters} onApply={applyFilters} />

      {deleteError && <ErrorState error={deleteError} />}
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : assets.length === 0 && pages.length === 1 ? (
        <EmptyState title={t('assets.emptyTitle')}>
          {hasFilters(filters) ? t('assets.emptyFilteredHint') : t('assets.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <AssetTable
            assets={assets}
            showTenant={session.tenant === ALL_TENANTS}
            tenantName={tenantName}
            zoneOf={session.zoneOf}
            canManage={canManage}
            confirming={confirming}
            busyId={deleting}
            onEdit={(asset) => {
              setMessage(undefined);
              setPanel({ kind: 'edit', asset });
              window.scrollTo({ top: 0 });
            }}
            onAskDelete={(asset) => {
              setDeleteError(undefined);
              setConfirming(asset.id);
            }}
            onDelete={(asset) => void remove(asset)}
            onCancelDelete={() => setConfirming(undefined)}
          />
          <nav className="pager" aria-label={t('assets.pagination')}>
            <span className="hint">
              {t('assets.page', { page: pages.length })} · {t('assets.shown', { count: assets.length })}
            </span>
            <button type="button" disabled={pages.length === 1} onClick={() => setPages(FIRST_PAGE)}>
              {t('assets.firstPage')}
            </button>
            <button type="button" disabled={pages.length === 1} onClick={() => setPages(previousPage)}>
              {t('assets.previousPage')}
            </button>
            <button type="button" disabled={!next} onClick={() => next && setPages((p) => nextPage(p, next))}>
              {t('assets.nextPage')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

function FilterBar({ filters, onApply }: { filters: AssetFilters; onApply: (f: AssetFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(filters), [filters]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="asset-filters" role="search" aria-label={t('assets.filters')} onSubmit={submit}>
      <div className="form-field">
        <label htmlFor="asset-search">{t('assets.search')}</label>
        <input
          id="asset-search"
          ref={search}
          type="search"
          value={draft.search}
          maxLength={200}
          placeholder={t('assets.searchPlaceholder')}
          onChange={(e) => setDraft({ ...draft, search: e.target.value })}
        />
      </div>
      <div className="form-field">
        <label htmlFor="asset-tag">{t('assets.tag')}</label>
        <input
          id="asset-tag"
          value={draft.tag}
          maxLength={255}
          onChange={(e) => setDraft({ ...draft, tag: e.target.value })}
        />
      </div>
      <div className="form-field">
        <label htmlFor="asset-source">{t('assets.source')}</label>
        <select
          id="asset-source"
          value={draft.source}
          onChange={(e) => {
            const next = { ...draft, source: e.target.value as AssetSource | '' };
            setDraft(next);
            onApply(next);
          }}
        >
          <option value="">{t('assets.anySource')}</option>
          {ASSET_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`assets.sources.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('assets.applyFilters')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
            search.current?.focus();
          }}
        >
          {t('assets.clearFilters')}
        </button>
      </div>
    </form>
  );
}
