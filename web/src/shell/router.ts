// A small history router: the path picks the page, the query string holds the page's state (shareable links).
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function notify(): void {
  for (const l of listeners) l();
}

export function navigate(path: string, params?: URLSearchParams, opts: { replace?: boolean } = {}): void {
  const search = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  const url = `${path}${search}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current query string as a value, and a setter that pushes a new history entry. */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams, replace?: boolean) => void] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  const set = useCallback((next: URLSearchParams, replace = false) => {
    navigate(window.location.pathname, next, { replace });
  }, []);
  return [new URLSearchParams(search), set];
}
