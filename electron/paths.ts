import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Set this to a folder to keep all user data (database, own prompts, Chromium profile) there. */
export const USER_DATA_DIR_ENV = 'SYSDRILL_USER_DATA_DIR';

export const DATABASE_FILE_NAME = 'sysdrill.db';

/** The env override wins (made absolute); otherwise Electron's own `userData` path. */
export function resolveUserDataDir(env: Readonly<Record<string, string | undefined>>, electronUserData: string): string {
  const override = env[USER_DATA_DIR_ENV]?.trim();
  if (override === undefined || override === '') return electronUserData;
  return isAbsolute(override) ? override : resolve(override);
}

export interface AppPaths {
  readonly userDataDir: string;
  readonly databaseFile: string;
  /** The user's own prompt files, merged with the built-in ones. */
  readonly userPromptsDir: string;
}

export function appPaths(userDataDir: string): AppPaths {
  return {
    userDataDir,
    databaseFile: join(userDataDir, DATABASE_FILE_NAME),
    userPromptsDir: join(userDataDir, 'prompts'),
  };
}

export interface RuntimeLayout {
  readonly isPackaged: boolean;
  /** `process.resourcesPath` in a packaged app. */
  readonly resourcesPath: string;
  /** `app.getAppPath()`: the project folder when run with `npm start`. */
  readonly appPath: string;
}

/**
 * Where the built-in prompt YAML files are at run time: electron-builder copies `prompts/data`
 * to `<resources>/prompts` (see electron-builder.yml, extraResources); unpackaged runs read the
 * repository's own folder.
 */
export function resolveBuiltinPromptsDir(layout: RuntimeLayout): string {
  return layout.isPackaged ? join(layout.resourcesPath, 'prompts') : join(layout.appPath, 'prompts', 'data');
}

/**
 * Where the concept glossary is at run time: electron-builder copies `prompts/glossary.yaml` to
 * `<resources>/glossary.yaml` (electron-builder.yml, extraResources); unpackaged runs read the
 * repository's own file.
 */
export function resolveGlossaryFile(layout: RuntimeLayout): string {
  return layout.isPackaged ? join(layout.resourcesPath, 'glossary.yaml') : join(layout.appPath, 'prompts', 'glossary.yaml');
}

/**
 * The better-sqlite3 binary built for Electron's ABI by scripts/native-for-electron.mjs
 * (`native/electron-v<ABI>/better_sqlite3.node`). node_modules keeps the Node build for
 * `npm test`; a packaged app carries the Electron build under its resources (electron-builder.yml
 * copies `native/`). Undefined when missing: better-sqlite3 then tries its default build and
 * fails with a clear ABI message, which main shows.
 */
export function resolveElectronNativeBinding(
  layout: RuntimeLayout & { readonly modulesVersion: string },
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  const base = layout.isPackaged ? layout.resourcesPath : layout.appPath;
  const file = join(base, 'native', `electron-v${layout.modulesVersion}`, 'better_sqlite3.node');
  return exists(file) ? file : undefined;
}
