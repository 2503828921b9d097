// The console's root: sign-in gate, then the page the path names among those the user's role may open.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { Layout } from './Layout.js';
import { LoginPage } from './LoginPage.js';
import { PAGES } from './pages.js';
import { navigate, usePath } from './router.js';
import { SessionProvider, useSession } from './session.js';

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const session = useSession();
  const { state } = session;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={session.retry} />;
  if (state.status === 'signed-out') return <LoginPage reason={state.reason} />;
  return <SignedIn />;
}

function SignedIn() {
  const { t } = useTranslation();
  const session = useSession();
  const path = usePath();
  const pages = PAGES.filter((p) => session.can(p.permission));
  const current = pages.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  const fallback = pages[0];

  useEffect(() => {
    if (!current && fallback && (path === '/' || path === ''))
      navigate(fallback.path, undefined, { replace: true });
  }, [current, fallback, path]);

  useEffect(() => {
    document.title = current ? `${t(current.label)} · Yagura` : 'Yagura';
  }, [current, t]);

  if (session.state.status !== 'signed-in') return null;
  const Page = current?.component;
  return (
    <Layout me={session.state.me} pages={pages} current={current}>
      {Page ? (
        <Page />
      ) : pages.length === 0 ? (
        <EmptyState title={t('shell.noPagesTitle')}>{t('shell.noPagesHint')}</EmptyState>
      ) : path === '/' ? (
        <Loading />
      ) : (
        <EmptyState title={t('shell.notFoundTitle')}>{t('shell.notFoundHint')}</EmptyState>
      )}
    </Layout>
  );
}
