import type { IpcError, IpcResult } from '../../../electron/ipc/contract';

export type SaveStatus =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'error'; readonly error: IpcError };

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SavedDraft {
  readonly savedAt: number;
  readonly revision: number;
}

export interface AutosaverOptions {
  /** Stores `text` as an edit of `baseRevision`; main refuses it (`conflict`) when a newer one is stored. */
  readonly save: (text: string, baseRevision: number) => Promise<IpcResult<SavedDraft>>;
  readonly delayMs: number;
  readonly onStatus: (status: SaveStatus) => void;
  /** The text already stored, so an unchanged editor is never re-saved. */
  readonly initialText: string;
  /** The stored draft's revision (0 when there is none): the base of the first save. */
  readonly initialRevision: number;
  readonly timers?: Timers;
}

export interface Autosaver {
  /** The editor changed: save after `delayMs` of quiet. */
  change(text: string): void;
  /** Save now if anything is unsaved (blur, hidden page, quit, leaving the screen). */
  flush(): Promise<void>;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Debounced, ordered draft saving. At most one save is in flight; edits made meanwhile are saved
 * right after it, so the stored text always ends up equal to the latest edit. Every save names
 * the revision it edits, so a save can never replace a newer text (main refuses it).
 */
export function createAutosaver(options: AutosaverOptions): Autosaver {
  const timers = options.timers ?? browserTimers;
  let latest = options.initialText;
  let stored = options.initialText;
  let revision = options.initialRevision;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;

  const cancelTimer = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const saveLatest = async (): Promise<void> => {
    const text = latest;
    options.onStatus({ kind: 'saving' });
    const result = await options.save(text, revision);
    if (result.ok) {
      stored = text;
      revision = result.value.revision;
      options.onStatus(latest === stored ? { kind: 'saved', at: result.value.savedAt } : { kind: 'pending' });
    } else {
      options.onStatus({ kind: 'error', error: result.error });
    }
  };

  const flush = async (): Promise<void> => {
    cancelTimer();
    while (inFlight !== undefined) await inFlight;
    if (latest === stored) return;
    inFlight = saveLatest().finally(() => {
      inFlight = undefined;
    });
    await inFlight;
  };

  return {
    change(text) {
      latest = text;
      cancelTimer();
      if (latest === stored && inFlight === undefined) {
        options.onStatus({ kind: 'unchanged' });
        return;
      }
      options.onStatus({ kind: 'pending' });
      timer = timers.setTimeout(() => {
        timer = undefined;
        void flush();
      }, options.delayMs);
    },
    flush,
  };
}
