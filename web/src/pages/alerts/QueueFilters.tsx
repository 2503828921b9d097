// The queue's filter form: statuses, lowest severity, assignee, entity, rule, period and order; applied on submit.
import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS, STATUSES, type QueueFilters } from './queue-state.js';

const PERIODS = ['now-24h', 'now-7d', 'now-30d', 'now-90d'] as const;

export const QueueFiltersForm = forwardRef<
  HTMLFieldSetElement,
  { filters: QueueFilters; onChange: (f: QueueFilters) => void }
>(function QueueFiltersForm({ filters, onChange }, ref) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [key]);
  const set = <K extends keyof QueueFilters>(k: K, v: QueueFilters[K]) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <form
      className="queue-filters panel"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <fieldset ref={ref}>
        <legend>{t('alerts.filters.title')}</legend>
        <div className="filter-statuses" role="group" aria-label={t('alerts.filters.status')}>
          {STATUSES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={draft.statuses.includes(s)}
                onChange={(e) =>
                  set(
                    'statuses',
                    e.target.checked
                      ? STATUSES.filter((x) => x === s || draft.statuses.includes(x))
                      : draft.statuses.filter((x) => x !== s),
                  )
                }
              />
              {t(`alerts.status.${s}`)}
            </label>
          ))}
        </div>
        <div className="filter-fields">
          <label>
            {t('alerts.filters.severity')}
            <select
              value={draft.severity ?? ''}
              onChange={(e) => {
                const v = e.target.value as QueueFilters['severity'] | '';
                setDraft(({ severity: _drop, ...rest }) => (v ? { ...rest, severity: v } : rest));
              }}
            >
              <option value="">{t('alerts.filters.anySeverity')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`alerts.level.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('alerts.filters.assignee')}
            <select
              value={draft.assignee}
              onChange={(e) => set('assignee', e.target.value as QueueFilters['assignee'])}
            >
              <option value="any">{t('alerts.filters.anyone')}</option>
              <option value="me">{t('alerts.filters.me')}</option>
              <option value="none">{t('alerts.filters.nobody')}</option>
            </select>
          </label>
          <label>
            {t('alerts.filters.entity')}
            <input type="text" value={draft.entity} onChange={(e) => set('entity', e.target.value)} />
          </label>
          <label>
            {t('alerts.filters.rule')}
            <input type="text" value={draft.rule} onChange={(e) => set('rule', e.target.value)} />
          </label>
          <label>
            {t('alerts.filters.since')}
            <select value={draft.from} onChange={(e) => set('from', e.target.value)}>
              {[...new Set([...PERIODS, draft.from])].map((p) => (
                <option key={p} value={p}>
                  {t(`time.quick.${p}`, { defaultValue: p })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('alerts.filters.sort')}
            <select value={draft.sort} onChange={(e) => set('sort', e.target.value as QueueFilters['sort'])}>
              <option value="last_seen">{t('alerts.filters.sortLastSeen')}</option>
              <option value="severity">{t('alerts.filters.sortSeverity')}</option>
            </select>
          </label>
          <button type="submit" className="primary">
            {t('alerts.filters.apply')}
          </button>
        </div>
      </fieldset>
    </form>
  );
});
