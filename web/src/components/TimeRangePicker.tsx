// Picks the time range: quick relative ranges, or from/to typed as "now-2h" or a date-time in the tenant's zone.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isRelative, QUICK_RANGES, readBound, showBound, type TimeRange } from '../lib/time-range.js';
import { ClockIcon } from './icons.js';

export function rangeLabel(range: TimeRange, zone: string, t: TFunction) {
  if (range.to === 'now' && (QUICK_RANGES as readonly string[]).includes(range.from)) {
    return t(`time.quick.${range.from}`);
  }
  return `${showBound(range.from, zone)} → ${range.to === 'now' ? t('time.now') : showBound(range.to, zone)}`;
}

export function TimeRangePicker({
  range,
  zone,
  onChange,
}: {
  range: TimeRange;
  zone: string;
  onChange: (range: TimeRange) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(showBound(range.from, zone));
  const [to, setTo] = useState(showBound(range.to, zone));
  const [error, setError] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    setFrom(showBound(range.from, zone));
    setTo(showBound(range.to, zone));
    setError(undefined);
  }, [range.from, range.to, zone, open]);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button, input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (next: TimeRange) => {
    onChange(next);
    close();
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const f = readBound(from, zone);
    const tt = readBound(to, zone);
    if (f === undefined || tt === undefined) {
      setError(t('time.invalid'));
      return;
    }
    choose({ from: f, to: tt });
  };

  return (
    <div className="time-picker">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        aria-label={`${t('time.range')}: ${rangeLabel(range, zone, t)}`}
        data-testid="time-range"
        onClick={() => setOpen((o) => !o)}
      >
        <ClockIcon />
        {rangeLabel(range, zone, t)}
        {!isRelative(range.from) && <span className="zone"> ({zone})</span>}
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="popover" role="dialog" aria-label={t('time.range')}>
          <div className="quick-ranges" role="group" aria-label={t('time.quick.title')}>
            {QUICK_RANGES.map((q) => (
              <button key={q} type="button" onClick={() => choose({ from: q, to: 'now' })}>
                {t(`time.quick.${q}`)}
              </button>
            ))}
          </div>
          <form onSubmit={apply} className="absolute-range">
            <label htmlFor={`${id}-from`}>{t('time.from')}</label>
            <input
              id={`${id}-from`}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              spellCheck={false}
            />
            <label htmlFor={`${id}-to`}>{t('time.to')}</label>
            <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} />
            <p className="hint">{t('time.hint', { zone })}</p>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="primary">
              {t('action.apply')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
