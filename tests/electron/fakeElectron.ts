import { vi } from 'vitest';

/**
 * Just enough of Electron's main-process API for electron/main.ts to run in plain Node, with
 * every call recorded so tests can assert how the app wired itself. No behaviour is faked
 * beyond what Electron documents (events, handler registration, return values).
 */

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

export class FakeWebContents extends Emitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return false;
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export interface FakeElectronState {
  userDataDir: string;
  appPath: string;
  gotLock: boolean;
}

export function createFakeElectron(state: FakeElectronState) {
  let ready = false;
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => (name === 'userData' ? '/nonexistent/electron-default-user-data' : `/nonexistent/${name}`)),
    setPath: vi.fn<(...args: unknown[]) => void>(),
    getAppPath: vi.fn(() => state.appPath),
    requestSingleInstanceLock: vi.fn(() => state.gotLock),
    quit: vi.fn<(...args: unknown[]) => void>(),
    whenReady: vi.fn(() =>
      Promise.resolve().then(() => {
        ready = true;
      }),
    ),
  });

  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends Emitter {
    static getAllWindows = (): FakeBrowserWindow[] => windows;
    readonly webContents = new FakeWebContents();
    readonly loadFile = vi.fn(async () => undefined);
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn<(...args: unknown[]) => void>();
    readonly maximize = vi.fn<(...args: unknown[]) => void>();
    readonly focus = vi.fn<(...args: unknown[]) => void>();
    readonly restore = vi.fn<(...args: unknown[]) => void>();
    readonly isMinimized = vi.fn(() => false);
    readonly isMaximized = vi.fn(() => false);
    readonly getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1000, height: 700 }));
    readonly isDestroyed = vi.fn(() => false);
    readonly close = vi.fn<(...args: unknown[]) => void>();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      // Electron announces every new web contents on the app object.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const ipcEvents = new Emitter();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Listener) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    on: vi.fn((channel: string, listener: Listener) => ipcEvents.on(channel, listener)),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      ipcEvents.listeners.set(channel, (ipcEvents.listeners.get(channel) ?? []).filter((l) => l !== listener));
    }),
  };

  const defaultSession = {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onBeforeRequest: (handler: Listener) => {
        defaultSession.beforeRequest = handler;
      },
    },
  };

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn<(...args: unknown[]) => void>(),
  };
  const shell = { openExternal: vi.fn(async () => undefined) };
  /** Save/open dialogs answer with the next queued path; an empty queue is the user cancelling. */
  const dialogAnswers = { save: [] as string[], open: [] as string[] };
  const dialog = {
    showErrorBox: vi.fn<(...args: unknown[]) => void>(),
    showMessageBox: vi.fn<(...args: unknown[]) => Promise<{ response: number }>>(async () => ({ response: 0 })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => {
      const filePath = dialogAnswers.save.shift();
      return filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath };
    }),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => {
      const filePath = dialogAnswers.open.shift();
      return filePath === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [filePath] };
    }),
  };
  const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) };

  // Electron throws when schemes are made privileged after `ready`, and on a second handler.
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    privilegedSchemes: [] as unknown[],
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      protocol.privilegedSchemes.push(...schemes);
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      if (!ready) throw new Error('protocol.handle may only be called after app is ready');
      if (protocolHandlers.has(scheme)) throw new Error(`The scheme has been handled: ${scheme}`);
      protocolHandlers.set(scheme, handler);
    }),
  };

  const module = { app, BrowserWindow: FakeBrowserWindow, ipcMain, session: { defaultSession }, Menu, shell, dialog, screen, protocol };
  return { module, windows, ipcHandlers, ipcEvents, defaultSession, protocolHandlers, dialogAnswers };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

const REGISTRY_KEY = Symbol.for('sysdrill.test.fakeElectron');

/** Makes `fake` the module `vi.mock('electron', …)` hands out (kept on globalThis so it survives vi.resetModules). */
export function installFakeElectron(fake: FakeElectron): FakeElectron {
  (globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = fake;
  return fake;
}

/**
 * The module `vi.mock('electron', …)` returns: every export is a getter reading the installed
 * fake at access time, so a re-imported main (vi.resetModules) sees the fake installed for it.
 */
export function fakeElectronModule(): FakeElectron['module'] {
  const current = (): FakeElectron['module'] => {
    const fake = (globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as FakeElectron | undefined;
    if (fake === undefined) throw new Error('installFakeElectron() must run before electron is imported');
    return fake.module;
  };
  return {
    get app() {
      return current().app;
    },
    get BrowserWindow() {
      return current().BrowserWindow;
    },
    get ipcMain() {
      return current().ipcMain;
    },
    get session() {
      return current().session;
    },
    get Menu() {
      return current().Menu;
    },
    get shell() {
      return current().shell;
    },
    get dialog() {
      return current().dialog;
    },
    get screen() {
      return current().screen;
    },
    get protocol() {
      return current().protocol;
    },
  };
}
