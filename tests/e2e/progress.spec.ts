import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Progress and "practice next" end to end: attempts are submitted through window.api (the real
 * handlers and SQLite file behind the harness) with hand-written reports, so every figure on the
 * screen is known in advance.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Collects CSP violations from page load on (the fixture also fails on console errors). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript({
    content: `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' on ' + location.hash));`,
  });
  await page.reload();
}

const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** One graded Instagram attempt: replication at `replication` (0–1) with a major finding, caching at 0.9. */
async function submitInstagram(page: Page, startedAt: number, submittedAt: number, replication: number, total: number): Promise<void> {
  const outcome = await page.evaluate(
    async ({ startedAt, submittedAt, replication, total }) => {
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: { id: number }; error?: unknown }>> }).api;
      const started = await api['startAttempt']?.({ promptId: 'instagram', mode: 'practice', lengthMin: null, startedAt });
      if (!started?.ok || started.value === undefined) return started;
      return api['submitAttempt']?.({
        progress: { id: started.value.id, phase: null, clockOffsetMs: 0, lastSeenAt: submittedAt, deadlineAt: null, diagram: 'flowchart LR\n  U[Users] --> DB[(Photos DB)]', notes: {}, estimates: [], questions: [], curveballId: null, events: [] },
        submittedAt,
        report: {
          outcome: 'graded',
          score: {
            total,
            coverage: 100,
            quality: total,
            categories: { data: Math.round(replication * 100), performance: 90 },
            capped: false,
            rules: [
              { rule: 'replication', category: 'data', weight: 2, required: true, score: replication },
              { rule: 'caching', category: 'performance', weight: 1, required: false, score: 0.9 },
            ],
          },
          findings: [{ rule: 'replication', severity: 'major', nodes: ['DB'], message: 'The photos database has no replica.', why: 'w', fix: 'f', concept: 'replication' }],
          parseErrors: [],
          estimates: [],
          questions: [],
          phases: [],
        },
      });
    },
    { startedAt, submittedAt, replication, total },
  );
  expect(outcome).toMatchObject({ ok: true });
}

test('a new profile is offered an easy first prompt and told how suggestions will work', async ({ app }) => {
  const { page } = app;
  const card = page.getByTestId('practice-next');
  await expect(card.getByRole('heading')).toHaveText('Practice next: your first prompt');
  await expect(card.getByTestId('practice-next-reason')).toContainText('Start with an easy one. Every graded attempt schedules the concepts it exercised');
  await card.getByRole('link', { name: 'Open URL shortener' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'URL shortener' })).toBeVisible();
});

test('after two attempts: practice next names a concept and opens its prompt; Progress draws its charts with zero CSP violations', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await watchCsp(page);
  const now = Date.now();
  // Replication 35 three days ago, then 40 half an hour ago (each "Again"); caching 90 both times.
  await submitInstagram(page, now - 3 * DAY, now - 3 * DAY + HOUR / 2, 0.35, 50);
  await submitInstagram(page, now - HOUR, now - HOUR / 2, 0.4, 55);

  await page.reload();
  const card = page.getByTestId('practice-next');
  // The 40 (Again) is not due until tomorrow, but a weak concept is to practise now, not "nothing is due".
  await expect(card.getByTestId('practice-next-reason')).toHaveText('Your weakest concept: Replication and failover (last scored 40). Practise it now.');
  await expect(card.getByRole('link', { name: 'Replication and failover' })).toHaveAttribute('href', '#/glossary/replication');
  const open = card.getByRole('link', { name: /^Open / });
  const title = ((await open.textContent()) ?? '').replace(/^Open /, '');
  await open.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  // The intro promises the concepts to work on: the home screen's Practice next card is here too.
  await expect(page.getByTestId('practice-next').getByTestId('practice-next-reason')).toHaveText(
    'Your weakest concept: Replication and failover (last scored 40). Practise it now.',
  );
  const month = (ms: number): string => `${MONTHS[new Date(ms).getMonth()]} ${new Date(ms).getFullYear()}`;

  // The charts are SVG: axis ticks, the axis label and the legend are read from their text.
  const byPrompt = page.getByTestId('chart-prompts');
  await expect(byPrompt.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(byPrompt.locator('.recharts-xAxis-tick-labels text').last()).toHaveText(month(now));
  await expect(byPrompt.locator('.recharts-yAxis-tick-labels text')).toHaveText(['0', '25', '50', '75', '100']);
  await expect(byPrompt.locator('.recharts-label')).toHaveText('Average score');
  await expect(byPrompt.locator('.recharts-legend-item-text')).toHaveText(['Instagram-style photo sharing and feed']);
  await expect(byPrompt.locator('.recharts-line-curve')).toHaveCount(1);
  const byCategory = page.getByTestId('chart-categories');
  await expect(byCategory.locator('.recharts-legend-item-text')).toHaveText(['Data', 'Performance']);

  // Weakest first: replication (35, 40 → 38) before caching (90, 90).
  const rows = page.locator('.progress-concepts tbody tr');
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Replication and failover');
  await expect(rows.nth(0).getByRole('cell').nth(0)).toHaveText('38');
  // Two scores already have a trend (35 → 40: +5), read against a column that says its order.
  await expect(page.locator('.progress-concepts thead th').nth(3)).toHaveText('Recent scores, oldest → newest');
  await expect(rows.nth(0).getByRole('cell').nth(1)).toHaveText('+5');
  await expect(rows.nth(0).getByRole('cell').nth(2)).toHaveText('35, 40');
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Caching');
  await expect(rows.nth(0).getByRole('link', { name: 'Replication and failover' })).toHaveAttribute('href', '#/glossary/replication');
  await expect(rows.nth(0).getByRole('link', { name: 'Instagram-style photo sharing and feed' })).toHaveAttribute('href', '#/prompt/instagram');
  await expect(page.getByTestId('progress-week')).toContainText('over');

  expect(await cspViolations(page)).toEqual([]);
});
