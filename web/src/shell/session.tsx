// Who is signed in, what they may do, which tenants they see, and which tenant the console shows now.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { ApiError, createApi, unwrap, type Api, type Tenant } from '../api/client.js';
import { isLanguage, rememberLanguage, type Language } from '../i18n/index.js';

export const ALL_TENANTS = '*';

export interface Me {
  id: string;
  username: string;
  role: string;
  /** Tenant ids the user acts in, or 'all'. */
  tenants: 'all' | string[];
  permissions: ReadonlySet<string>;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'error'; error: ApiError }
  | { status: 'signed-in'; me: Me };

export interface Session {
  api: Api;
  state: SessionState;
  tenants: Tenant[];
  /** A tenant id, or ALL_TENANTS for "all my tenants". */
  tenant: string;
  setTenant(id: string): void;
  /** The tenants to ask the API for: the chosen one, or undefined for all the user's tenants. */
  tenantFilter: string[] | undefined;
  /** The zone to show times in: the chosen tenant's; for several tenants, their shared zone or UTC. */
  zone: string;
  zoneOf(tenantId: string): string;
  can(permission: string): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);
const TENANT_KEY = 'yagura.tenant';

interface MeAnswer {
  user: { id: string; username: string; role: string; tenants: 'all' | string[] };
  csrfToken?: string;
  permissions?: string[];
  language?: string | null;
}

export function SessionProvider({ children, api: given }: { children: ReactNode; api?: Api }) {
  const api = useMemo(
    () =>
      given ?? createApi({ onUnauthorized: () => window.dispatchEvent(new Event('yagura:unauthorized')) }),
    [given],
  );
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [tenant, setTenantState] = useState<string>(() => localStorage.getItem(TENANT_KEY) ?? ALL_TENANTS);
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback(
    async (answer: MeAnswer) => {
      api.setCsrfToken(answer.csrfToken);
      if (isLanguage(answer.language) && answer.language !== i18next.language) {
        rememberLanguage(answer.language);
        await i18next.changeLanguage(answer.language);
      }
      const list: Tenant[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.client.GET('/api/tenants', { params: { query: { limit: 500, status: 'active', cursor } } }),
        );
        list.push(...page.items);
        cursor = page.next;
      } while (cursor);
      setTenants(list);
      setState({
        status: 'signed-in',
        me: { ...answer.user, permissions: new Set(answer.permissions ?? []) },
      });
    },
    [api],
  );

  useEffect(() => {
    let stale = false;
    unwrap(api.client.GET('/api/auth/me'))
      .then((answer) => (stale ? undefined : adopt(answer as MeAnswer)))
      .catch((e: unknown) => {
        if (stale) return;
        if (e instanceof ApiError && e.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', error: toApiError(e) });
      });
    return () => {
      stale = true;
    };
  }, [api, adopt, attempt]);

  // A 401 on any later call means the session ended (expired, or signed out elsewhere).
  useEffect(() => {
    const onExpired = () => setState({ status: 'signed-out', reason: 'expired' });
    window.addEventListener('yagura:unauthorized', onExpired);
    return () => window.removeEventListener('yagura:unauthorized', onExpired);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await unwrap(api.client.POST('/api/auth/login', { body: { username, password } }));
      const me = await unwrap(api.client.GET('/api/auth/me'));
      await adopt({ ...(me as MeAnswer), csrfToken: answer.csrfToken ?? (me as MeAnswer).csrfToken });
    },
    [api, adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.client.POST('/api/auth/logout'));
    } finally {
      api.setCsrfToken(undefined);
      setTenants([]);
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, [api]);

  const setLanguage = useCallback(
    async (language: Language) => {
      rememberLanguage(language);
      await i18next.changeLanguage(language);
      if (state.status === 'signed-in') {
        await unwrap(api.client.PUT('/api/auth/me/preferences', { body: { language } })).catch(
          () => undefined,
        );
      }
    },
    [api, state.status],
  );

  const setTenant = useCallback((id: string) => {
    localStorage.setItem(TENANT_KEY, id);
    setTenantState(id);
  }, []);

  const value = useMemo<Session>(() => {
    const byId = new Map(tenants.map((t) => [t.id, t]));
    const chosen = byId.has(tenant) ? tenant : tenants.length === 1 ? tenants[0]!.id : ALL_TENANTS;
    const zones = new Set(tenants.map((t) => t.timeZone));
    const zone =
      chosen !== ALL_TENANTS
        ? (byId.get(chosen)?.timeZone ?? 'UTC')
        : zones.size === 1
          ? [...zones][0]!
          : 'UTC';
    const me = state.status === 'signed-in' ? state.me : undefined;
    return {
      api,
      state,
      tenants,
      tenant: chosen,
      setTenant,
      tenantFilter: chosen === ALL_TENANTS ? undefined : [chosen],
      zone,
      zoneOf: (id) => byId.get(id)?.timeZone ?? zone,
      can: (permission) => me?.permissions.has(permission) ?? false,
      signIn,
      signOut,
      setLanguage,
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    };
  }, [api, state, tenants, tenant, setTenant, signIn, signOut, setLanguage]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'UNEXPECTED', e instanceof Error ? e.message : String(e));
}
