// Ingest overview: events per input and per tenant over time, parse-error share, queue depth, storage vs limits.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { PALETTE, TimeChart } from '../../components/TimeChart.js';
import { TimeRangePicker } from '../../components/TimeRangePicker.js';
import { DEFAULT_RANGE, type TimeRange } from '../../lib/time-range.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { formatBytes, formatPercent, type Overview, type Series } from './overview.js';

export default function IngestPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [range, setRange] = useState<TimeRange>(DEFAULT_RANGE);
  const tenants = session.tenantFilter;
  const overview = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/ingest/overview', {
          params: {
            query: { from: range.from, to: range.to, ...(tenants ? { tenants: tenants.join(',') } : {}) },
          },
          signal,
        }),
      ) as Promise<Overview>,
    [range.from, range.to, tenants?.join(',')],
  );

  return (
    <div className="ingest-page">
      <div className="page-head">
        <h1 className="page-title">{t('nav.ingest')}</h1>
        <TimeRangePicker range={range} zone={session.zone} onChange={setRange} />
        <button type="button" onClick={overview.reload}>
          {t('action.refresh')}
        </button>
      </div>
      {overview.status === 'error' ? (
        <ErrorState error={overview.error} onRetry={overview.reload} />
      ) : !overview.data ? (
        <Loading />
      ) : (
        <OverviewView data={overview.data} zone={session.zone} locale={i18n.language} />
      )}
    </div>
  );
}

function OverviewView({ data, zone, locale }: { data: Overview; zone: string; locale: string }) {
  const { t } = useTranslation();
  const range = { from: data.from, to: data.to };
  const errorShare = data.total > 0 ? data.parseErrors / data.total : 0;
  const storage = data.storage;
  const limit = storage?.maxBytes;
  return (
    <>
      <section className="cards" aria-label={t('ingest.summary')}>
        <Card label={t('ingest.events')} value={data.total.toLocaleString(locale)} testId="card-events" />
        <Card
          label={t('ingest.parseErrors')}
          value={formatPercent(errorShare, locale)}
          detail={t('ingest.parseErrorCount', { count: data.parseErrors })}
          warn={errorShare > 0.05}
          testId="card-parse-errors"
        />
        <Card
          label={t('ingest.queue')}
          value={`${data.queue.depth.toLocaleString(locale)} / ${data.queue.capacity.toLocaleString(locale)}`}
          detail={data.queue.full ? t('ingest.queueFull') : t('ingest.queueOk')}
          warn={data.queue.full}
          testId="card-queue"
        />
        {storage && (
          <Card
            label={t('ingest.storage')}
            value={formatBytes(storage.bytes, locale)}
            detail={
              limit
                ? t('ingest.ofLimit', {
                    limit: formatBytes(limit, locale),
                    share: formatPercent(storage.bytes / limit, locale),
                  })
                : t('ingest.noSizeLimit')
            }
            warn={limit !== undefined && storage.bytes / limit > 0.9}
            testId="card-storage"
          />
        )}
      </section>

      <SeriesChart
        title={t('ingest.byInput')}
        series={data.byInput}
        times={data.bucketStarts}
        range={range}
        zone={zone}
        testId="chart-inputs"
      />
      <SeriesChart
        title={t('ingest.byTenant')}
        series={data.byTenant}
        times={data.bucketStarts}
        range={range}
        zone={zone}
        testId="chart-tenants"
      />

      <section className="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('ingest.queueDepth')}</h2>
        {data.queue.samples.length < 2 ? (
          <p className="hint">{t('ingest.noQueueSamples')}</p>
        ) : (
          <TimeChart
            kind="lines"
            times={data.queue.samples.map((s) => s.at)}
            series={[
              {
                label: t('ingest.queueDepth'),
                values: data.queue.samples.map((s) => s.depth),
                color: PALETTE[1]!,
              },
            ]}
            range={{ from: data.queue.samples[0]!.at, to: data.queue.samples.at(-1)!.at }}
            zone={zone}
            height={120}
            label={t('ingest.queueDepth')}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('ingest.perSource')}</h2>
        <SourceTable title={t('ingest.input')} series={data.byInput} locale={locale} />
        <SourceTable title={t('ingest.tenant')} series={data.byTenant} locale={locale} />
      </section>

      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">{t('ingest.retention')}</h2>
        {storage && (
          <dl className="facts">
            <dt>{t('ingest.maxAge')}</dt>
            <dd>
              {storage.maxAgeDays !== undefined
                ? t('ingest.days', { count: storage.maxAgeDays })
                : t('ingest.unlimited')}
            </dd>
            <dt>{t('ingest.maxBytes')}</dt>
            <dd>
              {storage.maxBytes !== undefined ? formatBytes(storage.maxBytes, locale) : t('ingest.unlimited')}
            </dd>
            <dt>{t('ingest.freeDisk')}</dt>
            <dd>
              {storage.freeBytes !== undefined ? formatBytes(storage.freeBytes, locale) : '—'} (
              {t('ingest.reserve', { reserve: formatBytes(storage.minFreeBytes, locale) })})
            </dd>
            <dt>{t('ingest.partitions')}</dt>
            <dd>{storage.partitions.length}</dd>
          </dl>
        )}
        <table className="data-table">
          <caption className="visually-hidden">{t('ingest.retention')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ingest.tenant')}</th>
              <th scope="col">{t('ingest.retentionDays')}</th>
            </tr>
          </thead>
          <tbody>
            {data.retention.map((r) => (
              <tr key={r.tenant}>
                <td>{r.tenant}</td>
                <td>
                  {r.retentionDays !== null
                    ? t('ingest.days', { count: r.retentionDays })
                    : t('ingest.installationDefault')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Card({
  label,
  value,
  detail,
  warn,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  warn?: boolean;
  testId: string;
}) {
  return (
    <div className={`card${warn ? ' warn' : ''}`} data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      {detail && <div className="card-detail">{detail}</div>}
    </div>
  );
}

function SeriesChart({
  title,
  series,
  times,
  range,
  zone,
  testId,
}: {
  title: string;
  series: Series[];
  times: number[];
  range: { from: number; to: number };
  zone: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const chart = useMemo(
    () => series.map((s, i) => ({ label: s.key, values: s.counts, color: PALETTE[i % PALETTE.length]! })),
    [series],
  );
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {series.length === 0 ? (
        <EmptyState title={t('ingest.noEvents')}>{t('ingest.noEventsHint')}</EmptyState>
      ) : (
        <TimeChart
          kind="lines"
          times={times}
          series={chart}
          range={range}
          zone={zone}
          label={title}
          testId={testId}
          legend
        />
      )}
    </section>
  );
}

function SourceTable({ title, series, locale }: { title: string; series: Series[]; locale: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">{t('ingest.events')}</th>
          <th scope="col">{t('ingest.parseErrors')}</th>
          <th scope="col">{t('ingest.share')}</th>
        </tr>
      </thead>
      <tbody>
        {series.map((s) => (
          <tr key={s.key}>
            <td>{s.key}</td>
            <td className="num">{s.total.toLocaleString(locale)}</td>
            <td className="num">{s.parseErrors.toLocaleString(locale)}</td>
            <td className="num">{formatPercent(s.total > 0 ? s.parseErrors / s.total : 0, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
