// Runs an API call when its inputs change, cancels the one it replaces, and reports loading, data or error.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client.js';
import { toApiError } from '../shell/session.js';

export type RequestState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'done'; data: T }
  | { status: 'error'; error: ApiError; data?: T };

export function useRequest<T>(
  run: ((signal: AbortSignal) => Promise<T>) | undefined,
  deps: readonly unknown[],
): RequestState<T> & { reload: () => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!run) return;
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', ...(s.data !== undefined ? { data: s.data } : {}) }));
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'done', data });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(e) });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
