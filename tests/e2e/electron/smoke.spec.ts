import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHOD_NAMES } from '../../../electron/ipc/channels';
import { USER_DATA_DIR_ENV } from '../../../electron/paths';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

/** The Electron binary npm installs into node_modules/electron/dist (absent with ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
function electronBinary(): string | undefined {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

/** Chromium refuses to start its OS sandbox as root (CI containers); the page sandbox is unaffected. */
function launchArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
}

/** Reads the draft straight from the app's SQLite file (a second, read-only connection). */
function storedDraft(databaseFile: string, promptId: string): string | undefined {
  if (!existsSync(databaseFile)) return undefined;
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT text FROM drafts WHERE prompt_id = ? AND mode = 'practice'").pluck().get(promptId) as string | undefined;
  } finally {
    db.close();
  }
}
const electronBinaryAvailable = binary !== undefined;

test.describe('the real Electron app', () => {
  test.skip(
    !electronBinaryAvailable,
    'Electron binary not installed: node_modules/electron/dist is missing (dependencies were installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  );

  let userDataDir: string;

  test.beforeAll(() => {
    // npm start does the same: better-sqlite3 built for Electron's ABI, next to the Node build.
    execFileSync(process.execPath, [join(root, 'scripts', 'native-for-electron.mjs')], { stdio: 'inherit' });
  });

  test.beforeEach(() => {
    userDataDir = mkdtempSync(join(tmpdir(), 'sysdrill-electron-'));
  });

  test.afterEach(() => {
    rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens one secure window that lists the prompts and keeps a draft across restarts', async () => {
    const launch = () =>
      electron.launch({ executablePath: binary, args: launchArgs(), cwd: root, env: { ...process.env, [USER_DATA_DIR_ENV]: userDataDir } });

    const app = await launch();
    const page = await app.firstWindow();
    await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link').first()).toBeVisible();

    // The page sees no Node, and only the bridge's named functions (the options themselves are
    // asserted in tests/electron/main.test.ts).
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual([...API_METHOD_NAMES].sort());
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>)['require'])).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>)['process'])).toBe('undefined');

    await page.getByRole('list', { name: 'Prompts' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/#\/prompt\/[a-z0-9-]+$/);
    const promptId = /#\/prompt\/([a-z0-9-]+)$/.exec(page.url())?.[1] ?? '';
    await page.locator('.cm-content').click();
    await page.keyboard.type('flowchart LR');
    await expect.poll(() => storedDraft(join(userDataDir, 'sysdrill.db'), promptId)).toBe('flowchart LR');
    await app.close();

    const again = await launch();
    const restored = await again.firstWindow();
    await restored.getByRole('list', { name: 'Prompts' }).getByRole('link').first().click();
    await expect(restored.locator('.cm-content')).toContainText('flowchart LR');
    await again.close();
  });

  test('refuses to navigate away or open windows', async () => {
    const app = await electron.launch({ executablePath: binary, args: launchArgs(), cwd: root, env: { ...process.env, [USER_DATA_DIR_ENV]: userDataDir } });
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.evaluate(() => (globalThis as unknown as { open: (url: string) => unknown }).open('https://example.com/'));
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });
});
