// The sign-in form: user name and password, with the server's reason when it refuses.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { useSession } from './session.js';

export function LoginPage({ reason }: { reason?: 'expired' | 'signed-out' | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(username, password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.failed'));
      else if (err instanceof ApiError && err.status === 429)
        setError(t('login.rateLimited', { message: err.message }));
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">櫓</span> Yagura
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        {reason === 'expired' && <p className="notice">{t('login.expired')}</p>}
        {reason === 'signed-out' && <p className="notice">{t('login.signedOut')}</p>}
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || username === '' || password === ''}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
        <div className="login-footer">
          <LanguageSwitcher />
        </div>
      </form>
    </main>
  );
}
