import type { BrowserWindow, BrowserWindowConstructorOptions, Screen, WebPreferences } from 'electron';
import type { AppEntry } from '../appEntry';
import type { SettingsRepo } from '../db/settings';
import type { Clock } from '../ipc/handlers';
import { initialBounds, MIN_WINDOW_SIZE, saveWindowState, WINDOW_STATE_SETTING_KEY, type WindowState } from './state';

/** Electron's security checklist for the one window: an isolated, sandboxed, Node-free page. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

export interface MainWindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly screen: Pick<Screen, 'getAllDisplays'>;
  readonly settings: SettingsRepo;
  readonly clock: Clock;
  readonly preloadPath: string;
  readonly entry: AppEntry;
  readonly title: string;
  /** Where failures inside the window's event handlers go (they never throw out of them). */
  readonly log?: (message: string, error: unknown) => void;
}

/** Creates the window where it was last closed, shows it once painted, remembers it on close. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const workAreas = deps.screen.getAllDisplays().map((display) => display.workArea);
  const { maximized, ...bounds } = initialBounds(deps.settings.get(WINDOW_STATE_SETTING_KEY), workAreas);

  const win = new deps.BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: deps.title,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(deps.preloadPath),
  });

  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });

  win.on('close', () => {
    const normal = win.getNormalBounds();
    const state: WindowState = {
      x: Math.round(normal.x),
      y: Math.round(normal.y),
      width: Math.round(normal.width),
      height: Math.round(normal.height),
      maximized: win.isMaximized(),
    };
    saveWindowState(deps.settings, state, deps.clock.now(), deps.log ?? ((message, error) => console.error(message, error)));
  });

  // app://sysdrill/index.html (protocol.ts), or the dev server in `npm run dev`; never file://.
  void win.loadURL(deps.entry.url);
  return win;
}
