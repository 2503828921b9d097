// The review list: rules expiring soon, expired, never hit, or hitting too much, each with why it is listed.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/states.js';
import { useSession } from '../../shell/session.js';
import {
  DAY,
  EXPIRING_WITHIN_DAYS,
  NEVER_HIT_AFTER_DAYS,
  type AllowlistReview,
  type AllowlistRule,
} from './allowlist-model.js';
import { ExpiryMark, ruleLabel } from './RuleDrawer.js';

const CATEGORIES = ['expiring', 'expired', 'neverHit', 'hitTooMuch'] as const;
type Category = (typeof CATEGORIES)[number];

interface ReviewItem {
  rule: AllowlistRule;
  reason: ReactNode;
}

export function ReviewView({
  review,
  now,
  onOpen,
}: {
  review: AllowlistReview;
  now: number;
  onOpen(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [category, setCategory] = useState<Category>(
    () => CATEGORIES.find((c) => review[c].length > 0) ?? 'expiring',
  );
  const percent = (share: number) =>
    share.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 0 });

  const itemsOf = (c: Category): ReviewItem[] => {
    switch (c) {
      case 'expiring':
        return review.expiring.map((rule) => ({
          rule,
          reason: t('allowlist.review.expiringReason', { days: EXPIRING_WITHIN_DAYS }),
        }));
      case 'expired':
        return review.expired.map((rule) => ({ rule, reason: t('allowlist.review.expiredReason') }));
      case 'neverHit':
        return review.neverHit.map((rule) => ({
          rule,
          reason: t('allowlist.review.neverHitReason', {
            count: Math.max(NEVER_HIT_AFTER_DAYS, Math.floor((now - rule.createdAt) / DAY)),
          }),
        }));
      case 'hitTooMuch':
        return review.hitTooMuch.map((n) => ({
          rule: n.rule,
          reason: (
            <>
              <span>
                {t('allowlist.review.hitsPerDay', {
                  value: Math.round(n.hitsPerDay).toLocaleString(i18n.language),
                })}
                {n.share !== null && ` · ${t('allowlist.review.share', { value: percent(n.share) })}`}
              </span>
              {i18n.language === 'en' && (
                <ul className="reasons">
                  {n.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </>
          ),
        }));
    }
  };
  const items = itemsOf(category);
  const categoryName = t(`allowlist.review.${category}`);

  return (
    <div className="allowlist-review" data-testid="allowlist-review">
      <p className="hint">{t('allowlist.review.intro')}</p>
      <div className="tabs" role="tablist" aria-label={t('allowlist.reviewTab')}>
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            role="tab"
            id={`allowlist-review-tab-${c}`}
            aria-selected={category === c}
            aria-controls="allowlist-review-panel"
            onClick={() => setCategory(c)}
          >
            {t(`allowlist.review.${c}`)} <span className="count">({review[c].length})</span>
          </button>
        ))}
      </div>
      <div id="allowlist-review-panel" role="tabpanel" aria-labelledby={`allowlist-review-tab-${category}`}>
        {items.length === 0 ? (
          <EmptyState title={t('allowlist.review.emptyTitle')} />
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="allowlist-review-table" data-category={category}>
              <caption className="visually-hidden">
                {t('allowlist.review.caption', { category: categoryName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('allowlist.col.rule')}</th>
                  <th scope="col">{t('allowlist.col.conditions')}</th>
                  <th scope="col">{t('allowlist.col.owner')}</th>
                  <th scope="col">{t('allowlist.col.expiry')}</th>
                  <th scope="col" className="num">
                    {t('allowlist.col.hits')}
                  </th>
                  <th scope="col">{t('allowlist.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map(({ rule, reason }) => (
                  <tr key={rule.id} data-testid="allowlist-review-row" data-rule-id={rule.id}>
                    <td>
                      <button
                        type="button"
                        className={`link${rule.ruleId !== null ? ' mono' : ''}`}
                        onClick={() => onOpen(rule.id)}
                      >
                        {ruleLabel(rule, t)}
                      </button>
                      {session.tenants.length > 1 && <div className="hint">{rule.tenant}</div>}
                    </td>
                    <td className="mono conditions">
                      {rule.conditions || <span className="hint">{t('allowlist.allFindings')}</span>}
                    </td>
                    <td>{rule.owner}</td>
                    <td>
                      <ExpiryMark expiresAt={rule.expiresAt} now={now} zone={session.zoneOf(rule.tenant)} />
                    </td>
                    <td className="num">{rule.hits.toLocaleString(i18n.language)}</td>
                    <td className="reason">{reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
