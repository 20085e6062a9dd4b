import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LIFECYCLE_EVENTS } from '../../electron/ipc/channels';
import type { IpcResult } from '../../electron/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc/register';
import { FLUSH_TIMEOUT_MS, holdCloseUntilFlushed, installQuitFlow, requestRendererFlush, type Timers } from '../../electron/quit';
import { createAutosaver, type SavedDraft, type SaveStatus } from '../../renderer/src/drafts/autosaver';
import { flushAll, registerFlusher } from '../../renderer/src/lifecycle/flush';
import { testContext } from './helpers';

/**
 * The quit path without Electron: a fake app, window and page wired to the real IPC handlers,
 * quit flow and renderer flush registry, against a real SQLite file.
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

const APP_URL = 'file:///app/out/renderer/index.html';
const appFrame = { url: APP_URL, parent: null };

/** Timers the test fires by hand: "two seconds pass" without waiting two seconds. */
function manualTimers(): Timers & { delays: number[]; fireAll(): void } {
  const pending = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 0;
  return {
    delays,
    setTimeout: (callback, ms) => {
      next += 1;
      pending.set(next, callback);
      delays.push(ms);
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const callback of due) callback();
    },
  };
}

const unregisters: (() => void)[] = [];
afterEach(() => {
  while (unregisters.length > 0) unregisters.pop()?.();
});

function world(options: { readonly pageAnswers: boolean }) {
  const ctx = testContext();
  const ipcEvents = new Emitter();
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => void handlers.set(channel, handler),
    on: (channel: string, listener: Listener) => ipcEvents.on(channel, listener),
    removeListener: (channel: string, listener: Listener) => ipcEvents.removeListener(channel, listener),
  };
  registerIpcHandlers(ipcMain as unknown as Parameters<typeof registerIpcHandlers>[0], ctx, (url) => url === APP_URL);

  // The page: what electron/preload.ts does with a flush request, then answers with its id.
  const contents = {
    destroyed: false,
    isDestroyed(): boolean {
      return this.destroyed;
    },
    send(channel: string, id: unknown): void {
      if (channel !== LIFECYCLE_EVENTS.flushRequest || !options.pageAnswers) return;
      void flushAll().finally(() => ipcEvents.emit(LIFECYCLE_EVENTS.flushDone, { sender: contents }, id));
    },
  };

  class FakeWindow extends Emitter {
    destroyed = false;
    readonly webContents = contents;
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      if (this.destroyed) return;
      let prevented = false;
      this.emit('close', { preventDefault: () => void (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      contents.destroyed = true;
      this.emit('closed');
    }
  }
  const win = new FakeWindow();

  let quitted!: () => void;
  const quit = new Promise<void>((resolve) => {
    quitted = resolve;
  });
  class FakeApp extends Emitter {
    /** Electron's order: before-quit, close every window (a held close cancels), will-quit, exit. */
    quit(): void {
      this.emit('before-quit');
      win.close();
      if (!win.destroyed) return;
      let prevented = false;
      this.emit('will-quit', { preventDefault: () => void (prevented = true) });
      if (!prevented) quitted();
    }
  }
  const app = new FakeApp();

  const timers = manualTimers();
  const quitFlow = installQuitFlow(app, async () => {
    ctx.db.close();
  });
  holdCloseUntilFlushed(win, () => requestRendererFlush(ipcMain, contents, { timers }), {
    afterFlush: () => {
      if (quitFlow.quitRequested()) app.quit();
    },
  });

  /** The page's draft editor: the real autosaver, saving through the registered drafts:save handler. */
  const statuses: SaveStatus[] = [];
  const autosaver = createAutosaver({
    save: async (text, baseRevision) =>
      (await handlers.get('drafts:save')?.({ senderFrame: appFrame }, { promptId: 'banking', mode: 'practice', text, baseRevision })) as IpcResult<SavedDraft>,
    delayMs: 400,
    // Never fires by itself: the edit below is still waiting for its debounce when quit comes.
    timers: manualTimers(),
    onStatus: (status) => statuses.push(status),
    initialText: '',
    initialRevision: 0,
  });
  unregisters.push(registerFlusher(() => autosaver.flush()));

  const storedText = (): unknown => {
    const db = new Database(ctx.file, { readonly: true });
    try {
      return db.prepare("SELECT text FROM drafts WHERE prompt_id = 'banking' AND mode = 'practice'").pluck().get();
    } finally {
      db.close();
    }
  };
  return { ctx, app, win, timers, autosaver, statuses, quit, storedText };
}

describe('quitting with a save still pending', () => {
  it('saves the last edit through the handlers before the window closes and the database is closed', async () => {
    const { ctx, app, win, autosaver, statuses, quit, storedText } = world({ pageAnswers: true });
    autosaver.change('flowchart LR\n  typed --> just_before_quit');

    app.quit();
    expect(win.destroyed).toBe(false);
    await quit;

    expect(win.destroyed).toBe(true);
    expect(ctx.db.open).toBe(false);
    // The closing page's save was accepted (its frame was still there), not refused.
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: expect.any(Number) });
    expect(storedText()).toBe('flowchart LR\n  typed --> just_before_quit');
  });

  it('closes anyway after the bounded wait when the page never answers', async () => {
    const { ctx, app, win, timers, quit } = world({ pageAnswers: false });
    app.quit();
    await Promise.resolve();
    expect(win.destroyed).toBe(false);
    expect(timers.delays).toEqual([FLUSH_TIMEOUT_MS]);
    expect(FLUSH_TIMEOUT_MS).toBe(2000);

    timers.fireAll();
    await quit;
    expect(win.destroyed).toBe(true);
    expect(ctx.db.open).toBe(false);
  });

  it('counts only the answer from the same page with the same request id', async () => {
    const ipcEvents = new Emitter();
    const ipc = { on: (c: string, l: Listener) => ipcEvents.on(c, l), removeListener: (c: string, l: Listener) => ipcEvents.removeListener(c, l) };
    const sent: unknown[] = [];
    const contents = { isDestroyed: () => false, send: (_channel: string, id: unknown) => void sent.push(id) };
    const timers = manualTimers();
    let outcome: string | undefined;
    void requestRendererFlush(ipc, contents, { timers }).then((o) => {
      outcome = o;
    });
    ipcEvents.emit(LIFECYCLE_EVENTS.flushDone, { sender: {} }, sent[0]);
    ipcEvents.emit(LIFECYCLE_EVENTS.flushDone, { sender: contents }, 'another id');
    await Promise.resolve();
    expect(outcome).toBeUndefined();
    ipcEvents.emit(LIFECYCLE_EVENTS.flushDone, { sender: contents }, sent[0]);
    await Promise.resolve();
    expect(outcome).toBe('flushed');
  });
});
