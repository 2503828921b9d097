// Allow-list page: the suppression rules of the chosen tenants, the review list, rule details and the rule form.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { ALL_TENANTS, useSession } from '../../shell/session.js';
import { AllowlistRuleForm } from './AllowlistRuleForm.js';
import {
  EXPIRING_WITHIN_DAYS,
  NEVER_HIT_AFTER_DAYS,
  STATE_FILTERS,
  filterRules,
  type AllowlistCreate,
  type AllowlistRule,
  type StateFilter,
} from './allowlist-model.js';
import { ExpiryMark, RuleDrawer, StateBadge, ruleLabel } from './RuleDrawer.js';
import { ReviewView } from './ReviewView.js';
import './allowlist.css';

type View = 'rules' | 'review';
type Editor =
  | { mode: 'create' }
  | { mode: 'edit'; id: string }
  | { mode: 'fromAlert'; alertId: string; initial: Partial<AllowlistCreate>; ruleTitle: string };

export default function AllowlistPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const canManage = session.can('allowlist:manage');
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;
  const fromAlert = params.get('fromAlert') ?? undefined;
  const selectedId = params.get('rule') ?? undefined;
  const view: View = params.get('view') === 'review' && canManage ? 'review' : 'rules';
  const [editor, setEditor] = useState<Editor>();
  const [text, setText] = useState('');
  const [state, setState] = useState<StateFilter>('current');
  // The rule just saved or removed, shown in the drawer while the list reloads.
  const [fresh, setFresh] = useState<AllowlistRule>();

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(window.location.search);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    setParams(next);
  };

  const rules = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/allowlist', {
          params: { query: { includeRemoved: 'true', ...(tenants ? { tenant: tenants } : {}) } },
          signal,
        }),
      ),
    [tenantKey],
  );
  const review = useRequest(
    view === 'review'
      ? (signal) =>
          unwrap(
            session.api.client.GET('/api/allowlist/review', {
              params: {
                query: {
                  expiringWithinDays: EXPIRING_WITHIN_DAYS,
                  neverHitAfterDays: NEVER_HIT_AFTER_DAYS,
                  ...(tenants ? { tenant: tenants } : {}),
                },
              },
              signal,
            }),
          )
      : undefined,
    [view, tenantKey],
  );

  // "Suppress alerts like this": the alert's draft opens the form once it arrives.
  const draft = useRequest(
    fromAlert && canManage
      ? (signal) =>
          unwrap(
            session.api.client.GET('/api/alerts/{id}/allowlist-draft', {
              params: { path: { id: fromAlert } },
              signal,
            }),
          )
      : undefined,
    [fromAlert, canManage],
  );
  useEffect(() => {
    if (!fromAlert || draft.status !== 'done') return;
    const d = draft.data;
    setEditor({
      mode: 'fromAlert',
      alertId: fromAlert,
      ruleTitle: d.ruleTitle,
      initial: { tenant: d.tenant, ruleId: d.ruleId, conditions: d.conditions },
    });
  }, [fromAlert, draft.status, draft.data]);

  const reload = () => {
    rules.reload();
    if (view === 'review') review.reload();
  };
  const closeEditor = () => {
    setEditor(undefined);
    if (fromAlert) setParam('fromAlert', undefined);
  };
  const saved = (rule: AllowlistRule) => {
    setEditor(undefined);
    setFresh(rule);
    const next = new URLSearchParams(window.location.search);
    next.delete('fromAlert');
    next.set('rule', rule.id);
    setParams(next);
    reload();
  };

  const all = rules.data?.rules ?? [];
  const now = Date.now();
  const shown = filterRules(all, { text, state }, now);
  const listed = selectedId ? all.find((r) => r.id === selectedId) : undefined;
  const selected =
    fresh && fresh.id === selectedId && (!listed || listed.updatedAt < fresh.updatedAt) ? fresh : listed;
  const showTenant = !tenants && session.tenants.length > 1;

  return (
    <div className={`allowlist-page${selected ? ' with-drawer' : ''}`}>
      <div className="page-head">
        <h1 className="page-title">{t('allowlist.title')}</h1>
        {canManage && (
          <button type="button" className="primary" onClick={() => setEditor({ mode: 'create' })}>
            {t('allowlist.newRule')}
          </button>
        )}
        <button type="button" onClick={reload}>
          {t('action.refresh')}
        </button>
      </div>
      {!canManage && <p className="notice">{t('allowlist.readOnly')}</p>}

      {fromAlert && canManage && draft.status === 'error' && (
        <ErrorState error={draft.error} onRetry={draft.reload} />
      )}
      {fromAlert && canManage && draft.status === 'loading' && !editor && <Loading />}
      {editor && (
        <EditorPanel editor={editor} onSaved={saved} onCancel={closeEditor} key={editorKey(editor)} />
      )}

      {canManage && (
        <div className="tabs allowlist-tabs" role="tablist" aria-label={t('allowlist.views')}>
          {(['rules', 'review'] as View[]).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`allowlist-tab-${name}`}
              aria-selected={view === name}
              aria-controls={`allowlist-panel-${name}`}
              onClick={() => setParam('view', name === 'rules' ? undefined : name)}
            >
              {name === 'rules' ? t('allowlist.rulesTab') : t('allowlist.reviewTab')}
            </button>
          ))}
        </div>
      )}

      {view === 'rules' ? (
        <section
          id="allowlist-panel-rules"
          className="allowlist-panel"
          {...(canManage ? { role: 'tabpanel', 'aria-labelledby': 'allowlist-tab-rules' } : {})}
        >
          <div className="allowlist-filters">
            <label htmlFor="allowlist-filter-text">{t('allowlist.filterText')}</label>
            <input
              id="allowlist-filter-text"
              type="search"
              value={text}
              placeholder={t('allowlist.filterPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <label htmlFor="allowlist-filter-state">{t('allowlist.filterState')}</label>
            <select
              id="allowlist-filter-state"
              value={state}
              onChange={(e) => setState(e.target.value as StateFilter)}
            >
              {STATE_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`allowlist.stateFilter.${s}`)}
                </option>
              ))}
            </select>
            {rules.data && (
              <span className="hint" aria-live="polite">
                {t('allowlist.shown', { count: shown.length })}
              </span>
            )}
          </div>
          {rules.status === 'error' ? (
            <ErrorState error={rules.error} onRetry={rules.reload} />
          ) : !rules.data ? (
            <Loading />
          ) : all.length === 0 ? (
            <EmptyState title={t('allowlist.noRulesTitle')}>{t('allowlist.noRulesHint')}</EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title={t('allowlist.noMatchTitle')} />
          ) : (
            <RulesTable
              rules={shown}
              now={now}
              showTenant={showTenant}
              selectedId={selectedId}
              canManage={canManage}
              onOpen={(id) => setParam('rule', id)}
              onEdit={(id) => setEditor({ mode: 'edit', id })}
            />
          )}
        </section>
      ) : (
        <section
          id="allowlist-panel-review"
          className="allowlist-panel"
          role="tabpanel"
          aria-labelledby="allowlist-tab-review"
        >
          {review.status === 'error' ? (
            <ErrorState error={review.error} onRetry={review.reload} />
          ) : !review.data ? (
            <Loading />
          ) : (
            <ReviewView review={review.data} now={now} onOpen={(id) => setParam('rule', id)} />
          )}
        </section>
      )}

      {selected && (
        <RuleDrawer
          rule={selected}
          canManage={canManage}
          onEdit={() => {
            setEditor({ mode: 'edit', id: selected.id });
            setParam('rule', undefined);
          }}
          onRemoved={(rule) => {
            setFresh(rule);
            reload();
          }}
          onClose={() => setParam('rule', undefined)}
        />
      )}
    </div>
  );
}

function editorKey(editor: Editor): string {
  return editor.mode === 'edit'
    ? `edit-${editor.id}`
    : editor.mode === 'fromAlert'
      ? `alert-${editor.alertId}`
      : 'new';
}

function EditorPanel({
  editor,
  onSaved,
  onCancel,
}: {
  editor: Editor;
  onSaved(rule: AllowlistRule): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Bring the form into view when it opens (it sits above the list, and may open from the drawer).
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    box.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);
  return (
    <div ref={box} className="allowlist-editor">
      {editor.mode === 'fromAlert' && (
        <p className="notice">
          {t('allowlist.form.fromAlertIntro', { id: editor.alertId, title: editor.ruleTitle })}
        </p>
      )}
      <AllowlistRuleForm
        {...(editor.mode === 'edit' ? { ruleId: editor.id } : {})}
        {...(editor.mode === 'fromAlert' ? { initial: editor.initial, fromAlertId: editor.alertId } : {})}
        onSaved={onSaved}
        onCancel={onCancel}
      />
    </div>
  );
}

function RulesTable({
  rules,
  now,
  showTenant,
  selectedId,
  canManage,
  onOpen,
  onEdit,
}: {
  rules: AllowlistRule[];
  now: number;
  showTenant: boolean;
  selectedId: string | undefined;
  canManage: boolean;
  onOpen(id: string): void;
  onEdit(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  return (
    <div className="table-scroll">
      <table className="data-table allowlist-table" data-testid="allowlist-table">
        <caption className="visually-hidden">{t('allowlist.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allowlist.col.rule')}</th>
            {showTenant && <th scope="col">{t('allowlist.col.tenant')}</th>}
            <th scope="col">{t('allowlist.col.conditions')}</th>
            <th scope="col">{t('allowlist.col.justification')}</th>
            <th scope="col">{t('allowlist.col.owner')}</th>
            <th scope="col">{t('allowlist.col.expiry')}</th>
            <th scope="col">{t('allowlist.col.state')}</th>
            <th scope="col" className="num">
              {t('allowlist.col.hits')}
            </th>
            <th scope="col">{t('allowlist.col.lastHit')}</th>
            <th scope="col">{t('allowlist.col.created')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('allowlist.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const zone = session.zoneOf(rule.tenant);
            const label = ruleLabel(rule, t);
            return (
              <tr
                key={rule.id}
                data-testid="allowlist-row"
                data-rule-id={rule.id}
                className={`${rule.id === selectedId ? 'selected' : ''}${rule.deletedAt !== null ? ' removed' : ''}`}
              >
                <td>
                  <button
                    type="button"
                    className={`link${rule.ruleId !== null ? ' mono' : ''}`}
                    onClick={() => onOpen(rule.id)}
                  >
                    {label}
                  </button>
                </td>
                {showTenant && <td>{rule.tenant}</td>}
                <td className="mono conditions">
                  {rule.conditions || <span className="hint">{t('allowlist.allFindings')}</span>}
                </td>
                <td className="justification">{rule.justification}</td>
                <td>{rule.owner}</td>
                <td>
                  <ExpiryMark expiresAt={rule.expiresAt} now={now} zone={zone} />
                </td>
                <td>
                  <StateBadge rule={rule} now={now} />
                </td>
                <td className="num" data-testid="allowlist-hits">
                  {rule.hits.toLocaleString(i18n.language)}
                </td>
                <td className="time-cell">
                  {rule.lastHitAt !== null
                    ? formatTime(rule.lastHitAt, zone, { ms: false })
                    : t('allowlist.never')}
                </td>
                <td className="time-cell">
                  {formatTime(rule.createdAt, zone, { ms: false })}
                  <div className="hint">{rule.createdBy}</div>
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      onClick={() => onOpen(rule.id)}
                      aria-label={`${t('allowlist.details')}: ${label} (${rule.id})`}
                    >
                      {t('allowlist.details')}
                    </button>
                    {canManage && rule.deletedAt === null && (
                      <button
                        type="button"
                        onClick={() => onEdit(rule.id)}
                        aria-label={`${t('allowlist.edit')}: ${label} (${rule.id})`}
                      >
                        {t('allowlist.edit')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
