// Small pieces the incident tabs share: a copy button, an inline reason prompt, and a status line.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../../lib/clipboard.js';
import { navigate } from '../../../shell/router.js';
import { toApiError } from '../../../shell/session.js';

/** Copies `text`; its accessible name says what it copies, and it says "copied" for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="icon itab-copy"
      aria-label={label}
      title={label}
      onClick={() => {
        void copyText(text).then((ok) => {
          setCopied(ok);
          if (ok) setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      <span aria-hidden="true">⧉</span>
      {copied && (
        <span className="itab-copied" role="status">
          {t('incidentTabs.copied')}
        </span>
      )}
    </button>
  );
}

/**
 * Asks for a reason (kept in the custody ledger) before an action; shows the server's refusal in words and
 * stays open so the user can correct it.
 */
export function ReasonPrompt({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  danger,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
  danger?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      className="itab-reason"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError('');
        onSubmit(reason.trim()).then(
          () => setBusy(false),
          (err: unknown) => {
            setBusy(false);
            setError(toApiError(err).message);
          },
        );
      }}
    >
      {children}
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        required
        maxLength={2000}
        value={reason}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="itab-buttons">
        <button
          type="submit"
          className={danger ? 'itab-danger' : 'primary'}
          disabled={busy || !reason.trim()}
        >
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidentTabs.cancel')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** A result line: an error in red (role alert) or a notice (role status). */
export function ResultLine({ error, notice }: { error?: string; notice?: string }) {
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (notice)
    return (
      <p className="notice" role="status">
        {notice}
      </p>
    );
  return null;
}

/** A link inside the console: a plain link for new tabs, the console's own navigation on a plain click. */
export function AppLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  const [path = to, search = ''] = to.split('?');
  return (
    <a
      href={to}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        navigate(path, new URLSearchParams(search));
      }}
    >
      {children}
    </a>
  );
}
