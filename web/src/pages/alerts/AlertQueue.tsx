// The alert queue: filters in the URL, the alerts as rows, bulk moves with a reason, and keyboard triage.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '../../api/client.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { navigate, useSearchParams } from '../../shell/router.js';
import { toApiError, useSession } from '../../shell/session.js';
import { entityText } from './alert-format.js';
import { BulkBar, type BulkTarget } from './BulkBar.js';
import { commandOf, KEYMAP, moveCursor, type QueueCommand } from './keyboard.js';
import { listQuery, readFilters, writeFilters, type QueueFilters } from './queue-state.js';
import { QueueFiltersForm } from './QueueFilters.js';
import { useAssignees } from './use-assignees.js';

type Alert = Schemas['Alert'];

/** Where "back to the queue" returns: the queue as last filtered in this tab. */
export const queueMemory = { search: '' };

export function AlertQueue() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.me : undefined;
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filterKey = writeFilters(filters).toString();
  const tenants = session.tenantFilter;
  const canTriage = session.can('alerts:triage');
  const names = useAssignees(tenants);

  const [extra, setExtra] = useState<{ alerts: Alert[]; next?: string }>({ alerts: [] });
  const first = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/alerts', {
          params: { query: listQuery(filters, me?.id ?? '', tenants) },
          signal,
        }),
      ),
    [filterKey, tenants?.join(',')],
  );
  useEffect(() => {
    queueMemory.search = params.toString();
    setExtra({ alerts: [] });
  }, [filterKey, tenants?.join(',')]);

  const alerts = useMemo(() => [...(first.data?.alerts ?? []), ...extra.alerts], [first.data, extra]);
  const next = extra.alerts.length > 0 ? extra.next : first.data?.next;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const [armed, setArmed] = useState<'false_positive' | undefined>();
  const [notice, setNotice] = useState<{ text: string; errors: string[] } | undefined>();
  const reasonRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLFieldSetElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    setSelected(new Set());
    setCursor(-1);
  }, [filterKey, tenants?.join(',')]);

  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await unwrap(
        session.api.client.GET('/api/alerts', {
          params: { query: listQuery(filters, me?.id ?? '', tenants, next) },
        }),
      );
      setExtra((e) => ({ alerts: [...e.alerts, ...page.alerts], ...(page.next ? { next: page.next } : {}) }));
    } catch (e) {
      setNotice({ text: toApiError(e).message, errors: [] });
    }
  };

  const targets = useCallback((): BulkTarget[] => {
    const chosen = alerts.filter((a) => selected.has(a.id));
    const current = alerts[cursor];
    return (chosen.length > 0 ? chosen : current ? [current] : []).map((a) => ({
      id: a.id,
      status: a.status,
    }));
  }, [alerts, selected, cursor]);

  const afterChange = (text: string, errors: string[]) => {
    setNotice({ text, errors });
    setSelected(new Set());
    setArmed(undefined);
    first.reload();
  };

  const move = async (to: Alert['status'], reason: string, list = targets()) => {
    if (list.length === 0) return;
    try {
      const { results } = await unwrap(
        session.api.client.POST('/api/alerts/transition', {
          body: { ids: list.map((a) => a.id), to, reason },
        }),
      );
      const failed = results.filter((r) => !r.ok);
      afterChange(
        t('alerts.bulk.done', { count: results.length - failed.length }),
        failed.map((r) => t('alerts.bulk.failed', { id: r.id, message: r.message ?? r.code ?? '' })),
      );
    } catch (e) {
      setNotice({ text: toApiError(e).message, errors: [] });
    }
  };

  const assignToMe = async (list = targets()) => {
    if (!me || list.length === 0) return;
    const outcomes = await Promise.allSettled(
      list.map((a) =>
        unwrap(
          session.api.client.PUT('/api/alerts/{id}/assignee', {
            params: { path: { id: a.id } },
            body: { assignee: me.id },
          }),
        ),
      ),
    );
    const errors = outcomes.flatMap((o, i) =>
      o.status === 'rejected'
        ? [t('alerts.bulk.failed', { id: list[i]!.id, message: toApiError(o.reason).message })]
        : [],
    );
    afterChange(t('alerts.bulk.done', { count: list.length - errors.length }), errors);
  };

  const run = (command: QueueCommand) => {
    switch (command) {
      case 'next':
      case 'previous': {
        const at = moveCursor(cursor, alerts.length, command);
        setCursor(at);
        rowRefs.current[at]?.focus();
        return;
      }
      case 'toggle': {
        const a = alerts[cursor];
        if (a) toggle(a.id);
        return;
      }
      case 'open': {
        const a = alerts[cursor];
        if (a) navigate(`/alerts/${a.id}`);
        return;
      }
      case 'acknowledge':
        if (canTriage) void move('acknowledged', t('alerts.bulk.defaultAcknowledge'));
        return;
      case 'start':
        if (canTriage) void move('in_progress', t('alerts.bulk.defaultStart'));
        return;
      case 'false_positive':
        if (!canTriage || targets().length === 0) return;
        if (selected.size === 0 && alerts[cursor]) setSelected(new Set([alerts[cursor].id]));
        setArmed('false_positive');
        return;
      case 'assign_me':
        if (canTriage) void assignToMe();
        return;
      case 'select_all':
        setSelected(new Set(alerts.map((a) => a.id)));
        return;
      case 'filter':
        filterRef.current?.querySelector<HTMLElement>('input, select')?.focus();
        return;
      case 'help':
        setHelp((h) => !h);
        return;
    }
  };

  // The bar with the reason box appears with the selection, so focus waits for that render.
  useEffect(() => {
    if (armed) reasonRef.current?.focus();
  }, [armed]);

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const command = commandOf({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (!command) return;
      e.preventDefault();
      runRef.current(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const showTenant = !tenants || tenants.length > 1;
  const chosen = alerts.filter((a) => selected.has(a.id));

  return (
    <div className="alerts-page">
      <div className="page-head">
        <h1 className="page-title">{t('alerts.title')}</h1>
        <span className="hint">{t('alerts.queue.keyboardHint')}</span>
        <button type="button" onClick={first.reload}>
          {t('action.refresh')}
        </button>
      </div>
      <QueueFiltersForm
        ref={filterRef}
        filters={filters}
        onChange={(f: QueueFilters) => setParams(writeFilters(f))}
      />
      {help && <KeyHelp onClose={() => setHelp(false)} />}
      {canTriage && (
        <BulkBar
          selected={chosen.map((a) => ({ id: a.id, status: a.status }))}
          armed={armed}
          reasonRef={reasonRef}
          onMove={(to, reason) =>
            void move(
              to,
              reason,
              chosen.map((a) => ({ id: a.id, status: a.status })),
            )
          }
          onAssignMe={() => void assignToMe(chosen.map((a) => ({ id: a.id, status: a.status })))}
          onClear={() => {
            setSelected(new Set());
            setArmed(undefined);
          }}
        />
      )}
      {notice && (
        <div className="notice" role="status" data-testid="queue-notice">
          {notice.text}
          {notice.errors.length > 0 && (
            <ul className="form-error">
              {notice.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {first.status === 'error' ? (
        <ErrorState error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Loading />
      ) : alerts.length === 0 ? (
        <EmptyState title={t('alerts.queue.emptyTitle')}>{t('alerts.queue.emptyHint')}</EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table alert-table" data-testid="alert-table">
              <caption className="visually-hidden">{t('alerts.queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('alerts.queue.selectAll')}
                      checked={chosen.length > 0 && chosen.length === alerts.length}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(alerts.map((a) => a.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">{t('alerts.queue.severity')}</th>
                  <th scope="col">{t('alerts.queue.rule')}</th>
                  <th scope="col">{t('alerts.queue.entity')}</th>
                  {showTenant && <th scope="col">{t('alerts.queue.tenant')}</th>}
                  <th scope="col">{t('alerts.queue.status')}</th>
                  <th scope="col" className="num">
                    {t('alerts.queue.count')}
                  </th>
                  <th scope="col">{t('alerts.queue.lastSeen')}</th>
                  <th scope="col">{t('alerts.queue.assignee')}</th>
                </tr>
              </thead>
              <tbody>
                {alerts.map((a, i) => (
                  <tr
                    key={a.id}
                    ref={(el) => {
                      rowRefs.current[i] = el;
                    }}
                    tabIndex={-1}
                    data-testid="alert-row"
                    data-alert-id={a.id}
                    data-status={a.status}
                    className={[i === cursor ? 'current' : '', selected.has(a.id) ? 'selected' : ''].join(
                      ' ',
                    )}
                    onFocus={() => setCursor(i)}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('alerts.queue.selectAlert', {
                          title: a.rule.title,
                          entity: entityText(a.entity),
                        })}
                        checked={selected.has(a.id)}
                        onChange={() => toggle(a.id)}
                      />
                    </td>
                    <td>
                      <SeverityBadge level={a.severity.level} score={a.severity.score} />
                    </td>
                    <td>
                      <a
                        href={`/alerts/${a.id}`}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                          e.preventDefault();
                          navigate(`/alerts/${a.id}`);
                        }}
                      >
                        {a.rule.title}
                      </a>
                      {a.intelHits > 0 && (
                        <span className="badge intel-badge">{t('alerts.queue.intel')}</span>
                      )}
                    </td>
                    <td className="mono">{entityText(a.entity)}</td>
                    {showTenant && (
                      <td>{session.tenants.find((x) => x.id === a.tenant)?.name ?? a.tenant}</td>
                    )}
                    <td>
                      <span className={`badge status-badge status-${a.status}`}>
                        {t(`alerts.status.${a.status}`)}
                      </span>
                    </td>
                    <td
                      className="num"
                      title={t('alerts.queue.countDetail', { findings: a.findings, events: a.events })}
                    >
                      {a.findings.toLocaleString(i18n.language)}
                    </td>
                    <td className="time-cell">
                      {formatTime(a.lastSeen, session.zoneOf(a.tenant), { ms: false })}
                    </td>
                    <td>
                      {a.assignee ? (names.get(a.assignee) ?? a.assignee) : t('alerts.queue.unassigned')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-foot">
            <span data-testid="alert-count">{t('alerts.queue.shown', { count: alerts.length })}</span>
            {next && (
              <button type="button" onClick={() => void loadMore()}>
                {t('alerts.queue.loadMore')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function KeyHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel key-help" aria-labelledby="key-help-title">
      <h2 id="key-help-title">{t('alerts.keys.title')}</h2>
      <dl className="facts">
        {KEYMAP.map(([key, command]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`alerts.keys.${command}`)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('action.close')}
      </button>
    </section>
  );
}
