// One allow-list rule in full: its facts, the findings it suppressed, and edit or remove for those who manage the list.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { CloseIcon } from '../../components/icons.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import { dateOfExpiry, expiryOf, ruleState, subjectLine, type AllowlistRule } from './allowlist-model.js';

const SUPPRESSED_PAGE = 25;

export function ruleLabel(rule: AllowlistRule, t: TFunction): string {
  return rule.ruleId ?? t('allowlist.everyRule');
}

export function StateBadge({ rule, now }: { rule: AllowlistRule; now: number }) {
  const { t } = useTranslation();
  const state = ruleState(rule, now);
  return (
    <span className={`badge allowlist-state-${state}`} data-state={state}>
      {t(`allowlist.state.${state}`)}
    </span>
  );
}

/** The expiry day and how it reads now: expired, expires soon (marked), or simply the days left. */
export function ExpiryMark({
  expiresAt,
  now,
  zone,
}: {
  expiresAt: number | null;
  now: number;
  zone: string;
}) {
  const { t } = useTranslation();
  const e = expiryOf(expiresAt, now);
  if (e.kind === 'never' || expiresAt === null)
    return <span className="hint">{t('allowlist.noExpiry')}</span>;
  return (
    <span className="expiry">
      <span className="time-cell">{dateOfExpiry(expiresAt, zone)}</span>{' '}
      {e.kind === 'expired' ? (
        <span className="badge expiry-expired" data-expiry="expired">
          {e.daysAgo === 0 ? t('allowlist.expiredToday') : t('allowlist.expired', { count: e.daysAgo })}
        </span>
      ) : (
        <span className={e.soon ? 'badge expiry-soon' : 'hint'} data-expiry={e.soon ? 'soon' : 'later'}>
          {t('allowlist.expiresIn', { count: e.inDays })}
        </span>
      )}
    </span>
  );
}

type Suppressed = {
  findings: { findingId: string; ruleId: string; time: number; subject: Record<string, unknown> }[];
  next?: string;
};

export function RuleDrawer({
  rule,
  canManage,
  onEdit,
  onRemoved,
  onClose,
}: {
  rule: AllowlistRule;
  canManage: boolean;
  onEdit(): void;
  onRemoved(rule: AllowlistRule): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(rule.tenant);
  const now = Date.now();
  const heading = useRef<HTMLHeadingElement>(null);
  const time = (ms: number) => formatTime(ms, zone, { ms: false, offset: true });

  useEffect(() => {
    heading.current?.focus();
  }, [rule.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside
      className="drawer allowlist-drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="allowlist-drawer-title"
      data-testid="allowlist-drawer"
    >
      <header className="drawer-head">
        <h2
          id="allowlist-drawer-title"
          ref={heading}
          tabIndex={-1}
          className={rule.ruleId === null ? 'plain' : undefined}
        >
          {ruleLabel(rule, t)}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('action.close')}>
          <CloseIcon />
        </button>
      </header>
      <div className="drawer-body">
        {rule.deletedAt !== null && (
          <p className="notice">{t('allowlist.detail.removedNotice', { time: time(rule.deletedAt) })}</p>
        )}
        <dl className="facts">
          <dt>{t('allowlist.detail.id')}</dt>
          <dd className="mono">{rule.id}</dd>
          <dt>{t('allowlist.detail.tenant')}</dt>
          <dd>{rule.tenant}</dd>
          <dt>{t('allowlist.detail.rule')}</dt>
          <dd className={rule.ruleId !== null ? 'mono' : undefined}>{ruleLabel(rule, t)}</dd>
          <dt>{t('allowlist.detail.conditions')}</dt>
          <dd>
            {rule.conditions ? (
              <code className="conditions-block">{rule.conditions}</code>
            ) : (
              <span className="hint">{t('allowlist.allFindings')}</span>
            )}
          </dd>
          <dt>{t('allowlist.detail.justification')}</dt>
          <dd className="justification">{rule.justification}</dd>
          <dt>{t('allowlist.detail.owner')}</dt>
          <dd>{rule.owner}</dd>
          <dt>{t('allowlist.detail.expiry')}</dt>
          <dd>
            <ExpiryMark expiresAt={rule.expiresAt} now={now} zone={zone} />
          </dd>
          <dt>{t('allowlist.detail.state')}</dt>
          <dd>
            <StateBadge rule={rule} now={now} />
          </dd>
          <dt>{t('allowlist.detail.hits')}</dt>
          <dd>{rule.hits.toLocaleString(i18n.language)}</dd>
          <dt>{t('allowlist.detail.lastHit')}</dt>
          <dd>{rule.lastHitAt !== null ? time(rule.lastHitAt) : t('allowlist.never')}</dd>
          <dt>{t('allowlist.detail.created')}</dt>
          <dd>{t('allowlist.createdBy', { time: time(rule.createdAt), user: rule.createdBy })}</dd>
          <dt>{t('allowlist.detail.updated')}</dt>
          <dd>{t('allowlist.createdBy', { time: time(rule.updatedAt), user: rule.updatedBy })}</dd>
          {rule.sourceAlertId && (
            <>
              <dt>{t('allowlist.detail.sourceAlert')}</dt>
              <dd className="mono">{rule.sourceAlertId}</dd>
            </>
          )}
        </dl>

        {canManage && rule.deletedAt === null && (
          <RuleActions rule={rule} onEdit={onEdit} onRemoved={onRemoved} />
        )}

        <SuppressedFindings rule={rule} zone={zone} />
      </div>
    </aside>
  );
}

function RuleActions({
  rule,
  onEdit,
  onRemoved,
}: {
  rule: AllowlistRule;
  onEdit(): void;
  onRemoved(rule: AllowlistRule): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      const removed = await unwrap(
        session.api.client.DELETE('/api/allowlist/{id}', {
          params: { path: { id: rule.id } },
          body: { reason: reason.trim() },
        }),
      );
      setRemoving(false);
      onRemoved(removed);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="allowlist-actions">
      {!removing ? (
        <div className="button-row">
          <button type="button" onClick={onEdit}>
            {t('allowlist.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setRemoving(true)}>
            {t('allowlist.remove')}
          </button>
        </div>
      ) : (
        <form className="allowlist-remove" onSubmit={remove} aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>{t('allowlist.detail.removeTitle')}</h3>
          <p className="hint" id={`${id}-hint`}>
            {t('allowlist.detail.removeHint')}
          </p>
          <label htmlFor={`${id}-reason`}>{t('allowlist.detail.removeReason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={2000}
            required
            aria-required="true"
            aria-describedby={`${id}-hint`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error.message} <code className="error-code">{error.code}</code>
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
              {t('allowlist.detail.removeConfirm')}
            </button>
            <button type="button" onClick={() => setRemoving(false)}>
              {t('allowlist.detail.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function SuppressedFindings({ rule, zone }: { rule: AllowlistRule; zone: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [pages, setPages] = useState<{ items: Suppressed['findings']; next?: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const load = async (cursor: string | undefined, signal?: AbortSignal) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await unwrap(
        session.api.client.GET('/api/allowlist/{id}/suppressed', {
          params: { path: { id: rule.id }, query: { limit: SUPPRESSED_PAGE, ...(cursor ? { cursor } : {}) } },
          ...(signal ? { signal } : {}),
        }),
      );
      if (signal?.aborted) return;
      setPages((old) => ({
        items: [...(cursor ? (old?.items ?? []) : []), ...page.findings],
        ...(page.next ? { next: page.next } : {}),
      }));
    } catch (e) {
      if (!signal?.aborted) setError(toApiError(e));
    } finally {
      if (!signal?.aborted) setBusy(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    setPages(undefined);
    void load(undefined, controller.signal);
    return () => controller.abort();
  }, [rule.id, rule.hits]);

  return (
    <section className="allowlist-suppressed" aria-labelledby="allowlist-suppressed-title">
      <h3 id="allowlist-suppressed-title">{t('allowlist.detail.suppressed')}</h3>
      {error ? (
        <ErrorState error={error} onRetry={() => void load(undefined)} />
      ) : !pages ? (
        <Loading />
      ) : pages.items.length === 0 ? (
        <p className="hint">{t('allowlist.detail.noSuppressed')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="allowlist-suppressed">
              <caption className="visually-hidden">{t('allowlist.detail.suppressedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('allowlist.col.time')}</th>
                  <th scope="col">{t('allowlist.col.rule')}</th>
                  <th scope="col">{t('allowlist.col.fields')}</th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((f) => (
                  <tr key={f.findingId}>
                    <td className="time-cell">{formatTime(f.time, zone, { ms: false })}</td>
                    <td className="mono">{f.ruleId}</td>
                    <td className="mono subject" title={f.findingId}>
                      {subjectLine(f.subject)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages.next && (
            <button type="button" disabled={busy} onClick={() => void load(pages.next)}>
              {t('allowlist.detail.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
