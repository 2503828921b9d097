// The query box: runs on Enter, shows a syntax error under the query with a caret where the server found it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';

export function QueryBar({
  query,
  error,
  busy,
  onSubmit,
}: {
  query: string;
  error: ApiError | undefined;
  busy: boolean;
  onSubmit: (query: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(query), [query]);

  // "/" anywhere outside a text field jumps to the query box, as in most log consoles.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft.trim());
  };
  const syntax = error && error.code === 'QUERY_SYNTAX' ? error : undefined;
  const offset = syntax?.offset;

  return (
    <form className="query-bar" role="search" onSubmit={submit}>
      <label htmlFor="search-query" className="visually-hidden">
        {t('search.queryLabel')}
      </label>
      <input
        id="search-query"
        ref={input}
        className="query-input"
        type="search"
        spellCheck={false}
        autoComplete="off"
        placeholder={t('search.queryPlaceholder')}
        value={draft}
        aria-invalid={syntax ? true : undefined}
        aria-describedby={syntax ? 'query-error' : 'query-hint'}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('search.run')}
      </button>
      <p id="query-hint" className="visually-hidden">
        {t('search.queryHint')}
      </p>
      {syntax && (
        <div id="query-error" className="query-error" role="alert" data-testid="query-error">
          <span>{t('search.syntaxError', { message: syntax.message })}</span>
          {offset !== undefined && (
            <pre className="query-pointer" aria-hidden="true">
              {query.slice(0, offset)}
              <mark>{query.slice(offset, offset + 1) || ' '}</mark>
              {query.slice(offset + 1)}
              {'\n'}
              {' '.repeat(offset)}^
            </pre>
          )}
        </div>
      )}
    </form>
  );
}
