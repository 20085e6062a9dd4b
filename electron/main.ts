import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { chooseAppEntry, isAppDocumentUrl } from './appEntry';
import { backupIfDue, backupsDirOf } from './db/backup';
import { DataFolderError, ensureDataFolder } from './db/dataFolder';
import { openDatabase } from './db/open';
import { openOrRecover, recoveryMessage, type Recovery } from './db/recovery';
import { openErrorMessage } from './db/openErrorMessage';
import { createSettingsRepo } from './db/settings';
import { createDataStore, type DataStore } from './db/store';
import type { Db } from './db/types';
import { electronFileDialogs } from './fileDialogs';
import { systemClock } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { appPaths, resolveBuiltinPromptsDir, resolveElectronNativeBinding, resolveGlossaryFile, resolveUserDataDir } from './paths';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { holdCloseUntilFlushed, installQuitFlow, requestRendererFlush } from './quit';
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
  rendererDir: builtDir('../renderer'),
});

// Must happen before `ready`: app:// becomes a standard, secure origin (see protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | undefined;
/** The live database; an import swaps what it holds (db/store.ts). */
let store: DataStore | undefined;

const nativeBinding = process.versions.electron ? resolveElectronNativeBinding({ ...layout, modulesVersion: process.versions.modules }) : undefined;
const driver = nativeBinding === undefined ? {} : { nativeBinding };

/** At most one backup a day, at start or quit; a failure is logged and never stops the app. */
let backupRunning: Promise<void> | undefined;
function backup(target: Db): Promise<void> {
  backupRunning ??= backupIfDue(target, backupsDirOf(paths.userDataDir), Date.now(), driver)
    .then((outcome) => {
      if (outcome.kind === 'failed') console.error(`[backup] not written: ${outcome.reason}`);
    })
    .finally(() => {
      backupRunning = undefined;
    });
  return backupRunning;
}

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

  // Windows flush their drafts before closing (holdCloseUntilFlushed); then, with every window
  // gone, the day's backup runs and the database is closed.
  const quitFlow = installQuitFlow(
    app,
    async () => {
      const closing = store?.db;
      store = undefined;
      if (closing === undefined || !closing.open) return;
      await backup(closing);
      closing.close();
    },
    (message, error) => console.error(message, error),
  );

  void app.whenReady().then(() => {
    if (entry.kind === 'app') protocol.handle(APP_SCHEME, createAppProtocolHandler(entry.rendererDir));
    hardenSession(session.defaultSession, entry);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        // Menu items pass only the fixed https links of externalLinks.ts.
        buildMenuTemplate({ platform: process.platform, isDev: !app.isPackaged, openExternal: (url) => void shell.openExternal(url) }), // eng-disable OPEN_EXTERNAL_JS_CHECK
      ),
    );

    let recovery: Recovery | undefined;
    try {
      ensureDataFolder(paths.userDataDir);
      const opened = openOrRecover({ file: paths.databaseFile, backupsDir: backupsDirOf(paths.userDataDir), now: Date.now(), ...driver });
      store = createDataStore({ file: paths.databaseFile, db: opened.db, open: () => openDatabase({ file: paths.databaseFile, ...driver }) });
      recovery = opened.recovery;
    } catch (error) {
      const message = error instanceof DataFolderError ? error.message : openErrorMessage(error, process.versions.modules, paths.databaseFile);
      dialog.showErrorBox('Sysdrill cannot open its data', message);
      app.quit();
      return;
    }
    const live = store;
    void backup(live.db);

    registerIpcHandlers(
      ipcMain,
      {
        // A getter: after an import every channel works on the imported database.
        get db(): Db {
          return live.db;
        },
        promptsDir: resolveBuiltinPromptsDir(layout),
        userPromptsDir: paths.userPromptsDir,
        glossaryFile: resolveGlossaryFile(layout),
        clock: systemClock,
        dialogs: electronFileDialogs(dialog, () => mainWindow, app.getPath('documents')),
        data: { store: live, keepDir: backupsDirOf(paths.userDataDir), driver },
      },
      (url) => isAppDocumentUrl(url, entry),
      { onInternalError: (channel, error) => console.error(`[ipc] ${channel} failed`, error) },
    );

    const openWindow = (): void => {
      mainWindow = createMainWindow({
        BrowserWindow,
        screen,
        // Read through the store at each use: the window outlives an import's swap of the database.
        settings: {
          get: (key) => createSettingsRepo(live.db).get(key),
          set: (key, value, now) => createSettingsRepo(live.db).set(key, value, now),
          all: () => createSettingsRepo(live.db).all(),
        },
        clock: systemClock,
        preloadPath: builtDir('../preload/index.cjs'),
        entry,
        title: 'Sysdrill',
      });
      const win = mainWindow;
      holdCloseUntilFlushed(win, () => requestRendererFlush(ipcMain, win.webContents), {
        log: (message, error) => console.error(message, error),
        afterFlush: () => {
          if (quitFlow.quitRequested()) app.quit();
        },
      });
      mainWindow.on('closed', () => {
        mainWindow = undefined;
      });
    };
    openWindow();
    if (recovery !== undefined && mainWindow !== undefined) {
      const { title, message, detail } = recoveryMessage(recovery);
      void dialog.showMessageBox(mainWindow, { type: 'warning', title, message, detail, buttons: ['OK'] });
    }

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
