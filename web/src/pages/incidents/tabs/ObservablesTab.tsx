// The observables (IOCs) of an incident: the table with "where else did this appear?", adding, extraction from
// pasted text, sighting searches one by one or all in turn, and the STIX 2.1 and CSV exports.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../../components/states.js';
import { formatTime } from '../../../lib/time.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import {
  defang,
  exportFileName,
  OBSERVABLE_TYPES,
  sightingSearchUrl,
  type Observable,
  type ObservableType,
} from './observable-format.js';
import { AppLink, CopyButton, ResultLine } from './tab-parts.js';
import type { IncidentTabProps } from './tab-props.js';
import './tabs.css';

export function ObservablesTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const incidentId = detail.incident.id;
  const canManage = session.can('incidents:manage');
  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incidents/{id}/observables', {
          params: { path: { id: incidentId } },
          signal,
        }),
      ),
    [incidentId],
  );
  const [rows, setRows] = useState<Observable[]>(detail.observables);
  useEffect(() => {
    if (list.data) setRows(list.data.observables);
  }, [list.data]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [result, setResult] = useState<{ error?: string; notice?: string }>({});

  const replace = (o: Observable) => setRows((all) => all.map((r) => (r.id === o.id ? o : r)));
  const changed = () => {
    list.reload();
    onChanged();
  };

  const searchOne = async (o: Observable) => {
    const updated = await unwrap(
      session.api.client.POST('/api/incidents/{id}/observables/{obsId}/sightings', {
        params: { path: { id: incidentId, obsId: o.id } },
      }),
    );
    replace(updated);
  };

  // One at a time: each search reads the tenant's whole store, so they are not run in parallel.
  const searchAll = async () => {
    const all = rows;
    setResult({});
    for (let i = 0; i < all.length; i++) {
      setProgress({ done: i, total: all.length });
      try {
        await searchOne(all[i]!);
      } catch (e) {
        setResult({ error: `${all[i]!.value}: ${toApiError(e).message}` });
        break;
      }
    }
    setProgress(undefined);
    setResult((r) =>
      r.error ? r : { notice: t('incidentTabs.observables.searchAllDone', { total: all.length }) },
    );
  };

  const ref = detail.incident.ref;
  const base = `/api/incidents/${encodeURIComponent(incidentId)}`;
  return (
    <div className="itab">
      <section className="panel" aria-labelledby="itab-obs-heading">
        <div className="itab-head">
          <h2 id="itab-obs-heading">{t('incidentTabs.observables.heading')}</h2>
          <div className="itab-buttons" role="group" aria-label={t('incidentTabs.observables.export.label')}>
            <a
              className="button"
              href={`${base}/observables.stix.json`}
              download={exportFileName(ref, 'stix')}
            >
              {t('incidentTabs.observables.export.stix')}
            </a>
            <a className="button" href={`${base}/observables.csv`} download={exportFileName(ref, 'csv')}>
              {t('incidentTabs.observables.export.csv')}
            </a>
            <a
              className="button"
              href={`${base}/observables.csv?defang=true`}
              download={exportFileName(ref, 'csv')}
            >
              {t('incidentTabs.observables.export.csvDefanged')}
            </a>
            {canManage && (
              <button
                type="button"
                className="primary"
                disabled={progress !== undefined || rows.length === 0}
                onClick={() => void searchAll()}
              >
                {t('incidentTabs.observables.searchAll')}
              </button>
            )}
          </div>
        </div>
        {progress && (
          <p className="notice" role="status">
            {t('incidentTabs.observables.searchingAll', { done: progress.done + 1, total: progress.total })}
          </p>
        )}
        <ResultLine {...result} />
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.status === 'loading' && rows.length === 0 && <Loading />}
        {rows.length === 0 && list.status === 'done' ? (
          <EmptyState title={t('incidentTabs.observables.empty')} />
        ) : (
          rows.length > 0 && (
            <ObservableTable
              rows={rows}
              canManage={canManage}
              busy={progress !== undefined}
              onSearch={searchOne}
              onRemove={async (o) => {
                await unwrap(
                  session.api.client.DELETE('/api/incidents/{id}/observables/{obsId}', {
                    params: { path: { id: incidentId, obsId: o.id } },
                  }),
                );
                setRows((all) => all.filter((r) => r.id !== o.id));
                changed();
              }}
            />
          )
        )}
        <p className="hint">{t('incidentTabs.observables.valueHint')}</p>
      </section>
      {canManage && (
        <div className="itab-columns">
          <AddObservable incidentId={incidentId} onAdded={changed} />
          <ExtractObservables incidentId={incidentId} onAdded={changed} />
        </div>
      )}
    </div>
  );
}

function ObservableTable({
  rows,
  canManage,
  busy,
  onSearch,
  onRemove,
}: {
  rows: Observable[];
  canManage: boolean;
  busy: boolean;
  onSearch: (o: Observable) => Promise<void>;
  onRemove: (o: Observable) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table itab-table" aria-label={t('incidentTabs.observables.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('incidentTabs.observables.type')}</th>
            <th scope="col">{t('incidentTabs.observables.value')}</th>
            <th scope="col">{t('incidentTabs.observables.source')}</th>
            <th scope="col">{t('incidentTabs.observables.firstSeen')}</th>
            <th scope="col">{t('incidentTabs.observables.lastSeen')}</th>
            <th scope="col">{t('incidentTabs.observables.note')}</th>
            <th scope="col">{t('incidentTabs.observables.sightings')}</th>
            {canManage && <th scope="col">{t('incidentTabs.observables.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <ObservableRow
              key={o.id}
              observable={o}
              canManage={canManage}
              busy={busy}
              onSearch={onSearch}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObservableRow({
  observable: o,
  canManage,
  busy,
  onSearch,
  onRemove,
}: {
  observable: Observable;
  canManage: boolean;
  busy: boolean;
  onSearch: (o: Observable) => Promise<void>;
  onRemove: (o: Observable) => Promise<void>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(o.tenant);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState('');
  const shown = defang(o.type, o.value);
  const run = async (action: () => Promise<void>) => {
    setWorking(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setWorking(false);
    }
  };
  const time = (ms: number) => formatTime(ms, zone, { ms: false });
  return (
    <tr data-testid="observable-row" data-type={o.type} data-observable-id={o.id}>
      <td>{t(`incidentTabs.observables.types.${o.type}`)}</td>
      <td>
        <span className="itab-value">
          <code className="itab-mono">{shown}</code>
          <CopyButton text={o.value} label={t('incidentTabs.observables.copyValue', { value: shown })} />
        </span>
      </td>
      <td>{t(`incidentTabs.observables.sources.${o.source}`)}</td>
      <td className="time-cell">{time(o.firstSeen)}</td>
      <td className="time-cell">{time(o.lastSeen)}</td>
      <td>{o.note ?? ''}</td>
      <td>
        <Sightings observable={o} shown={shown} zone={zone} />
      </td>
      {canManage && (
        <td>
          <div className="itab-buttons">
            <button
              type="button"
              disabled={working || busy}
              aria-label={t('incidentTabs.observables.searchOf', { value: shown })}
              onClick={() => void run(() => onSearch(o))}
            >
              {working ? t('incidentTabs.working') : t('incidentTabs.observables.search')}
            </button>
            <button
              type="button"
              disabled={working || busy}
              aria-label={t('incidentTabs.observables.removeOf', { value: shown })}
              onClick={() => {
                if (window.confirm(t('incidentTabs.observables.confirmRemove', { value: shown })))
                  void run(() => onRemove(o));
              }}
            >
              {t('incidentTabs.observables.remove')}
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

/** "Where else did this appear?": the count, the first and last time, and each host linked to its events. */
function Sightings({ observable: o, shown, zone }: { observable: Observable; shown: string; zone: string }) {
  const { t } = useTranslation();
  const s = o.sighting;
  if (!s) return <span className="hint">{t('incidentTabs.observables.notSearched')}</span>;
  const time = (ms: number) => formatTime(ms, zone, { ms: false });
  return (
    <div className="itab-sighting">
      <AppLink to={sightingSearchUrl(o)}>
        {t('incidentTabs.observables.sightingCount', { count: s.count })}
      </AppLink>
      {s.firstSeen !== null && s.lastSeen !== null && (
        <div className="hint">
          {t('incidentTabs.observables.sightingRange', { from: time(s.firstSeen), to: time(s.lastSeen) })}
        </div>
      )}
      {s.hosts.length > 0 && (
        <ul
          className="itab-hosts"
          data-testid="sighting-hosts"
          aria-label={t('incidentTabs.observables.hostsLabel', { value: shown })}
        >
          {s.hosts.map((h) => (
            <li key={h.name}>
              <AppLink to={sightingSearchUrl(o, h.name)}>
                {t('incidentTabs.observables.hostEvents', { host: h.name, count: h.count })}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
      <div className="hint">{t('incidentTabs.observables.searchedAt', { at: time(s.searchedAt) })}</div>
    </div>
  );
}

function AddObservable({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const [type, setType] = useState<ObservableType>('ip');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ error?: string; notice?: string }>({});
  const submit = async () => {
    setBusy(true);
    setResult({});
    try {
      const answer = await unwrap(
        session.api.client.POST('/api/incidents/{id}/observables', {
          params: { path: { id: incidentId } },
          body: { type, value: value.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      setResult({
        notice:
          answer.added > 0
            ? t('incidentTabs.observables.add.added')
            : t('incidentTabs.observables.add.known'),
      });
      setValue('');
      setNote('');
      onAdded();
    } catch (e) {
      setResult({ error: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('incidentTabs.observables.add.heading')}</h3>
      <form
        className="itab-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('incidentTabs.observables.add.type')}
          <select value={type} onChange={(e) => setType(e.target.value as ObservableType)}>
            {OBSERVABLE_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`incidentTabs.observables.types.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidentTabs.observables.add.value')}
          <input
            required
            maxLength={8192}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('incidentTabs.observables.add.valueHint')}
        </p>
        <label>
          {t('incidentTabs.observables.add.note')}
          <input maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="primary" disabled={busy || !value.trim()}>
            {t('incidentTabs.observables.add.submit')}
          </button>
        </div>
      </form>
      <ResultLine {...result} />
    </section>
  );
}

function ExtractObservables({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [found, setFound] = useState<
    { observables: Observable[]; added: number; known: number } | undefined
  >();
  const submit = async () => {
    setBusy(true);
    setError('');
    setFound(undefined);
    try {
      const answer = await unwrap(
        session.api.client.POST('/api/incidents/{id}/observables/extract', {
          params: { path: { id: incidentId } },
          body: { text },
        }),
      );
      setFound(answer);
      if (answer.added > 0) onAdded();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('incidentTabs.observables.extract.heading')}</h3>
      <form
        className="itab-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('incidentTabs.observables.extract.text')}
          <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            {t('incidentTabs.observables.extract.submit')}
          </button>
        </div>
      </form>
      <ResultLine error={error} />
      {found && (
        <div role="status" data-testid="extract-result">
          <p>
            {found.observables.length === 0
              ? t('incidentTabs.observables.extract.nothing')
              : t('incidentTabs.observables.extract.result', { added: found.added, known: found.known })}
          </p>
          {found.observables.length > 0 && (
            <ul className="itab-found">
              {found.observables.map((o) => (
                <li key={o.id}>
                  <span className="badge status-badge">{t(`incidentTabs.observables.types.${o.type}`)}</span>{' '}
                  <code className="itab-mono">{defang(o.type, o.value)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
