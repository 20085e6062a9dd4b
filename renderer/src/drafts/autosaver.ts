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

export interface AutosaverOptions {
  readonly save: (text: string) => Promise<IpcResult<{ readonly savedAt: number }>>;
  readonly delayMs: number;
  readonly onStatus: (status: SaveStatus) => void;
  /** The text already stored, so an unchanged editor is never re-saved. */
  readonly initialText: string;
  readonly timers?: Timers;
}

export interface Autosaver {
  /** The editor changed: save after `delayMs` of quiet. */
  change(text: string): void;
  /** Save now if anything is unsaved (blur, hidden page, unload, leaving the screen). */
  flush(): Promise<void>;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Debounced, ordered draft saving. At most one save is in flight; edits made meanwhile are saved
 * right after it, so the stored text always ends up equal to the latest edit.
 */
export function createAutosaver(options: AutosaverOptions): Autosaver {
  const timers = options.timers ?? browserTimers;
  let latest = options.initialText;
  let stored = options.initialText;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;

  const cancelTimer = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const saveLatest = async (): Promise<void> => {
    const text = latest;
    options.onStatus({ kind: 'saving' });
    const result = await options.save(text);
    if (result.ok) {
      stored = text;
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
