import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

/** Keeps a screenshot of the step as an artifact: a file in the test's output folder, attached to the report. */
async function step(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\w]+/g, '-')}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const preview = (page: Page) => page.getByTestId('diagram-preview');
const GRADED = { timeout: 30_000 };

async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

/** The editor's selected text (CodeMirror lives in a shadow root). */
const editorSelection = (page: Page): Promise<string | undefined> =>
  page.evaluate(
    () =>
      (document.querySelector('[data-testid="diagram-editor"]')?.shadowRoot as unknown as { getSelection(): Selection | null } | null | undefined)
        ?.getSelection()
        ?.toString(),
  );

test('the practice workspace: palette, zoom, a finding on the right node, jump to it, fix it, estimates kept', async ({ app }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(page.url().replace(/#.*$/, '#/prompt/instagram'));
  await expect(page.locator('.cm-content')).toBeVisible();
  await step(page, testInfo, '1 Instagram opened');

  // Components from the palette: each arrives with a fresh id and its label selected for typing.
  const briefTitle = page.getByRole('heading', { level: 1, name: 'Instagram-style photo sharing and feed' });
  await expect(briefTitle).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.type('flowchart LR');
  // Typing folds the brief to its tab (the window is narrower than 1600 px): the preview gets the room.
  await expect(briefTitle).toBeHidden();
  await expect(page.getByRole('button', { name: 'Brief', exact: true })).toBeVisible();
  await page.getByText('Components', { exact: true }).click();
  const palette = page.getByRole('toolbar', { name: 'Insert a component' });
  await palette.getByRole('button', { name: 'Client' }).click();
  await expect.poll(() => editorSelection(page)).toBe('Mobile app');
  await page.keyboard.type('Phone app');
  await palette.getByRole('button', { name: 'SQL primary + replica' }).click();
  await expect.poll(() => editorSelection(page)).toBe('Primary DB');
  await page.keyboard.type('Posts DB');
  await page.keyboard.press('ControlOrMeta+End');
  // Connected by hand, through one API server: a single point of failure.
  await typeLines(page, ['Client --> API[API server]', 'API --> DB']);
  await expect(preview(page).locator('g.node')).toHaveCount(4, GRADED);
  await expect.poll(() => preview(page).locator('g.node').allTextContents()).toEqual(['Phone app', 'Posts DB · Postgres', 'Replica · Postgres', 'API server']);
  await step(page, testInfo, '2 inserted and connected');

  // Zoom in and out: the level follows; Fit comes back to the whole drawing.
  const level = page.getByTestId('zoom-level');
  await expect(level).toHaveText('100 % of fit');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(level).toHaveText('156 % of fit');
  await step(page, testInfo, '3 zoomed in');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(level).toHaveText('125 % of fit');
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(level).toHaveText('100 % of fit');
  // A trackpad pinch arrives as wheel events with Control held: it zooms in proportion (e^(10/100) → 111 %), not by a notch.
  await page.getByTestId('zoom-viewport').hover();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -10);
  await page.keyboard.up('Control');
  await expect(level).toHaveText('111 % of fit');
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(level).toHaveText('100 % of fit');

  // The single point of failure is on API, not on the replicated database; its chip (the box's label) jumps to API's line.
  const spof = page
    .getByRole('region', { name: 'Critical findings' })
    .getByRole('listitem')
    .filter({ hasText: 'single point of failure' });
  await expect(spof.getByRole('button', { name: 'API server', exact: true })).toBeVisible(GRADED);
  await expect(spof.getByRole('button', { name: 'Posts DB · Postgres', exact: true })).toHaveCount(0);
  // What would raise the score most names prompt capabilities to serve as well as rules to fix.
  await expect(page.getByLabel('What would raise the score most').getByRole('listitem').filter({ hasText: /^serve “.+”: \+\d+$/ }).first()).toBeVisible();
  await spof.getByRole('button', { name: 'API server', exact: true }).first().click();
  await expect.poll(() => editorSelection(page)).toBe('Client --> API[API server]');
  await expect(preview(page).locator('g.node.sysdrill-highlight')).toHaveText('API server');
  await step(page, testInfo, '4 finding jumped to its line');

  // Fix it on the selected line: three API servers. The finding on API goes.
  await page.keyboard.type('Client --> API[API server ×3]');
  await expect(preview(page).locator('g.node').filter({ hasText: 'API server ×3' })).toHaveCount(1, GRADED);
  await expect(page.getByRole('listitem').filter({ hasText: 'single point of failure' }).getByRole('button', { name: /^API server/ })).toHaveCount(0);
  await step(page, testInfo, '5 fixed');

  // Estimates: checked against the prompt, derivation shown; a hint revealed; both kept with the draft.
  const uploads = page.getByLabel('Average photo uploads per second');
  await uploads.fill('1.2k/s');
  await uploads.press('Enter');
  await expect(page.getByTestId('estimate-average-upload-rate')).toContainText('On target: 1,200 uploads/s, within ±30 % of 1,160.');
  await expect(page.getByTestId('estimate-average-upload-rate')).toContainText('100M uploads a day / 86,400 s');
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByTestId('hint-counter')).toHaveText(/^1 of \d+$/);
  await step(page, testInfo, '6 estimates');

  await page.reload();
  await expect(page.getByTestId('estimate-average-upload-rate')).toContainText('On target', GRADED);
  await expect(page.getByLabel('Average photo uploads per second')).toHaveValue('1.2k/s');
  await expect(page.getByTestId('hint-counter')).toHaveText(/^1 of \d+$/);
  await step(page, testInfo, '7 kept after a reload');

  // The brief: open again after the reload, folded by the next edit, back in one click; pinned, it stays while typing.
  await expect(briefTitle).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' ');
  await expect(briefTitle).toBeHidden();
  await page.getByRole('button', { name: 'Brief', exact: true }).click();
  await expect(briefTitle).toBeVisible();
  const pin = page.getByRole('button', { name: 'Keep open while drawing' });
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await typeLines(page, ['Client --> Feed[Feed service]']);
  // Long after the edit reached the page (it is drawn), the pinned brief is still there.
  await expect(preview(page).locator('g.node').filter({ hasText: 'Feed service' })).toHaveCount(1, GRADED);
  await expect(briefTitle).toBeVisible();
  await step(page, testInfo, '8 brief pinned while drawing');

  // Ctrl/Cmd+K: quick open finds another prompt by its title.
  await page.keyboard.press('ControlOrMeta+K');
  const find = page.getByRole('dialog', { name: 'Quick open' }).getByLabel('Find a prompt, glossary entry or command');
  await find.fill('url short');
  await step(page, testInfo, '9 quick open');
  await find.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'URL shortener' })).toBeVisible();
});
