import { useCallback, useEffect, useState } from 'react';
import type { IpcError, Settings } from '../../electron/ipc/contract';
import { callApi } from './api';

/** Used until main answers, and kept if it cannot (the app still works with these). */
export const FALLBACK_SETTINGS: Settings = { theme: 'system', editorFontSize: 14, mockTimeWhileClosed: 'running' };

export function useSettings(): {
  settings: Settings;
  error: IpcError | undefined;
  update: (patch: Partial<Settings>) => void;
  /** Reads the settings again (after an import replaced the data). */
  reload: () => void;
} {
  const [settings, setSettings] = useState<Settings>(FALLBACK_SETTINGS);
  const [error, setError] = useState<IpcError | undefined>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void callApi((api) => api.getSettings()).then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

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

  return { settings, error, update, reload };
}
