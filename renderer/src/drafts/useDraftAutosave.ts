import { useEffect, useMemo, useState } from 'react';
import type { AttemptMode } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { createAutosaver, type Autosaver, type SaveStatus } from './autosaver';

/** Quiet time before a draft is written; well under the 500 ms the product asks for. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Autosaves one prompt's draft: debounced while typing, and flushed when the editor loses focus,
 * the window is hidden or closed, or the screen goes away.
 */
export function useDraftAutosave(promptId: string, mode: AttemptMode, initialText: string): { autosaver: Autosaver; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'unchanged' });
  const autosaver = useMemo(
    () =>
      createAutosaver({
        save: (text) => callApi((api) => api.saveDraft({ promptId, mode, text })),
        delayMs: AUTOSAVE_DELAY_MS,
        onStatus: setStatus,
        initialText,
      }),
    // One autosaver per draft; `initialText` is only its starting point.
    [promptId, mode],
  );

  useEffect(() => {
    const flush = (): void => void autosaver.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [autosaver]);

  return { autosaver, status };
}
