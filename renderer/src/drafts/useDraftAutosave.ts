import { useEffect, useState } from 'react';
import type { AttemptMode } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { registerFlusher } from '../lifecycle/flush';
import { createAutosaver, type Autosaver, type SaveStatus } from './autosaver';
import { draftKey, trackLeavingSave } from './draftSync';

/** Quiet time before a draft is written; well under the 500 ms the product asks for. */
export const AUTOSAVE_DELAY_MS = 400;

/** The stored draft an editor starts from. */
export interface DraftStart {
  readonly text: string;
  /** 0 when nothing is stored yet. */
  readonly revision: number;
}

/**
 * Autosaves one prompt's draft: debounced while typing, and flushed when the editor loses focus,
 * the window is hidden or reloaded, main asks before closing the window (lifecycle/flush.ts), or the screen
 * goes away (that last save is tracked, so coming back waits for it: see draftSync.ts).
 */
export function useDraftAutosave(promptId: string, mode: AttemptMode, start: DraftStart): { autosaver: Autosaver; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'unchanged' });
  // One autosaver per mounted editor (callers key the editor by draft); `start` is only its starting point.
  const [autosaver] = useState(() =>
      createAutosaver({
        save: (text, baseRevision) => callApi((api) => api.saveDraft({ promptId, mode, text, baseRevision })),
        delayMs: AUTOSAVE_DELAY_MS,
        onStatus: setStatus,
        initialText: start.text,
        initialRevision: start.revision,
      }),
  );

  useEffect(() => {
    const unregister = registerFlusher(() => autosaver.flush());
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void autosaver.flush();
    };
    // A reload is not a close (main is not asked to flush): save on the way out, best effort.
    const onPageHide = (): void => void autosaver.flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      trackLeavingSave(draftKey(promptId, mode), autosaver.flush());
    };
  }, [autosaver, promptId, mode]);

  return { autosaver, status };
}
