import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storedDraft } from './storedDraft';

const DIAGRAM = ['flowchart LR', 'U([Customers]) --> M[Mobile API]', 'M --> PG[Payment Gateway]', 'M --> DB[(Accounts · Postgres)]'];
const OVERRIDE = '%% sysdrill: PG is service';
/** Grading loads Mermaid's parser and the grader: slow on a busy two-core machine. */
const GRADED = { timeout: 30_000 };

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
  await expect(page.locator('.cm-content')).toBeVisible();
}

/** Replaces the editor's whole text in one edit, as a paste does. */
async function pasteDiagram(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(lines.join('\n'));
}

/** The editor's lines as shown (the whole text: these diagrams fit in the viewport). */
const editorLines = (page: Page): Promise<string[]> => page.locator('.cm-content .cm-line').allTextContents();
const section = (page: Page): Locator => page.locator('details').filter({ has: page.locator('summary', { hasText: 'How Sysdrill read your diagram' }) });
const readAsCell = (page: Page, id: string): Locator => section(page).locator(`tr[data-node="${id}"] .reading-as`);

test('a box read wrongly is corrected from the list: the editor gains the line, and the reading follows', async ({ app }) => {
  const { page } = app;
  await go(page, '#/prompt/banking');
  await pasteDiagram(page, DIAGRAM);
  await expect(page.getByTestId('diagram-preview').locator('g.node')).toHaveCount(4, GRADED);

  // Collapsed until opened; then every box, as the grader read it.
  const reading = section(page);
  await expect(reading).toBeVisible(GRADED);
  await expect(reading.getByRole('table')).toBeHidden();
  // Opened from the keyboard.
  await reading.locator('summary').focus();
  await page.keyboard.press('Enter');
  const table = reading.getByRole('table', { name: 'Each box as Sysdrill read it' });
  await expect(table).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('details.diagram-reading').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await expect(table.getByRole('rowheader')).toHaveText(['Customers U', 'Mobile API M', 'Payment Gateway PG', 'Accounts · Postgres DB']);
  const before = (await readAsCell(page, 'PG').textContent()) ?? '';
  expect(before).not.toContain('set by you');
  expect(before).not.toBe('service');

  // Corrected with the keyboard-usable select.
  const select = reading.getByRole('combobox', { name: 'Read Payment Gateway as' });
  await select.selectOption({ label: 'service' });
  await expect.poll(() => editorLines(page)).toEqual([...DIAGRAM, OVERRIDE]);
  await expect(readAsCell(page, 'PG')).toHaveText('service (set by you)', GRADED);
  await expect(select).toHaveValue('service');
  // Saved as any typing is.
  await expect.poll(() => storedDraft(app.databaseFile, 'banking')).toBe([...DIAGRAM, OVERRIDE].join('\n'));

  // Undo in the editor takes the line out, and the reading goes back.
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorLines(page)).toEqual(DIAGRAM);
  await expect(readAsCell(page, 'PG')).toHaveText(before, GRADED);
  await expect(select).toHaveValue('');
  await expect.poll(() => storedDraft(app.databaseFile, 'banking')).toBe(DIAGRAM.join('\n'));

  // Chosen again: after a reload the draft holds the line, and the box is read as chosen.
  await select.selectOption({ label: 'service' });
  await expect.poll(() => storedDraft(app.databaseFile, 'banking')).toBe([...DIAGRAM, OVERRIDE].join('\n'));
  await page.reload();
  await expect.poll(() => editorLines(page)).toEqual([...DIAGRAM, OVERRIDE]);
  await section(page).locator('summary').click(GRADED);
  await expect(readAsCell(page, 'PG')).toHaveText('service (set by you)', GRADED);
});

test('a timed mock interview shows nothing of the reading before it is submitted; its report shows it, read-only', async ({ app }) => {
  const { page } = app;
  await page.goto(page.url().replace(/#.*$/, '#/prompt/banking/mock'));
  await page.getByRole('radio', { name: '30 minutes' }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  // Requirements, estimates, then the high-level design with the editor.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  await pasteDiagram(page, [...DIAGRAM, OVERRIDE]);
  await expect(page.getByTestId('diagram-preview').locator('g.node')).toHaveCount(4, GRADED);
  await expect(page.getByText('How Sysdrill read your diagram')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Read .* as$/ })).toHaveCount(0);
  await expect(page.getByTestId('score-total')).toHaveCount(0);

  // Submitted: the report holds the section, collapsed; opened, each box as it was graded, with no select.
  await page.getByRole('button', { name: 'Submit now' }).click();
  await expect(page.getByRole('heading', { name: /^Mock interview report: / })).toBeVisible(GRADED);
  const reading = section(page);
  await expect(reading).toHaveCount(1);
  await expect(reading.getByRole('table')).toBeHidden();
  await reading.locator('summary').click();
  await expect(reading.getByRole('table', { name: 'Each box as Sysdrill read it' }).getByRole('rowheader')).toHaveText(
    ['Customers U', 'Mobile API M', 'Payment Gateway PG', 'Accounts · Postgres DB'],
    GRADED,
  );
  await expect(readAsCell(page, 'DB')).toHaveText('database');
  await expect(readAsCell(page, 'PG')).toHaveText('service (set by you)');
  await expect(reading.getByRole('combobox')).toHaveCount(0);
});
