// Loading, error and empty states, the same on every page so that a user always knows which one they see.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

/** An API failure in words: what happened, the catalogue code, and a retry when one can help. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const title =
    error.status === 0
      ? t('state.networkError')
      : error.status === 403
        ? t('state.forbidden')
        : error.status >= 500
          ? t('state.serverError')
          : t('state.requestError');
  return (
    <div className="state state-error" role="alert">
      <strong>{title}</strong>
      <p>
        {error.message} <code className="error-code">{error.code}</code>
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}
