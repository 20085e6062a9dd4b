import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chooseAppEntry, isAppDocumentUrl } from './appEntry';
import { openDatabase } from './db/open';
import { openErrorMessage } from './db/openErrorMessage';
import { createSettingsRepo } from './db/settings';
import type { Db } from './db/types';
import { systemClock } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { appPaths, resolveBuiltinPromptsDir, resolveElectronNativeBinding, resolveGlossaryFile, resolveUserDataDir } from './paths';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window/mainWindow';

// Wiring only: each concern lives in its own module.

const builtDir = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const userDataDir = resolveUserDataDir(process.env, app.getPath('userData'));
app.setPath('userData', userDataDir);
const paths = appPaths(userDataDir);
const layout = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };
const entry = chooseAppEntry({
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  indexFile: builtDir('../renderer/index.html'),
});

let mainWindow: BrowserWindow | undefined;
let db: Db | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp(app, shell);

  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    db?.close();
    db = undefined;
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, entry);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ platform: process.platform, isDev: !app.isPackaged, openExternal: (url) => void shell.openExternal(url) }),
      ),
    );

    try {
      mkdirSync(paths.userDataDir, { recursive: true });
      const nativeBinding = process.versions.electron
        ? resolveElectronNativeBinding({ ...layout, modulesVersion: process.versions.modules })
        : undefined;
      db = openDatabase({ file: paths.databaseFile, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
    } catch (error) {
      dialog.showErrorBox('Sysdrill cannot open its data', openErrorMessage(error, process.versions.modules));
      app.quit();
      return;
    }
    const openDb = db;

    registerIpcHandlers(
      ipcMain,
      { db: openDb, promptsDir: resolveBuiltinPromptsDir(layout), userPromptsDir: paths.userPromptsDir, glossaryFile: resolveGlossaryFile(layout), clock: systemClock },
      (url) => isAppDocumentUrl(url, entry),
      { onInternalError: (channel, error) => console.error(`[ipc] ${channel} failed`, error) },
    );

    const openWindow = (): void => {
      mainWindow = createMainWindow({
        BrowserWindow,
        screen,
        settings: createSettingsRepo(openDb),
        clock: systemClock,
        preloadPath: builtDir('../preload/index.cjs'),
        entry,
        title: 'Sysdrill',
      });
      mainWindow.on('closed', () => {
        mainWindow = undefined;
      });
    };
    openWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
