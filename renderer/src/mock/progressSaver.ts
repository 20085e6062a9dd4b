import type { IpcError, IpcResult } from '../../../electron/ipc/contract';

export interface SaverTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: SaverTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export interface ProgressSaver<T> {
  /** Something changed: it is written within `maxDelayMs`. */
  change(value: T): void;
  /** Write the latest value now (phase change, curveball, blur, hidden page, quit). */
  flush(): Promise<void>;
}

/**
 * Writes the latest state of an in-progress attempt, at most one write in flight. Unlike the
 * draft autosaver it does not wait for quiet: a change is written at most `maxDelayMs` after it
 * happened even while the candidate keeps typing, so a crash loses at most that much.
 */
export function createProgressSaver<T>(options: {
  readonly save: (value: T) => Promise<IpcResult<unknown>>;
  readonly maxDelayMs: number;
  readonly onError: (error: IpcError | undefined) => void;
  readonly timers?: SaverTimers;
}): ProgressSaver<T> {
  const timers = options.timers ?? browserTimers;
  let latest: T | undefined;
  let dirty = false;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    while (inFlight !== undefined) await inFlight;
    if (!dirty || latest === undefined) return;
    const value = latest;
    dirty = false;
    inFlight = options
      .save(value)
      .then((result) => {
        options.onError(result.ok ? undefined : result.error);
        if (!result.ok) dirty = true;
      })
      .finally(() => {
        inFlight = undefined;
      });
    await inFlight;
  };

  return {
    change(value) {
      latest = value;
      dirty = true;
      // The first change starts the clock; later ones ride on it, so typing never postpones a write.
      timer ??= timers.setTimeout(() => {
        timer = undefined;
        void flush();
      }, options.maxDelayMs);
    },
    flush,
  };
}
