import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Grading loads Mermaid's parser and drawing runs in a frame: slow on a busy two-core machine. */
const GRADED = { timeout: 30_000 };

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
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

/** The first attempt: a post service with no balancer, one instance, one database. */
const FIRST = ['flowchart LR', 'U([Mobile app]) --> API[Post service]', 'API --> DB[(Posts DB)]'];
/** The second: a balancer in front, three service instances, a feed cache added. */
const SECOND = ['flowchart LR', 'U([Mobile app]) --> LB[Load balancer pair]', 'LB --> API[Post service ×3]', 'API --> DB[(Posts DB)]', 'API --> C[Redis feed cache]'];

/** Types the design into Instagram's practice screen, waits for its grade, submits; returns the attempt id. */
async function submitDesign(page: Page, lines: readonly string[], lastLabel: string): Promise<number> {
  await go(page, '#/prompt/instagram');
  await expect(page.locator('.cm-content')).toBeVisible();
  await replaceText(page, lines);
  await expect(page.getByTestId('diagram-preview').locator('g.node').filter({ hasText: lastLabel })).toHaveCount(1, GRADED);
  await page.getByRole('button', { name: 'Submit for grading' }).click();
  await expect(page).toHaveURL(/#\/attempt\/\d+$/, GRADED);
  return Number(/#\/attempt\/(\d+)$/.exec(page.url())?.[1]);
}

const row = (table: Locator, name: string): Locator => table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });

test('two attempts of Instagram compared: a fixed finding, added components outlined, the sources diffed; then the reference', async ({ app }) => {
  test.setTimeout(360_000);
  const { page } = app;
  const first = await submitDesign(page, FIRST, 'Posts DB');
  const second = await submitDesign(page, SECOND, 'Redis feed cache');
  expect(second).toBeGreaterThan(first);

  // From the second report, "Compare with…" offers the first attempt; the earlier one is "before".
  const compareWith = page.getByRole('region', { name: 'Compare with…' });
  await compareWith.getByRole('link', { name: /Practice attempt of .* \(score \d+\)/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${first}/${second}$`));
  await expect(page.getByRole('heading', { name: 'Instagram-style photo sharing and feed: two attempts compared' })).toBeVisible();

  // The CLI grades these two designs 6 and 15 (`sysdrill grade --prompt instagram`).
  const scores = page.getByRole('table', { name: 'Scores before and after' });
  await expect(row(scores, 'Total')).toContainText(['Total', '6', '15', '+9'].join(''), GRADED);

  // The single instance of the post service was fixed by running three behind a balancer. Findings
  // name boxes by their labels (a fixed one in the first design, a new one in the second), not by Mermaid ids.
  const fixed = page.getByTestId('findings-fixed');
  await expect(fixed.getByRole('listitem').filter({ hasText: 'Single points of failure (Post service)' })).toHaveCount(1);
  await expect(page.getByTestId('findings-new').getByRole('listitem').filter({ hasText: '(Redis feed cache)' }).first()).toBeVisible();
  await expect(page.getByTestId('findings-new').getByRole('listitem').filter({ hasText: '(C)' })).toHaveCount(0);

  const addedNodes = page.getByTestId('structure-added-nodes');
  await expect(addedNodes.getByRole('listitem')).toHaveText(['Load balancer pair (load balancer)', 'Redis feed cache (cache)']);
  await expect(page.getByTestId('structure-changed-nodes').getByRole('listitem')).toHaveText([
    'Post service (service) → Post service ×3 (service), instances 1 → 3 (instances)',
  ]);
  await expect(page.getByTestId('structure-added-edges').getByRole('listitem')).toHaveText([
    'Mobile app → Load balancer pair',
    'Load balancer pair → Post service ×3',
    'Post service ×3 → Redis feed cache',
  ]);
  await expect(page.getByTestId('structure-removed-edges').getByRole('listitem')).toHaveText(['Mobile app → Post service']);

  // Drawn side by side: in the second diagram the added components (and only they) carry the "added" class, their edges too.
  const diagram = page.getByTestId('compare-diagram');
  await expect(diagram.locator('g.node.sysdrill-added')).toHaveCount(2, GRADED);
  await expect(diagram.locator('g.node.sysdrill-added').filter({ hasText: 'Redis feed cache' })).toHaveCount(1);
  await expect(diagram.locator('path.sysdrill-added')).toHaveCount(3);
  // Beside it the first diagram, its one removed connection (app straight to the service) outlined.
  const before = page.getByTestId('compare-diagram-before');
  await expect(before.locator('path.sysdrill-removed')).toHaveCount(1, GRADED);
  await expect(before.locator('g.node.sysdrill-removed')).toHaveCount(0);

  const source = page.getByRole('list', { name: 'Line differences of the Mermaid sources' });
  await expect(source.locator('.line-diff-added')).toHaveText([/U\(\[Mobile app\]\) --> LB\[Load balancer pair\]/, /LB --> API\[Post service ×3\]/, /API --> C\[Redis feed cache\]/]);
  await expect(source.locator('.line-diff-removed')).toHaveText([/U\(\[Mobile app\]\) --> API\[Post service\]/]);

  // Typed with the later attempt first, the earlier one is still "Before": the same scores, the same order.
  await go(page, `#/compare/${second}/${first}`);
  await expect(page.getByText('The earlier attempt is always “Before”, the later “After”.', { exact: false })).toBeVisible(GRADED);
  await expect(row(page.getByRole('table', { name: 'Scores before and after' }), 'Total')).toContainText(['Total', '6', '15', '+9'].join(''), GRADED);
  await expect(page.getByTestId('findings-fixed').getByRole('listitem').filter({ hasText: 'Single points of failure (Post service)' })).toHaveCount(1);

  // After a submission, the same comparison against the reference design.
  await go(page, `#/attempt/${first}`);
  await page.getByRole('region', { name: 'Compare with…' }).getByRole('link', { name: 'The reference design' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${first}/reference$`));
  await expect(page.getByRole('heading', { name: 'Instagram-style photo sharing and feed: your attempt against the reference design' })).toBeVisible();
  await expect(page.getByTestId('structure-added-nodes').getByRole('listitem').filter({ hasText: 'CDN · CloudFront (cdn)' })).toHaveCount(1, GRADED);
  // "Post service" and the reference's "Post service ×6" are one component, scaled out.
  await expect(page.getByTestId('structure-changed-nodes')).toContainText('Post service (service) → Post service ×6 (service), instances 1 → 6');
  await expect(page.getByTestId('compare-diagram').locator('g.node.sysdrill-added').filter({ hasText: 'Fan-out workers ×20' })).toHaveCount(1, GRADED);
});

test('the failure drill fails the cache and the database and lists which capabilities break', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await go(page, '#/prompt/instagram');
  await expect(page.locator('.cm-content')).toBeVisible();
  await replaceText(page, SECOND);
  await expect(page.getByTestId('diagram-preview').locator('g.node').filter({ hasText: 'Redis feed cache' })).toHaveCount(1, GRADED);

  const drill = page.getByRole('region', { name: 'Failure drill' });
  await drill.getByRole('button', { name: 'Failure drill' }).click();
  const drawn = drill.getByTestId('drill-diagram');
  const node = (label: string): Locator => drawn.locator('g.node').filter({ hasText: label });
  await expect(node('Redis feed cache')).toHaveCount(1, GRADED);
  const broken = drill.getByTestId('drill-broken');
  const working = drill.getByTestId('drill-working');
  await expect(broken.getByRole('listitem')).toHaveCount(0);
  await expect(working.getByRole('listitem')).toHaveText([
    'Post metadata is written to a database by a post service (core)',
    'The home feed is read from a precomputed feed or a cache (core)',
  ]);

  await node('Redis feed cache').click();
  await node('Posts DB').click();
  await expect(node('Redis feed cache')).toHaveClass(/sysdrill-failed/);
  await expect(node('Posts DB')).toHaveClass(/sysdrill-failed/);
  await expect(broken.getByRole('listitem')).toHaveText([
    'Post metadata is written to a database by a post service (core)',
    'The home feed is read from a precomputed feed or a cache (core)',
  ]);
  await expect(working.getByRole('listitem')).toHaveCount(0);
  await expect(drill.getByTestId('drill-broken-flows').getByRole('listitem')).toHaveText(['Mobile app → Posts DB', 'Mobile app → Redis feed cache']);
  await expect(drill.getByRole('checkbox', { name: 'Posts DB' })).toBeChecked();

  // The balancer failing too greys out the service behind it: no client reaches it any more.
  await drill.getByRole('checkbox', { name: 'Load balancer pair' }).check();
  await expect(node('Post service ×3')).toHaveClass(/sysdrill-unreachable/);

  await drill.getByRole('button', { name: 'Reset' }).click();
  await expect(drawn.locator('g.node.sysdrill-failed, g.node.sysdrill-unreachable')).toHaveCount(0);
  await expect(broken.getByRole('listitem')).toHaveCount(0);
});
