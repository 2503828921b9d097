// The SLA state of an inquiry's clock in words: a compact mark for the list, a sentence for the inquiry page.
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../lib/time.js';
import { durationParts, type SlaClock } from './sla-text.js';

/** "2時間30分" / "2 h 30 min". */
export function useDurationText(): (ms: number) => string {
  const { t, i18n } = useTranslation();
  const gap = i18n.language === 'ja' ? '' : ' ';
  return (ms) =>
    durationParts(ms)
      .map((p) => t(`inquiries.units.${p.unit}`, { count: p.count }))
      .join(gap);
}

/** A list cell: the due time in the tenant's zone and, when it says something, the clock's state. */
export function SlaCell({
  clock,
  zone,
  kind,
}: {
  clock: SlaClock;
  zone: string;
  kind: 'first' | 'resolution';
}) {
  const { t } = useTranslation();
  const mark =
    clock.state === 'overdue'
      ? t('inquiries.list.overdue')
      : clock.state === 'paused'
        ? t('inquiries.list.paused')
        : clock.state === 'late'
          ? t(kind === 'first' ? 'inquiries.list.answeredLate' : 'inquiries.list.resolvedLate')
          : clock.state === 'met'
            ? t(kind === 'first' ? 'inquiries.list.answeredInTime' : 'inquiries.list.resolvedInTime')
            : undefined;
  return (
    <span className={`sla-cell sla-${clock.state}`} data-sla-state={clock.state}>
      <span className="time-cell">{formatMinute(clock.dueAt, zone)}</span>
      {mark && <span className={`badge sla-badge sla-badge-${clock.state}`}>{mark}</span>}
    </span>
  );
}

/** The inquiry page's sentence: "残り 1時間20分", "期限超過 (2時間 超過)", "期限内". */
export function SlaState({ clock }: { clock: SlaClock }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const text =
    clock.state === 'pending'
      ? t('inquiries.sla.pending', { left: duration(clock.byMs) })
      : clock.state === 'overdue'
        ? t('inquiries.sla.overdue', { by: duration(clock.byMs) })
        : clock.state === 'late'
          ? t('inquiries.sla.late', { by: duration(clock.byMs) })
          : clock.state === 'paused'
            ? t('inquiries.sla.paused')
            : t('inquiries.sla.met');
  return (
    <span className={`sla-state sla-${clock.state}`} data-sla-state={clock.state}>
      {text}
    </span>
  );
}
