// The Timeline tab: entries newest or oldest first, filtered by kind and time, a manual entry form and the CSV export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download.js';
import { unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime, parseZonedTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { toApiError, useSession } from '../../shell/session.js';
import type { IncidentTabProps } from './tabs/tab-props.js';
import { rememberName } from './use-people.js';
import {
  showsBothTimes,
  sortEntries,
  TIMELINE_KINDS,
  timelineQuery,
  type TimelineEntry,
  type TimelineFilter,
  type TimelineKind,
  type TimelineOrder,
  type TimelineQuery,
} from './timeline-state.js';

/** A glyph per kind, beside its word (never the glyph alone). */
// Symbols every common font has (no emoji: a server or kiosk without an emoji font would show empty boxes).
const KIND_ICONS: Record<TimelineKind, string> = {
  created: '✚',
  status: '◉',
  phase: '➜',
  assignment: '@',
  alert: '⚠',
  task: '☑',
  observable: '◎',
  evidence: '▣',
  communication: '✉',
  inquiry: '?',
  report: '▤',
  comment: '“',
  manual: '✎',
};

const EMPTY_FILTER: TimelineFilter = { kinds: [], from: '', to: '' };

export function TimelineTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const i = detail.incident;
  const zone = session.zoneOf(i.tenant);
  const [order, setOrder] = useState<TimelineOrder>('newest');
  const [draft, setDraft] = useState<TimelineFilter>(EMPTY_FILTER);
  const [query, setQuery] = useState<TimelineQuery>({});
  const [error, setError] = useState('');
  const key = JSON.stringify(query);
  const timeline = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incidents/{id}/timeline', {
          params: { path: { id: i.id }, query },
          signal,
        }),
      ),
    [i.id, key, detail.counts.timeline],
  );

  const apply = (f: TimelineFilter) => {
    const r = timelineQuery(f, zone);
    if ('invalid' in r) {
      setError(t(r.invalid === 'from' ? 'incidents.timeline.badFrom' : 'incidents.timeline.badTo'));
      return;
    }
    setError('');
    setQuery(r.query);
  };

  const exportCsv = async () => {
    setError('');
    try {
      const {
        data,
        error: failure,
        response,
      } = await session.api.client.GET('/api/incidents/{id}/timeline.csv', {
        params: { path: { id: i.id }, query },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw failure ?? new Error(response.statusText);
      saveBlob(data, `${i.ref}-timeline.csv`);
    } catch (e) {
      const message =
        e && typeof e === 'object' && 'message' in e
          ? String((e as { message: unknown }).message)
          : String(e);
      setError(t('incidents.timeline.exportFailed', { message }));
    }
  };

  const entries = timeline.data ? sortEntries(timeline.data.entries, order) : [];
  for (const e of entries) rememberName(e.actor.id, e.actor.name);
  return (
    <div className="timeline-tab">
      <form
        className="panel queue-filters timeline-filters"
        aria-label={t('incidents.timeline.caption')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <fieldset className="kind-filter">
          <legend>{t('incidents.timeline.kinds')}</legend>
          <div className="filter-statuses">
            {TIMELINE_KINDS.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={draft.kinds.includes(k)}
                  onChange={(e) =>
                    setDraft((d) => ({
                      ...d,
                      kinds: e.target.checked ? [...d.kinds, k] : d.kinds.filter((x) => x !== k),
                    }))
                  }
                />
                {t(`incidents.kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filter-fields">
          <label>
            {t('incidents.timeline.from', { zone })}
            <input
              type="datetime-local"
              value={draft.from}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
            />
          </label>
          <label>
            {t('incidents.timeline.to', { zone })}
            <input
              type="datetime-local"
              value={draft.to}
              onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
            />
          </label>
          <button type="submit">{t('incidents.timeline.apply')}</button>
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY_FILTER);
              apply(EMPTY_FILTER);
            }}
          >
            {t('incidents.timeline.reset')}
          </button>
          <label>
            {t('incidents.timeline.order')}
            <select
              value={order}
              onChange={(e) => setOrder(e.target.value as TimelineOrder)}
              data-testid="timeline-order"
            >
              <option value="newest">{t('incidents.timeline.newest')}</option>
              <option value="oldest">{t('incidents.timeline.oldest')}</option>
            </select>
          </label>
          <button type="button" onClick={() => void exportCsv()} data-testid="timeline-export">
            {t('incidents.timeline.exportCsv')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {session.can('incidents:manage') && (
        <ManualEntryForm
          incidentId={i.id}
          zone={zone}
          onAdded={() => {
            timeline.reload();
            onChanged();
          }}
        />
      )}
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">
          {t('incidents.timeline.caption')}{' '}
          {timeline.data && (
            <span className="hint">{t('incidents.timeline.shown', { count: entries.length })}</span>
          )}
        </h2>
        {timeline.status === 'error' ? (
          <ErrorState error={timeline.error} onRetry={timeline.reload} />
        ) : !timeline.data ? (
          <Loading />
        ) : entries.length === 0 ? (
          <p className="hint">{t('incidents.timeline.empty')}</p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {entries.map((e) => (
              <Entry key={e.id} entry={e} zone={zone} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Entry({ entry: e, zone }: { entry: TimelineEntry; zone: string }) {
  const { t } = useTranslation();
  const both = showsBothTimes(e);
  const show = (ms: number) => formatTime(ms, zone, { ms: false, offset: true });
  return (
    <li className={`timeline-entry kind-${e.kind}`} data-testid="timeline-entry" data-kind={e.kind}>
      <div className="timeline-head">
        <span className="timeline-kind">
          <span aria-hidden="true" className="timeline-icon">
            {KIND_ICONS[e.kind]}
          </span>{' '}
          {t(`incidents.kind.${e.kind}`)}
        </span>
        <span className="time-cell">
          {both ? (
            <>
              <span className="timeline-time">
                {t('incidents.timeline.happened')}:{' '}
                <time dateTime={new Date(e.eventTime!).toISOString()}>{show(e.eventTime!)}</time>
              </span>
              <span className="hint timeline-time">
                {t('incidents.timeline.recorded')}:{' '}
                <time dateTime={new Date(e.recordedAt).toISOString()}>{show(e.recordedAt)}</time>
              </span>
            </>
          ) : (
            <time dateTime={new Date(e.recordedAt).toISOString()}>{show(e.eventTime ?? e.recordedAt)}</time>
          )}
        </span>
        <span className="hint">{t('incidents.timeline.by', { name: e.actor.name })}</span>
      </div>
      <p className="timeline-summary pre-wrap">{e.summary}</p>
    </li>
  );
}

function ManualEntryForm({
  incidentId,
  zone,
  onAdded,
}: {
  incidentId: string;
  zone: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [when, setWhen] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" onClick={() => setOpen(true)} data-testid="add-timeline-entry">
          {t('incidents.timeline.add')}
        </button>
        {status?.ok && (
          <span className="hint" role="status">
            {status.text}
          </span>
        )}
      </div>
    );
  }
  const submit = async () => {
    if (!summary.trim()) return setStatus({ ok: false, text: t('incidents.timeline.summaryRequired') });
    const eventTime = when.trim() ? parseZonedTime(when, zone) : undefined;
    if (when.trim() && eventTime === undefined)
      return setStatus({ ok: false, text: t('incidents.tasks.badTime') });
    setBusy(true);
    try {
      await unwrap(
        session.api.client.POST('/api/incidents/{id}/timeline', {
          params: { path: { id: incidentId } },
          body: { summary: summary.trim(), ...(eventTime !== undefined ? { eventTime } : {}) },
        }),
      );
      setSummary('');
      setWhen('');
      setOpen(false);
      setStatus({ ok: true, text: t('incidents.timeline.added') });
      onAdded();
    } catch (e) {
      setStatus({ ok: false, text: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel incident-form"
      aria-labelledby="manual-entry-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="manual-entry-title">{t('incidents.timeline.addTitle')}</h2>
      <div className="form-grid">
        <label className="wide">
          {t('incidents.timeline.summary')}
          <textarea rows={2} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <label>
          {t('incidents.timeline.eventTime', { zone })}
          <input
            type="datetime-local"
            value={when}
            aria-describedby="manual-entry-when-hint"
            onChange={(e) => setWhen(e.target.value)}
          />
          <span id="manual-entry-when-hint" className="hint">
            {t('incidents.timeline.eventTimeHint')}
          </span>
        </label>
      </div>
      {status && !status.ok && (
        <p className="form-error" role="alert">
          {status.text}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('incidents.timeline.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('incidents.tasks.cancel')}
        </button>
      </div>
    </form>
  );
}
