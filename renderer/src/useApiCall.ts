import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult, SysdrillApi } from '../../electron/ipc/contract';
import { callApi } from './api';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: IpcError }
  | { readonly state: 'ready'; readonly value: T };

/**
 * Runs a main-process call when `key` changes and tracks its result. A result that arrives after
 * the key changed again is dropped, so a slow answer never overwrites a newer screen.
 */
export function useApiCall<T>(key: string, call: (api: SysdrillApi) => Promise<IpcResult<T>>): { loadable: Loadable<T>; reload: () => void } {
  const [loadable, setLoadable] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoadable({ state: 'loading' });
    void callApi(call).then((result) => {
      if (!current) return;
      setLoadable(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
    // `call` is recreated on every render; `key` names what it fetches.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { loadable, reload };
}
