import type { Locator, Page } from '@playwright/test';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { expect, test } from './fixtures';

const urlShortener = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts.find((p) => p.id === 'url-shortener');

async function openPrompt(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/prompt/${id}`));
  await expect(page.locator('.cm-content')).toBeVisible();
}

/** Replaces the editor's whole text, typed key by key as a user would. */
async function replaceText(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

/**
 * Records the page's CSP violations from now on. (The fixture also fails a test on any console
 * error, which includes violation reports; this list says which directive was hit.)
 */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as Record<string, unknown>)['__cspViolations'] = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`));
  });
  return () => page.evaluate(() => [...((globalThis as Record<string, unknown>)['__cspViolations'] as string[])]);
}

const preview = (page: Page): Locator => page.getByTestId('diagram-preview');
/** Node label texts in the drawn SVG (Playwright locators pierce the preview's shadow root). */
const drawnLabels = (page: Page): Promise<string[]> => preview(page).locator('g.node').allTextContents();

test('typing a diagram draws it live and grades it against the prompt', async ({ app }) => {
  const { page } = app;
  await openPrompt(page, 'url-shortener');
  const violations = await recordCspViolations(page);
  await expect(page.getByText('Your diagram appears here as you type.')).toBeVisible();

  await replaceText(page, ['flowchart LR', 'User([Browser]) --> App[Shortener service]']);

  await expect(preview(page).locator('svg')).toBeVisible();
  await expect.poll(() => drawnLabels(page)).toEqual(['Browser', 'Shortener service']);
  const critical = page.getByRole('region', { name: 'Critical findings' });
  const spof = critical.getByRole('listitem').filter({ hasText: 'single point of failure' });
  await expect(spof).toHaveCount(1);
  await expect(spof.getByRole('button', { name: 'Shortener service', exact: true })).toBeVisible();
  // One line until opened; then why, fix and learn more.
  await expect(spof).not.toContainText('Why:');
  await spof.getByRole('button', { expanded: false }).click();
  await expect(spof).toContainText('Why:');
  await expect(spof).toContainText('Fix:');
  const total = Number(await page.getByTestId('score-total').textContent());
  expect(total).toBeGreaterThanOrEqual(0);
  expect(total).toBeLessThanOrEqual(40);
  await expect(page.getByRole('meter', { name: 'Availability score' })).toBeVisible();

  // Clicking a node's name outlines that node in the preview and selects its line in the editor.
  await spof.getByRole('button', { name: 'Shortener service', exact: true }).click();
  await expect(preview(page).locator('g.node.sysdrill-highlight')).toHaveText('Shortener service');
  await expect.poll(() => page.evaluate(() => (document.querySelector('[data-testid="diagram-editor"]')?.shadowRoot as unknown as { getSelection(): Selection | null } | null | undefined)?.getSelection()?.toString())).toBe(
    'User([Browser]) --> App[Shortener service]',
  );
  // The finding is marked at the node's line in the editor too.
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);

  expect(await violations()).toEqual([]);
  await expect(page.locator('body > .mermaid-render-box')).toHaveCount(0);
});

test('a syntax error is located with a fix, and the last good drawing stays', async ({ app }) => {
  const { page } = app;
  await openPrompt(page, 'url-shortener');
  const violations = await recordCspViolations(page);
  await replaceText(page, ['flowchart LR', 'User([Browser]) --> App[Shortener service]']);
  await expect.poll(() => drawnLabels(page)).toEqual(['Browser', 'Shortener service']);

  await page.keyboard.press('Enter');
  // One edit (as a paste): typed key by key, the prefix `App --> DB` parses and, after any pause
  // of a busy machine, legitimately becomes the last good drawing.
  await page.keyboard.insertText('App --> DB[Links (Postgres)]');
  const error = page.getByRole('alert', { name: 'Diagram error' });
  await expect(error).toContainText('Line 3, column');
  await expect(error).toContainText('Fix:');
  await expect(error).toContainText('App --> DB["Links (Postgres)"]');
  await expect(page.getByTestId('preview-status')).toHaveText('Showing the last diagram that worked');
  expect(await drawnLabels(page)).toEqual(['Browser', 'Shortener service']);
  await expect(page.getByText('From your last diagram that parsed')).toBeVisible();

  // Applying the suggested fix clears the error and draws the new node.
  await replaceText(page, ['flowchart LR', 'User([Browser]) --> App[Shortener service]', 'App --> DB["Links (Postgres)"]']);
  await expect(error).toHaveCount(0);
  await expect.poll(() => drawnLabels(page)).toEqual(['Browser', 'Shortener service', 'Links (Postgres)']);
  await expect(page.getByText('From your last diagram that parsed')).toHaveCount(0);

  expect(await violations()).toEqual([]);
  await expect(page.locator('body > .mermaid-render-box')).toHaveCount(0);
});

test('markup in labels is drawn as text and runs nothing', async ({ app }) => {
  const { page } = app;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPrompt(page, 'url-shortener');
  const violations = await recordCspViolations(page);
  await replaceText(page, [
    'flowchart LR',
    'A["<img src=x onerror=alert(1)>"] --> B[<script>window.__pwned=1</script>]',
    'B --> C["<b onmouseover=window.__pwned=2>bold</b> <style>*{display:none}</style>"]',
  ]);
  await expect.poll(() => preview(page).locator('g.node').count()).toBe(3);
  const labels = await drawnLabels(page);
  expect(labels[0]).toContain('<img src="x">');
  await expect(preview(page).locator('img, script, b, style, foreignObject')).toHaveCount(0);
  await preview(page).locator('g.node').last().hover();
  expect(await page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned'])).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll('body img, body script:not([type="module"])').length)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await violations()).toEqual([]);
});

test('hints are revealed one at a time, and the cheat sheet opens on request', async ({ app }) => {
  const { page } = app;
  const hints = urlShortener?.hints ?? [];
  expect(hints.length).toBeGreaterThan(1);
  await openPrompt(page, 'url-shortener');
  const region = page.getByRole('region', { name: 'Hints' });
  await expect(region.getByTestId('hint-counter')).toHaveText(`0 of ${hints.length}`);
  await region.getByRole('button', { name: 'Show a hint' }).click();
  await expect(region.getByTestId('hint-counter')).toHaveText(`1 of ${hints.length}`);
  await expect(region.getByRole('listitem')).toHaveText([hints[0] ?? '']);
  await region.getByRole('button', { name: 'Show a hint' }).click();
  await expect(region.getByRole('listitem')).toHaveText(hints.slice(0, 2));

  const sheet = page.locator('details.cheatsheet');
  await expect(sheet.getByRole('heading', { name: 'One box is one instance' })).toBeHidden();
  await sheet.locator('summary').click();
  await expect(sheet.getByRole('heading', { name: 'One box is one instance' })).toBeVisible();
});

test('the preview follows the dark theme', async ({ app }) => {
  const { page } = app;
  await openPrompt(page, 'url-shortener');
  await replaceText(page, ['flowchart LR', 'User([Browser]) --> App[Shortener service]']);
  const nodeFill = (): Promise<string> =>
    preview(page)
      .locator('g.node rect')
      .last()
      .evaluate((rect) => getComputedStyle(rect).fill);
  await expect.poll(() => drawnLabels(page)).toEqual(['Browser', 'Shortener service']);
  const light = await nodeFill();
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(nodeFill).not.toBe(light);
});
