// The inquiry list's filter form: status, type, priority, assignee, overdue and words; applied on submit.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTERS, STATUS_FILTERS, type InquiryFilters } from './inquiry-filters.js';
import {
  INQUIRY_PRIORITIES,
  INQUIRY_TYPES,
  type InquiryPriority,
  type InquiryType,
} from './inquiry-model.js';

export function InquiryFiltersForm({
  filters,
  onChange,
}: {
  filters: InquiryFilters;
  onChange: (f: InquiryFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [key]);
  const set = <K extends keyof InquiryFilters>(k: K, v: InquiryFilters[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));

  return (
    <form
      className="inquiry-filters panel"
      role="search"
      aria-label={t('inquiries.filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <div className="form-field">
        <label htmlFor="inquiry-filter-status">{t('inquiries.filters.status')}</label>
        <select
          id="inquiry-filter-status"
          value={draft.status}
          onChange={(e) => set('status', e.target.value as InquiryFilters['status'])}
        >
          {STATUS_FILTERS.map((s) => (
            <option key={s || 'any'} value={s}>
              {s === ''
                ? t('inquiries.filters.anyStatus')
                : s === 'open'
                  ? t('inquiries.filters.open')
                  : t(`inquiries.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="inquiry-filter-type">{t('inquiries.filters.type')}</label>
        <select
          id="inquiry-filter-type"
          value={draft.type}
          onChange={(e) => set('type', e.target.value as InquiryType | '')}
        >
          <option value="">{t('inquiries.filters.anyType')}</option>
          {INQUIRY_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`inquiries.type.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="inquiry-filter-priority">{t('inquiries.filters.priority')}</label>
        <select
          id="inquiry-filter-priority"
          value={draft.priority}
          onChange={(e) => set('priority', e.target.value as InquiryPriority | '')}
        >
          <option value="">{t('inquiries.filters.anyPriority')}</option>
          {INQUIRY_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`inquiries.priority.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="inquiry-filter-assignee">{t('inquiries.filters.assignee')}</label>
        <select
          id="inquiry-filter-assignee"
          value={draft.assignee}
          onChange={(e) => set('assignee', e.target.value as InquiryFilters['assignee'])}
        >
          <option value="any">{t('inquiries.filters.anyone')}</option>
          <option value="me">{t('inquiries.filters.me')}</option>
          <option value="none">{t('inquiries.filters.nobody')}</option>
        </select>
      </div>
      <div className="form-field grow">
        <label htmlFor="inquiry-filter-text">{t('inquiries.filters.text')}</label>
        <input
          id="inquiry-filter-text"
          type="search"
          value={draft.text}
          maxLength={200}
          placeholder={t('inquiries.filters.textPlaceholder')}
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <label className="check">
        <input
          id="inquiry-filter-overdue"
          type="checkbox"
          checked={draft.overdue}
          onChange={(e) => set('overdue', e.target.checked)}
        />
        {t('inquiries.filters.overdue')}
      </label>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('inquiries.filters.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            onChange(NO_FILTERS);
          }}
        >
          {t('inquiries.filters.clear')}
        </button>
      </div>
    </form>
  );
}
