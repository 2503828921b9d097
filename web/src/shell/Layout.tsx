// The frame around every page: header with tenant, language and user; the menu of the pages one may open.
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/states.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { navigate } from './router.js';
import type { PageDefinition } from './pages.js';
import { useSession, type Me } from './session.js';
import { TenantSwitcher } from './TenantSwitcher.js';

export function Layout({
  me,
  pages,
  current,
  children,
}: {
  me: Me;
  pages: readonly PageDefinition[];
  current: PageDefinition | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            櫓
          </span>
          Yagura
        </div>
        <div className="topbar-controls">
          <TenantSwitcher />
          <LanguageSwitcher />
          <span className="user" data-testid="user">
            {me.username} <span className="role">{t(`role.${me.role}`, { defaultValue: me.role })}</span>
          </span>
          <button type="button" onClick={() => void session.signOut()}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('shell.navigation')}>
        <ul>
          {pages.map((page) => (
            <li key={page.path}>
              <a
                href={page.path}
                aria-current={page === current ? 'page' : undefined}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  navigate(page.path);
                }}
              >
                {t(page.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}
