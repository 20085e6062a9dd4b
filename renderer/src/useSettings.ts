import { useCallback, useEffect, useState } from 'react';
import type { IpcError, Settings } from '../../electron/ipc/contract';
import { callApi } from './api';

/** Used until main answers, and kept if it cannot (the app still works with these). */
export const FALLBACK_SETTINGS: Settings = { theme: 'system', editorFontSize: 14 };

export function useSettings(): {
  settings: Settings;
  error: IpcError | undefined;
  update: (patch: Partial<Settings>) => void;
} {
  const [settings, setSettings] = useState<Settings>(FALLBACK_SETTINGS);
  const [error, setError] = useState<IpcError | undefined>();

  useEffect(() => {
    void callApi((api) => api.getSettings()).then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, []);

  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    void callApi((api) => api.setSettings(patch)).then((result) => {
      if (result.ok) {
        setSettings(result.value);
        setError(undefined);
      } else {
        setError(result.error);
      }
    });
  }, []);

  return { settings, error, update };
}
