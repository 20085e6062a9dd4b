import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { BUILTIN_GLOSSARY_FILE } from '../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR } from '../../prompts/node/load';
import { backupsDirOf } from '../../electron/db/backup';
import { openDatabase } from '../../electron/db/open';
import { createDataStore } from '../../electron/db/store';
import type { Db } from '../../electron/db/types';
import type { FileDialogs } from '../../electron/ipc/fileDialogs';
import { API_METHODS } from '../../electron/ipc/channels';
import { dispatch } from '../../electron/ipc/dispatch';
import { systemClock, type Clock, type HandlerContext } from '../../electron/ipc/handlers';
import { appPaths } from '../../electron/paths';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium';
import { serveFolder, type StaticServer } from './staticServer';

/** The built renderer (`npm run build`), exactly what Electron loads. */
export const BUILT_RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

export interface LaunchAppOptions {
  /** A fresh folder for this test: the SQLite file and the user's own prompts go here. */
  readonly userDataDir: string;
  /** Reuse a browser (one per worker); without it, launchApp starts Chromium and close() stops it. */
  readonly browser?: Browser;
  readonly promptsDir?: string;
  readonly glossaryFile?: string;
  readonly clock?: Clock;
  /** Runs before the app's page first loads (e.g. to install Playwright's fake clock). */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  /** Stands in for main's save/open dialogs (e.g. answering with a temporary path); without it they are unavailable. */
  readonly dialogs?: FileDialogs;
}

export interface LaunchedApp {
  /** The app's page, already showing the home screen. */
  readonly page: Page;
  /** The SQLite file the app writes (open it read-only to check what was stored). */
  readonly databaseFile: string;
  /** Main-process errors caught by dispatch (each one is a bug): tests assert it stays empty. */
  readonly internalErrors: readonly string[];
  close(): Promise<void>;
}

const BINDING = '__sysdrillInvoke';

/**
 * Starts Sysdrill's renderer in Chromium as Electron would run it, with `window.api` bridged to
 * the REAL main-process code: the same method names as the preload (generated from
 * electron/ipc/channels.ts) call `dispatch` from electron/ipc/dispatch.ts in this test process,
 * against a real SQLite file opened with electron/db/open.ts in `userDataDir`.
 * Only the Electron transport is replaced; validation, handlers and storage are the app's own.
 */
export async function launchApp(options: LaunchAppOptions): Promise<LaunchedApp> {
  if (!existsSync(join(BUILT_RENDERER_DIR, 'index.html'))) {
    throw new Error(`${BUILT_RENDERER_DIR}/index.html is missing: run \`npm run build\` first.`);
  }
  mkdirSync(options.userDataDir, { recursive: true });
  const paths = appPaths(options.userDataDir);
  // Behind a store as in main: an import swaps the database every channel then uses.
  const store = createDataStore({ file: paths.databaseFile, db: openDatabase({ file: paths.databaseFile }), open: () => openDatabase({ file: paths.databaseFile }) });
  const ctx: HandlerContext = {
    get db(): Db {
      return store.db;
    },
    ...(options.dialogs === undefined ? {} : { dialogs: options.dialogs }),
    data: { store, keepDir: backupsDirOf(options.userDataDir) },
    promptsDir: options.promptsDir ?? BUILTIN_PROMPTS_DIR,
    userPromptsDir: paths.userPromptsDir,
    glossaryFile: options.glossaryFile ?? BUILTIN_GLOSSARY_FILE,
    clock: options.clock ?? systemClock,
  };
  const internalErrors: string[] = [];

  const ownBrowser = options.browser === undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined = options.browser;
  let context: BrowserContext | undefined;

  const close = async (): Promise<void> => {
    await context?.close();
    if (ownBrowser) await browser?.close();
    await server?.close();
    if (store.db.open) store.db.close();
  };

  try {
    server = await serveFolder(BUILT_RENDERER_DIR);
    browser ??= await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
    context = await browser.newContext();
    const page = await context.newPage();
    await page.exposeBinding(BINDING, async (source, channel: unknown, payload: unknown) => {
      // Mirrors register.ts: only the app's own top-level document may call main.
      if (source.frame !== page.mainFrame()) {
        return { ok: false, error: { code: 'forbidden', message: 'Only the top-level app page may call main.' } };
      }
      return dispatch(ctx, channel, payload, {
        onInternalError: (name, error) => internalErrors.push(`${name}: ${error instanceof Error ? error.stack : String(error)}`),
      });
    });
    await page.addInitScript({ content: bridgeScript(Object.entries(API_METHODS)) });
    await options.beforeLoad?.(page);
    await page.goto(`${server.url}index.html#/`);
    return { page, databaseFile: paths.databaseFile, internalErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The page-side half of the bridge, as source text (not a function: a transpiler's helpers would
 * not exist in the page). Same shape as the preload: a frozen `window.api` of named functions.
 */
function bridgeScript(methods: readonly (readonly [string, string])[]): string {
  return `(() => {
  const methods = ${JSON.stringify(methods)};
  const invoke = (channel, input) => globalThis[${JSON.stringify(BINDING)}](channel, input);
  const api = Object.fromEntries(methods.map(([method, channel]) => [method, (input) => invoke(channel, input)]));
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), enumerable: true });
})();`;
}
