import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { API_METHOD_NAMES } from '../../electron/ipc/channels';
import { expect, test } from './fixtures';
import { storedDraft } from './storedDraft';

const builtin = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts;

function promptTitle(id: string): string {
  const prompt = builtin.find((p) => p.id === id);
  if (prompt === undefined) throw new Error(`built-in prompt ${id} is missing`);
  return prompt.title;
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('.cm-content .cm-line').allInnerTexts()).join('\n');
}

async function typeInEditor(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.cm-content').click();
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

test('the home screen lists the prompts with difficulty and tags', async ({ app }) => {
  const list = app.page.getByRole('list', { name: 'Prompts' });
  for (const id of ['ecommerce', 'banking']) {
    await expect(list.getByRole('link', { name: promptTitle(id), exact: true })).toBeVisible();
  }
  await expect(list.getByRole('listitem').filter({ has: app.page.locator('.prompt-link') })).toHaveCount(builtin.length);
  const banking = builtin.find((p) => p.id === 'banking');
  const card = list.locator('.prompt-card').filter({ hasText: promptTitle('banking') });
  await expect(card.locator('.badge').first()).toHaveText(banking?.difficulty ?? '');
  await expect(card.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(banking?.tags ?? []);
});

test('a draft typed in the editor survives a reload and is stored in the SQLite file', async ({ app }) => {
  const { page } = app;
  await page.getByRole('link', { name: promptTitle('ecommerce'), exact: true }).click();
  await expect(page).toHaveURL(/#\/prompt\/ecommerce$/);
  await expect(page.getByRole('heading', { level: 1, name: promptTitle('ecommerce') })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scenario' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Requirements' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scale' })).toBeVisible();

  const lines = ['flowchart LR', 'Shopper --> LB[Load balancer]', 'LB --> Orders[(Orders DB)]'];
  await typeInEditor(page, lines);
  await expect.poll(() => storedDraft(app.databaseFile, 'ecommerce')).toBe(lines.join('\n'));
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: promptTitle('ecommerce') })).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('Orders DB');
  expect(await editorText(page)).toBe(lines.join('\n'));
  expect(storedDraft(app.databaseFile, 'ecommerce')).toBe(lines.join('\n'));
});

test('a draft is kept when leaving the prompt, and each prompt keeps its own draft', async ({ app }) => {
  const { page } = app;
  await page.goto(page.url().replace(/#.*$/, '#/prompt/banking'));
  await typeInEditor(page, ['flowchart TB', 'Teller --> Ledger[(Ledger)]']);
  await page.getByRole('link', { name: '← All prompts' }).click();
  await expect(page.getByRole('list', { name: 'Prompts' })).toBeVisible();
  await expect.poll(() => storedDraft(app.databaseFile, 'banking')).toBe('flowchart TB\nTeller --> Ledger[(Ledger)]');
  expect(storedDraft(app.databaseFile, 'ecommerce')).toBeUndefined();

  await page.getByRole('link', { name: promptTitle('ecommerce'), exact: true }).click();
  // CodeMirror shows its placeholder only while the document is empty.
  await expect(page.locator('.cm-placeholder')).toBeVisible();
});

test('markup in a prompt title or a draft is shown as text, never run', async ({ app, userDataDir }) => {
  const { page } = app;
  const evilTitle = '<img src=x onerror="window.__pwned=1">Evil <b>shop</b>';
  const userPrompts = join(userDataDir, 'prompts');
  mkdirSync(userPrompts, { recursive: true });
  const ecommerce = readFileSync(join(BUILTIN_PROMPTS_DIR, 'ecommerce.yaml'), 'utf8');
  const evil = ecommerce.replace(/^id: ecommerce$/m, 'id: evil-shop').replace(/^title: .*$/m, `title: '${evilTitle}'`);
  writeFileSync(join(userPrompts, 'evil-shop.yaml'), evil);

  await page.reload();
  const link = page.getByRole('link', { name: evilTitle, exact: true });
  await expect(link).toBeVisible();
  await expect(page.locator('.prompt-list img, .prompt-list b')).toHaveCount(0);

  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(evilTitle);
  const evilDraft = '<script>window.__pwned=2</script><img src=x onerror="window.__pwned=3">';
  await typeInEditor(page, [evilDraft]);
  await expect.poll(() => storedDraft(app.databaseFile, 'evil-shop')).toBe(evilDraft);
  await page.reload();
  await expect(page.locator('.cm-content')).toContainText('window.__pwned=2');
  expect(await editorText(page)).toBe(evilDraft);
  await expect(page.locator('.cm-content img, .cm-content script')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned'])).toBeUndefined();
});

test('prompt files that fail to load are listed with their error', async ({ app, userDataDir }) => {
  const userPrompts = join(userDataDir, 'prompts');
  mkdirSync(userPrompts, { recursive: true });
  writeFileSync(join(userPrompts, 'half-written.yaml'), 'id: half-written\ntitle: [unclosed\n');
  await app.page.reload();
  const errors = app.page.getByRole('region', { name: 'Some prompt files could not be loaded' });
  await expect(errors).toContainText('half-written.yaml');
  await expect(app.page.getByRole('link', { name: promptTitle('banking'), exact: true })).toBeVisible();
});

test('an unknown prompt shows a not-found message instead of a blank screen', async ({ app }) => {
  const { page } = app;
  await page.goto(page.url().replace(/#.*$/, '#/prompt/no-such-prompt'));
  await expect(page.getByRole('alert')).toContainText('Not found');
  await expect(page.getByRole('alert')).toContainText('no-such-prompt');
  await page.getByRole('link', { name: '← All prompts' }).click();
  await expect(page.getByRole('list', { name: 'Prompts' })).toBeVisible();
});

test('window.api exposes exactly the contract’s functions, and bad input gets a validation error', async ({ app }) => {
  const { page } = app;
  const methods = await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort());
  expect(methods).toEqual([...API_METHOD_NAMES].sort());

  const results = await page.evaluate(async () => {
    const api = (globalThis as unknown as { api: Record<string, (input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).api;
    return Promise.all([
      api['saveDraft']?.({ promptId: 'banking', mode: 'practice', text: 'x'.repeat(300 * 1024) }),
      api['saveDraft']?.({ promptId: 'banking', mode: 'practice', text: 42 }),
      api['getPrompt']?.({ id: '../../etc/passwd' }),
      api['getDraft']?.(null),
    ]);
  });
  for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(storedDraft(app.databaseFile, 'banking')).toBeUndefined();
});

test('the theme setting is stored and applied after a reload', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

test('undo in the editor takes back typing, and the undone text is what gets saved', async ({ app }) => {
  const { page } = app;
  await page.getByRole('link', { name: promptTitle('url-shortener'), exact: true }).click();
  await typeInEditor(page, ['flowchart LR']);
  await expect.poll(() => storedDraft(app.databaseFile, 'url-shortener')).toBe('flowchart LR');
  // A pause longer than CodeMirror's grouping delay makes the next edit its own undo step. The
  // edit is one insertion: typed key by key, a loaded machine could leave more than the grouping
  // delay between the Enter and the first character, splitting it into two undo steps.
  await page.waitForTimeout(700);
  await page.keyboard.insertText('\nClient --> API');
  await expect.poll(() => editorText(page)).toBe('flowchart LR\nClient --> API');
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => editorText(page)).toBe('flowchart LR');
  await expect.poll(() => storedDraft(app.databaseFile, 'url-shortener')).toBe('flowchart LR');
  await page.keyboard.press('Control+y'); // redo (Mod-y; these tests run on Linux)
  await expect.poll(() => editorText(page)).toBe('flowchart LR\nClient --> API');
});
