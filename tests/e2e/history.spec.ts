import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * History and review end to end: two practice attempts of Instagram submitted through the app
 * (Ctrl+Enter), listed in History, narrowed by the filters, opened for review, and counted on
 * the home screen's card.
 */

/** Submitting grades the diagram, which loads Mermaid's parser: slow on a busy two-core machine. */
const GRADED = { timeout: 30_000 };
const TITLE = 'Instagram-style photo sharing and feed';

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
}

async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.cm-content').click();
  for (const line of lines) {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

function scores(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT total_score FROM attempts WHERE status = 'submitted' ORDER BY id").pluck().all() as number[];
  } finally {
    db.close();
  }
}

function writeDb(file: string, write: (db: Database.Database) => unknown): void {
  const db = new Database(file);
  try {
    write(db);
  } finally {
    db.close();
  }
}

const FIRST = ['U([Users]) --> API[Feed service]', 'API --> DB[(Posts DB)]'];
const SECOND = ['API --> C[(Feed cache · Redis)]', 'API --> S3[(Photo store · S3)]', 'U --> CDN[CDN] --> S3'];

test('two Instagram attempts are listed in History, filtered, reviewed, and counted on the home card', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;

  await go(page, '#/prompt/instagram');
  await page.locator('.cm-content').click();
  await page.keyboard.type('flowchart LR');
  await typeLines(page, FIRST);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: `Practice attempt: ${TITLE}` })).toBeVisible(GRADED);

  await page.getByRole('link', { name: '← Back to the prompt' }).click();
  await expect(page.locator('.cm-content')).toContainText('Posts DB');
  await page.locator('.cm-content').press('Control+End');
  await typeLines(page, SECOND);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: `Practice attempt: ${TITLE}` })).toBeVisible(GRADED);

  const [firstScore, secondScore] = scores(app.databaseFile);
  expect(firstScore).toBeDefined();
  expect(secondScore).toBeGreaterThan(firstScore ?? 100);

  // History: both, newest first.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'History' }).click();
  const table = page.getByRole('table', { name: 'Attempts' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('th')).toHaveText(TITLE);
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText(String(secondScore));
  await expect(rows.nth(1).locator('td').nth(3)).toHaveText(String(firstScore));
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText('Practice');

  // Filters narrow the list: another prompt has none, a score floor keeps the better one.
  await page.getByRole('combobox', { name: 'Prompt' }).selectOption({ label: 'Bank ledger and money transfers' });
  await expect(page.getByText('No attempt matches these filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Prompt' }).selectOption({ label: TITLE });
  await expect(rows).toHaveCount(2);
  await page.getByRole('spinbutton', { name: 'Score from' }).fill(String(secondScore));
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText(String(secondScore));

  // Review: the stored report and the drawn diagram.
  await rows.nth(0).getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: `Practice attempt: ${TITLE}` })).toBeVisible();
  await expect(page.getByTestId('score-total')).toContainText(String(secondScore));
  const diagram = page.locator('.report-diagram svg');
  await expect(diagram).toBeVisible(GRADED);
  await expect(diagram).toContainText('Feed cache');
  // The reviewed drawing zooms like the workspace preview (one step is ×1.25).
  const zoom = page.getByRole('region', { name: 'Your diagram' });
  await expect(zoom.getByTestId('zoom-level')).toHaveText('100 % of fit');
  await zoom.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom.getByTestId('zoom-level')).toHaveText('125 % of fit');
  await expect(page.getByRole('button', { name: 'Re-grade with the current rules' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again from this design' })).toBeVisible();

  // The same attempt as if graded by an older grader: said so, re-graded beside the stored report, which stays.
  const reviewed = page.url();
  const attemptId = Number(/#\/attempt\/(\d+)/.exec(reviewed)?.[1]);
  writeDb(app.databaseFile, (db) => db.prepare("UPDATE attempts SET grader_version = '0' WHERE id = ?").run(attemptId));
  await page.reload();
  await expect(page.getByTestId('grader-version-note')).toContainText('graded by grader version 0');
  await expect(page.getByText('Re-grading also shows how each box of your diagram was read.')).toBeVisible();
  await page.getByRole('button', { name: 'Re-grade with the current rules' }).click();
  await expect(page.getByRole('region', { name: 'Stored report (version 0)' }).getByTestId('score-total')).toHaveText(String(secondScore));
  await expect(page.getByRole('region', { name: /^Current rules \(version / }).getByTestId('score-total')).toHaveText(String(secondScore), GRADED);
  expect(scores(app.databaseFile)).toEqual([firstScore, secondScore]);

  // Home card: best score, two attempts, practised today.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Prompts' }).click();
  const card = page.locator('.prompt-card', { has: page.getByRole('link', { name: TITLE }) });
  await expect(card.getByTestId('prompt-stats')).toHaveText(new RegExp(`Best ${secondScore} · 2 attempts · last practised today$`));

  // Back in History after the review, the filters are as they were left: Instagram, from the better score.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('combobox', { name: 'Prompt' })).toHaveValue('instagram');
  await expect(page.getByRole('spinbutton', { name: 'Score from' })).toHaveValue(String(secondScore));
  await expect(rows).toHaveCount(1);
});
