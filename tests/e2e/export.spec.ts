import { readFileSync, readdirSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import type { FileDialogs } from '../../electron/ipc/fileDialogs';
import { launchApp, type LaunchedApp } from './harness';
import { expect, test } from './fixtures';

/**
 * Export and import through the harness: main's save/open dialogs are a fake that answers with
 * the next queued path (a temporary file), so every file written or read is one "the user chose".
 */

const GRADED = { timeout: 30_000 };

interface DialogApp {
  readonly app: LaunchedApp;
  /** Paths the next dialogs answer with, in order. */
  readonly answers: string[];
  readonly errors: string[];
}

async function launchWithDialogs(browser: Browser, userDataDir: string): Promise<DialogApp> {
  const answers: string[] = [];
  const next = (): Promise<string | undefined> => Promise.resolve(answers.shift());
  const dialogs: FileDialogs = { chooseSavePath: next, chooseOpenPath: next };
  const app = await launchApp({ userDataDir, browser, dialogs });
  const errors: string[] = [];
  app.page.on('pageerror', (error) => errors.push(error.message));
  app.page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { app, answers, errors };
}

async function closeClean(launched: DialogApp): Promise<void> {
  await launched.app.close();
  expect(launched.errors, 'errors in the page (CSP violations included)').toEqual([]);
  expect(launched.app.internalErrors).toEqual([]);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-e2e-export-'));
  tempDirs.push(dir);
  return dir;
}
test.afterEach(() => {
  while (tempDirs.length > 0) rmSync(tempDirs.pop() ?? '', { recursive: true, force: true });
});

function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A profile holding `count` submitted practice attempts of `promptId` ("no design submitted": quick to store, nothing to grade). */
function seedProfile(userDataDir: string, promptId: string, count: number): void {
  const db = openDatabase({ file: join(userDataDir, 'sysdrill.db') });
  const insert = db.prepare(
    `INSERT INTO attempts (prompt_id, mode, status, started_at, submitted_at, outcome, last_seen_at, report_json)
     VALUES (?, 'practice', 'submitted', ?, ?, 'no-design', ?, '{"outcome":"no-design","findings":[],"parseErrors":[],"estimates":[],"questions":[],"phases":[]}')`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run(promptId, 1_700_000_000_000 + i, 1_700_000_060_000 + i, 1_700_000_060_000 + i);
  })();
  db.close();
}

const attemptPrompts = (file: string): string[] => readDb(file, (db) => db.prepare('SELECT prompt_id FROM attempts ORDER BY id').pluck().all() as string[]);

test('export writes the attempt as Markdown and its diagram as an SVG that parses as XML and holds the node labels', async ({ browser, userDataDir }) => {
  test.setTimeout(120_000);
  const launched = await launchWithDialogs(browser, userDataDir);
  const { page } = launched.app;
  await go(page, '#/prompt/url-shortener');
  await page.locator('.cm-content').click();
  const lines = ['flowchart LR', 'C([Client]) --> A[Shortener]', 'A --> K[(Links)]'];
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Practice attempt: URL shortener' })).toBeVisible(GRADED);

  const out = tempDir();
  const markdownFile = join(out, 'attempt.md');
  launched.answers.push(markdownFile);
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`Markdown saved to ${markdownFile}`);
  const markdown = readFileSync(markdownFile, 'utf8');
  expect(markdown.startsWith('# Practice attempt: URL shortener\n')).toBe(true);
  expect(markdown).toContain('\n## Requirement coverage\n\n1 of 3 capabilities served.\n');
  expect(markdown).toContain(`\n## Diagram\n\n\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`);

  const svgFile = join(out, 'diagram.svg');
  launched.answers.push(svgFile);
  await page.getByRole('button', { name: 'Export SVG' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`SVG saved to ${svgFile}`, GRADED);
  const svgText = readFileSync(svgFile, 'utf8');
  const doc = new new JSDOM('').window.DOMParser().parseFromString(svgText, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  // Labels are SVG text (htmlLabels: false): no HTML inside a foreignObject.
  expect(doc.getElementsByTagName('foreignObject')).toHaveLength(0);
  const labels = [...doc.querySelectorAll('g.node')].map((node) => node.textContent?.trim());
  expect(labels.sort()).toEqual(['Client', 'Links', 'Shortener']);
  expect(doc.querySelector('style')?.textContent).toContain('.node');

  // Only the two chosen files were written.
  expect(readdirSync(out).sort()).toEqual(['attempt.md', 'diagram.svg']);
  await closeClean(launched);
});

test('export all data, then import it on a fresh profile: the attempts are back', async ({ browser }) => {
  test.setTimeout(90_000);
  const firstProfile = tempDir();
  seedProfile(firstProfile, 'banking', 2);
  const first = await launchWithDialogs(browser, firstProfile);
  await go(first.app.page, '#/data');
  const exported = join(tempDir(), 'sysdrill-data.db');
  first.answers.push(exported);
  await first.app.page.getByRole('button', { name: 'Export all data…' }).click();
  await expect(first.app.page.getByTestId('data-status')).toHaveText(`All your data was exported to ${exported}`);
  await closeClean(first);

  const freshProfile = tempDir();
  const fresh = await launchWithDialogs(browser, freshProfile);
  const { page } = fresh.app;
  await go(page, '#/data');
  fresh.answers.push(exported);
  await page.getByRole('button', { name: 'Import…' }).click();
  const backups = join(freshProfile, 'backups');
  await expect(page.getByTestId('data-status')).toHaveText(new RegExp(`^Imported 2 submitted attempts\\. Your data from before the import is kept at ${backups.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/sysdrill-before-import-[0-9T:.Z-]+\\.db$`));
  expect(attemptPrompts(fresh.app.databaseFile)).toEqual(['banking', 'banking']);
  // The app works on the imported data at once: the attempt's report opens.
  await go(page, '#/attempt/2');
  await expect(page.getByTestId('no-design')).toHaveText('No design submitted: nothing was drawn, so there is no score.');
  expect(readdirSync(backups).filter((name) => name.startsWith('sysdrill-before-import-'))).toHaveLength(1);
  await closeClean(fresh);
});

test('a text file, a truncated database and a database from a newer Sysdrill each get a clear message, and nothing changes', async ({ browser, userDataDir }) => {
  test.setTimeout(90_000);
  seedProfile(userDataDir, 'banking', 1);
  const files = tempDir();

  const text = join(files, 'notes.db');
  writeFileSync(text, 'My interview notes.\n'.repeat(20));

  const whole = join(files, 'whole.db');
  seedProfile(files, 'instagram', 400);
  const source = new Database(join(files, 'sysdrill.db'));
  await source.backup(whole);
  source.close();
  const settled = new Database(whole);
  settled.pragma('journal_mode = DELETE');
  settled.close();
  const bytes = readFileSync(whole);
  const truncated = join(files, 'truncated.db');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

  const newer = join(files, 'newer.db');
  writeFileSync(newer, bytes);
  const bump = new Database(newer);
  bump.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  bump.close();

  const launched = await launchWithDialogs(browser, userDataDir);
  const { page } = launched.app;
  await go(page, '#/data');
  const refusal = page.getByRole('alert');
  const cases: readonly (readonly [string, string])[] = [
    [text, `${text} is not a Sysdrill data file: it is not an SQLite database (it does not start with SQLite's header). Nothing was changed.`],
    [truncated, `${truncated} is damaged (it may be truncated or only partly copied)`],
    [
      newer,
      `${newer} was written by a newer Sysdrill (data version ${LATEST_SCHEMA_VERSION + 1}; this Sysdrill reads versions up to ${LATEST_SCHEMA_VERSION}). Update Sysdrill, then import it again. Nothing was changed.`,
    ],
  ];
  for (const [file, message] of cases) {
    launched.answers.push(file);
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(refusal).toContainText('The request was refused: the file was not imported');
    await expect(refusal).toContainText(message);
    await expect(refusal).toContainText('Nothing was changed.');
    expect(attemptPrompts(launched.app.databaseFile)).toEqual(['banking']);
    expect(existsSync(join(userDataDir, 'backups'))).toBe(false);
  }
  await go(page, '#/attempt/1');
  await expect(page.getByTestId('no-design')).toBeVisible();
  await closeClean(launched);
});
