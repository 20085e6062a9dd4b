import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createSettingsRepo } from '../../../electron/db/settings';
import { createMainWindow, secureWebPreferences } from '../../../electron/window/mainWindow';
import { WINDOW_STATE_SETTING_KEY } from '../../../electron/window/state';
import { FakeWebContents } from '../fakeElectron';
import { fixedClock, tempDb } from '../helpers';

class RecordingWindow {
  static created: RecordingWindow[] = [];
  readonly handlers = new Map<string, () => void>();
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn(async () => undefined);
  readonly loadURL = vi.fn(async () => undefined);
  readonly show = vi.fn();
  readonly maximize = vi.fn();
  readonly isMaximized = vi.fn(() => true);
  readonly getNormalBounds = vi.fn(() => ({ x: 10.4, y: 20.6, width: 900, height: 650 }));
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.created.push(this);
  }
  on(event: string, handler: () => void): this {
    this.handlers.set(event, handler);
    return this;
  }
  once(event: string, handler: () => void): this {
    return this.on(event, handler);
  }
}

const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as Electron.Display[] };

function open(entry: Parameters<typeof createMainWindow>[0]['entry'], stored?: unknown) {
  const settings = createSettingsRepo(tempDb().db);
  if (stored !== undefined) settings.set(WINDOW_STATE_SETTING_KEY, stored, 1);
  RecordingWindow.created = [];
  createMainWindow({
    BrowserWindow: RecordingWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
    screen,
    settings,
    clock: fixedClock(),
    preloadPath: '/app/out/preload/index.cjs',
    entry,
    title: 'Sysdrill',
  });
  const win = RecordingWindow.created[0];
  if (win === undefined) throw new Error('no window');
  return { win, settings };
}

describe('secureWebPreferences', () => {
  it('builds exactly the hardened preferences, nothing more', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('createMainWindow', () => {
  it('uses the secure preferences, stays hidden until painted and loads app://, never a file', () => {
    const { win } = open({ kind: 'app', url: 'app://sysdrill/index.html', rendererDir: '/app/out/renderer' });
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
    expect(win.options.show).toBe(false);
    win.handlers.get('ready-to-show')?.();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://sysdrill/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('opens where it was closed, maximised again if it was', () => {
    const { win } = open({ kind: 'app', url: 'app://sysdrill/index.html', rendererDir: '/app/out/renderer' }, { x: 50, y: 60, width: 1000, height: 700, maximized: true });
    expect(win.options).toMatchObject({ x: 50, y: 60, width: 1000, height: 700 });
    win.handlers.get('ready-to-show')?.();
    expect(win.maximize).toHaveBeenCalledOnce();
  });

  it('stores its normal bounds, rounded, and the maximised flag when closed', () => {
    const { win, settings } = open({ kind: 'app', url: 'app://sysdrill/index.html', rendererDir: '/app/out/renderer' });
    win.handlers.get('close')?.();
    expect(settings.get(WINDOW_STATE_SETTING_KEY)).toEqual({ x: 10, y: 21, width: 900, height: 650, maximized: true });
  });

  it('closes without throwing when the window state cannot be written (read-only database), and logs why', () => {
    const { file } = tempDb();
    const readOnly = new Database(file, { readonly: true });
    const log = vi.fn();
    RecordingWindow.created = [];
    createMainWindow({
      BrowserWindow: RecordingWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
      screen,
      settings: createSettingsRepo(readOnly),
      clock: fixedClock(),
      preloadPath: '/app/out/preload/index.cjs',
      entry: { kind: 'app', url: 'app://sysdrill/index.html', rendererDir: '/app/out/renderer' },
      title: 'Sysdrill',
      log,
    });
    try {
      expect(() => RecordingWindow.created[0]?.handlers.get('close')?.()).not.toThrow();
      expect(log).toHaveBeenCalledWith('[window] could not remember the window position', expect.objectContaining({ code: 'SQLITE_READONLY' }));
    } finally {
      readOnly.close();
    }
  });

  it('loads the dev server URL only for a dev-server entry', () => {
    const { win } = open({ kind: 'dev-server', url: 'http://localhost:5173/' });
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win.loadFile).not.toHaveBeenCalled();
  });
});
