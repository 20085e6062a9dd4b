/**
 * When to check the editor's text (parse, draw, grade): at once after a pause, debounced while
 * typing fast, one check at a time, and never a result older than one already shown. No React
 * here: the editor's changes arrive as calls, results leave through `onResult`.
 */

export interface PipelineTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Keys closer together than this are "typing fast": the check waits for the typing to pause. */
export const TYPING_GAP_MS = 250;
/** How long a pause in fast typing must last before the check runs. */
export const TYPING_DEBOUNCE_MS = 200;

/**
 * The wait before checking a text changed `gapMs` after the previous change (Infinity for the
 * first change): none after a pause, so a single edit shows at once; a debounce while typing fast.
 */
export function adaptiveDelay(gapMs: number): number {
  return gapMs >= TYPING_GAP_MS ? 0 : TYPING_DEBOUNCE_MS;
}

export interface LivePipelineOptions<R> {
  readonly check: (text: string) => Promise<R>;
  /** Called with the checked text and its result, in the order the texts were typed, never older after newer. */
  readonly onResult: (text: string, result: R) => void;
  readonly delay?: (gapMs: number) => number;
  readonly timers?: PipelineTimers;
}

export interface LivePipeline {
  /** The editor's text changed (the text it already has is not checked again). */
  change(text: string): void;
  /** Check the current text again (what it is checked against changed: the theme, the rubric). */
  refresh(): void;
  /** Nothing more is checked or reported. */
  dispose(): void;
}

const browserTimers: PipelineTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => performance.now(),
};

export function createLivePipeline<R>(options: LivePipelineOptions<R>): LivePipeline {
  const timers = options.timers ?? browserTimers;
  const delay = options.delay ?? adaptiveDelay;
  let text: string | undefined;
  /** Numbers every change; a result is reported only if its number beats the last reported. */
  let latest = 0;
  let reported = 0;
  let lastChangeAt: number | undefined;
  let timer: unknown;
  let running = false;
  /** The timer fired while a check was running: run the latest text as soon as it ends. */
  let due = false;
  let disposed = false;

  const run = (): void => {
    if (disposed || text === undefined) return;
    if (running) {
      due = true;
      return;
    }
    due = false;
    running = true;
    const checked = text;
    const number = latest;
    void options
      .check(checked)
      .then(
        (result) => {
          if (disposed || number <= reported) return;
          reported = number;
          options.onResult(checked, result);
        },
        () => undefined,
      )
      .finally(() => {
        running = false;
        if (due && latest > number) run();
      });
  };

  const schedule = (wait: number): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    // No wait: checked in this same task (the check's result still arrives later, from its promise),
    // not after whatever else the busy page has queued.
    if (wait <= 0) {
      run();
      return;
    }
    timer = timers.setTimeout(() => {
      timer = undefined;
      run();
    }, wait);
  };

  return {
    change(next) {
      if (disposed || next === text) return;
      const at = timers.now();
      const gap = lastChangeAt === undefined ? Number.POSITIVE_INFINITY : at - lastChangeAt;
      lastChangeAt = at;
      text = next;
      latest += 1;
      schedule(delay(gap));
    },
    refresh() {
      if (disposed || text === undefined) return;
      latest += 1;
      schedule(0);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
