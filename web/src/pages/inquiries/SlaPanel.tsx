// The SLA facts of an inquiry: the targets of its priority, the due times in the tenant's zone, and met or overdue.
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import type { Inquiry, InquiryPriority } from './inquiry-model.js';
import { firstResponseClock, resolutionClock, targetParts } from './sla-text.js';
import { SlaState } from './SlaText.js';

interface SlaTargets {
  targets: Partial<Record<InquiryPriority, { firstResponseMinutes: number; resolutionMinutes: number }>>;
  defaults: string[];
}

export function SlaPanel({ inquiry: q }: { inquiry: Inquiry }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(q.tenant);
  const targets = useRequest(
    async (signal): Promise<SlaTargets> =>
      unwrap(
        session.api.client.GET('/api/inquiry-sla/{tenant}', {
          params: { path: { tenant: q.tenant } },
          signal,
        }),
      ),
    [q.tenant],
  );
  const target = targets.data?.targets[q.priority];
  const gap = i18n.language === 'ja' ? '' : ' ';
  const minutes = (n: number) =>
    targetParts(n)
      .map((p) => t(`inquiries.units.${p.unit}`, { count: p.count }))
      .join(gap);
  const now = Date.now();
  const first = firstResponseClock(q, now);
  const resolution = resolutionClock(q, now);
  const time = (ms: number) => formatTime(ms, zone, { ms: false, offset: true });

  return (
    <section className="panel sla-panel" aria-labelledby="inquiry-sla-title" data-testid="inquiry-sla">
      <h2 id="inquiry-sla-title">
        {t('inquiries.sla.title')} ({t(`inquiries.priority.${q.priority}`)})
      </h2>
      <h3>{t('inquiries.sla.firstResponse')}</h3>
      <dl className="facts" data-sla="first-response" data-state={first.state}>
        {target && (
          <div>
            <dt>{t('inquiries.sla.target')}</dt>
            <dd>{minutes(target.firstResponseMinutes)}</dd>
          </div>
        )}
        <div>
          <dt>{t('inquiries.sla.due')}</dt>
          <dd className="time-cell">{time(first.dueAt)}</dd>
        </div>
        {q.sla.firstResponseAt !== null && (
          <div>
            <dt>{t('inquiries.sla.answeredAt')}</dt>
            <dd className="time-cell">{time(q.sla.firstResponseAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('inquiries.sla.state')}</dt>
          <dd>
            <SlaState clock={first} />
          </dd>
        </div>
      </dl>
      <h3>{t('inquiries.sla.resolution')}</h3>
      <dl className="facts" data-sla="resolution" data-state={resolution.state}>
        {target && (
          <div>
            <dt>{t('inquiries.sla.target')}</dt>
            <dd>{minutes(target.resolutionMinutes)}</dd>
          </div>
        )}
        <div>
          <dt>{t('inquiries.sla.due')}</dt>
          <dd className="time-cell">{time(resolution.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('inquiries.sla.state')}</dt>
          <dd>
            <SlaState clock={resolution} />
          </dd>
        </div>
      </dl>
      {q.sla.paused && <p className="hint">{t('inquiries.sla.pausedHint')}</p>}
      {targets.data && (
        <p className="hint">
          {targets.data.defaults.includes(q.priority)
            ? t('inquiries.sla.defaultTargets')
            : t('inquiries.sla.tenantTargets')}
        </p>
      )}
    </section>
  );
}
