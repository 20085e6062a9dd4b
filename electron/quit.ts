import { LIFECYCLE_EVENTS } from './ipc/channels';

/**
 * Nothing typed is lost on close or quit: the window is not allowed to close until its page has
 * saved what is unsaved (bounded, so a hung page cannot keep the app open), and the database is
 * closed only after the last window has gone and the shutdown work (backup) has run.
 */

/** How long main waits for the page to report its saves done before closing anyway. */
export const FLUSH_TIMEOUT_MS = 2000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type Log = (message: string, error?: unknown) => void;

/** The parts of Electron's webContents and ipcMain the flush handshake uses. */
export interface FlushTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

type FlushDoneListener = (event: { readonly sender: unknown }, id: unknown) => void;

export interface FlushEvents {
  on(channel: string, listener: FlushDoneListener): unknown;
  removeListener(channel: string, listener: FlushDoneListener): unknown;
}

export type FlushOutcome = 'flushed' | 'timed-out' | 'no-page';

let nextRequestId = 1;

/**
 * Asks the page in `contents` to save everything now and resolves when it answers, or after
 * `timeoutMs`; never rejects. Only the answer from that same page with this request's id counts.
 */
export function requestRendererFlush(
  ipc: FlushEvents,
  contents: FlushTarget,
  options: { readonly timeoutMs?: number; readonly timers?: Timers } = {},
): Promise<FlushOutcome> {
  if (contents.isDestroyed()) return Promise.resolve('no-page');
  const timers = options.timers ?? nodeTimers;
  const id = nextRequestId++;
  return new Promise((resolve) => {
    const finish = (outcome: FlushOutcome): void => {
      timers.clearTimeout(timer);
      ipc.removeListener(LIFECYCLE_EVENTS.flushDone, onDone);
      resolve(outcome);
    };
    const onDone: FlushDoneListener = (event, answeredId) => {
      if (event.sender === contents && answeredId === id) finish('flushed');
    };
    const timer = timers.setTimeout(() => finish('timed-out'), options.timeoutMs ?? FLUSH_TIMEOUT_MS);
    ipc.on(LIFECYCLE_EVENTS.flushDone, onDone);
    try {
      contents.send(LIFECYCLE_EVENTS.flushRequest, id);
    } catch {
      finish('no-page');
    }
  });
}

/** The parts of a BrowserWindow that closing uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/**
 * Holds the window's first close until `flush` settles, then closes it for real. A second close
 * request while flushing is absorbed; `afterFlush` runs right after the real close (main resumes
 * a quit that the held close cancelled).
 */
export function holdCloseUntilFlushed(
  win: ClosableWindow,
  flush: () => Promise<unknown>,
  options: { readonly log?: Log; readonly afterFlush?: () => void } = {},
): void {
  let state: 'open' | 'flushing' | 'flushed' = 'open';
  win.on('close', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    void flush()
      .catch((error: unknown) => options.log?.('[quit] saving before close failed', error))
      .finally(() => {
        state = 'flushed';
        if (!win.isDestroyed()) win.close();
        options.afterFlush?.();
      });
  });
}

/** The parts of Electron's app the quit flow uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitFlow {
  /** True once the user asked to quit (menu, Cmd+Q, last window closed). */
  readonly quitRequested: () => boolean;
}

/**
 * On `will-quit` (every window is closed by then, and each flushed before closing), holds the
 * quit once to run `shutdown` (backup, close the database), then quits for real. A failing
 * shutdown is logged; the app still quits.
 */
export function installQuitFlow(app: QuittingApp, shutdown: () => Promise<void>, log: Log = () => undefined): QuitFlow {
  let quitRequested = false;
  let state: 'running' | 'shutting-down' | 'done' = 'running';
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'shutting-down') return;
    state = 'shutting-down';
    void Promise.resolve()
      .then(shutdown)
      .catch((error: unknown) => log('[quit] shutdown failed', error))
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
  return { quitRequested: () => quitRequested };
}
