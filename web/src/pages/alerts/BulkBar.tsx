// Actions on the selected alerts: the moves all of them allow, each with the reason the history keeps; assign to me.
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenIncidentButton } from '../incidents/OpenIncidentButton.js';
import { commonMoves, type AlertStatus } from './queue-state.js';

export interface BulkTarget {
  id: string;
  status: AlertStatus;
}

/** Moves that need the analyst's own words; the others fall back to a stock reason. */
const NEEDS_REASON: readonly AlertStatus[] = ['false_positive', 'closed', 'true_positive'];

export function BulkBar({
  selected,
  armed,
  reasonRef,
  onMove,
  onAssignMe,
  onClear,
}: {
  selected: BulkTarget[];
  /** A move chosen from the keyboard, waiting for its reason (Enter in the reason box applies it). */
  armed: AlertStatus | undefined;
  reasonRef: RefObject<HTMLInputElement | null>;
  onMove: (to: AlertStatus, reason: string) => void;
  onAssignMe: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  if (selected.length === 0) return null;
  // A true positive goes through the escalation form of the alert page, which sends the customer's messages.
  const moves = commonMoves(selected.map((s) => s.status)).filter((m) => m !== 'true_positive');

  const apply = (to: AlertStatus) => {
    const text = reason.trim();
    if (!text && NEEDS_REASON.includes(to)) {
      setError(t('alerts.bulk.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setError('');
    setReason('');
    onMove(
      to,
      text || (to === 'acknowledged' ? t('alerts.bulk.defaultAcknowledge') : t('alerts.bulk.defaultStart')),
    );
  };

  return (
    <section className="bulk-bar panel" aria-label={t('alerts.bulk.region')} data-testid="bulk-bar">
      <strong>{t('alerts.bulk.selected', { count: selected.length })}</strong>
      <label className="bulk-reason">
        {t('alerts.bulk.reason')}
        <input
          ref={reasonRef}
          type="text"
          value={reason}
          maxLength={2000}
          placeholder={t('alerts.bulk.reasonPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'bulk-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && armed) {
              e.preventDefault();
              apply(armed);
            }
            if (e.key === 'Escape') onClear();
          }}
        />
      </label>
      {moves.length === 0 ? (
        <span className="hint">{t('alerts.bulk.noMoves')}</span>
      ) : (
        moves.map((m) => (
          <button
            key={m}
            type="button"
            className={m === armed ? 'primary' : undefined}
            onClick={() => apply(m)}
          >
            {t(`alerts.move.${m}`)}
          </button>
        ))
      )}
      <button type="button" onClick={onAssignMe}>
        {t('alerts.bulk.assignMe')}
      </button>
      <OpenIncidentButton alertIds={selected.map((s) => s.id)} />
      <button type="button" className="link" onClick={onClear}>
        {t('alerts.bulk.clear')}
      </button>
      {error && (
        <p id="bulk-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
