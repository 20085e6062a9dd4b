import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { IpcError, IpcResult, SysdrillApi } from '../../electron/ipc/contract';
import { callApi } from './api';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: IpcError }
  | { readonly state: 'ready'; readonly value: T };

const LOADING = { state: 'loading' } as const;

/**
 * Runs a main-process call when `key` changes and tracks its result. A result that arrives after
 * the key changed again is dropped, so a slow answer never overwrites a newer screen.
 */
export function useApiCall<T>(key: string, call: (api: SysdrillApi) => Promise<IpcResult<T>>): { loadable: Loadable<T>; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The answer with the request it answers: a newer key or a reload shows "loading" until its own answer.
  const [answer, setAnswer] = useState<{ readonly key: string; readonly attempt: number; readonly loadable: Loadable<T> } | undefined>();
  // `call` is recreated on every render; `key` names what it fetches.
  const fetch = useEffectEvent(() => callApi(call));

  useEffect(() => {
    let current = true;
    void fetch().then((result) => {
      if (!current) return;
      setAnswer({ key, attempt, loadable: result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loadable: Loadable<T> = answer !== undefined && answer.key === key && answer.attempt === attempt ? answer.loadable : LOADING;
  return { loadable, reload };
}
