import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';
import { expect, test } from './fixtures';
import { GRADER_VERSION } from '../../rubrics/version';

/**
 * Mock interviews end to end, on Playwright's fake clock: the page's time stands still except when
 * a test moves it (`runFor` fires every timer on the way, as real time would), so countdowns,
 * phase colours, the curveball moment and phase times are exact.
 */

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const START = T0 + 1_000;
const SEC = 1_000;
const MIN = 60_000;

/** Installs the fake clock, standing still at `at`. */
async function freezeClock(page: Page, at: number): Promise<void> {
  await page.clock.install({ time: at - SEC });
  await page.clock.pauseAt(at);
}

/** For a page that is already open: freeze its clock and load it again under that clock. */
async function pauseClockAt(page: Page, at: number): Promise<void> {
  await freezeClock(page, at);
  await page.reload();
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
}

async function startMock(page: Page, promptId: string): Promise<void> {
  await go(page, `#/prompt/${promptId}/mock`);
  await page.getByRole('radio', { name: '30 minutes' }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByTestId('mock-remaining')).toHaveText('30:00');
}

async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.cm-content').click();
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const phaseClock = (page: Page): Locator => page.getByTestId('phase-clock');

/** Submitting grades the diagram, which loads Mermaid's parser: slow on a busy two-core machine. */
const GRADED = { timeout: 30_000 };

/**
 * Launches Sysdrill on `userDataDir` (again, as after closing it), its page clock standing still
 * at `at` from the first load on: what the app does at launch happens at that time.
 */
async function launchAt(browser: Browser, userDataDir: string, at: number): Promise<{ app: LaunchedApp; errors: string[] }> {
  const app = await launchApp({ userDataDir, browser, beforeLoad: (page) => freezeClock(page, at) });
  const errors: string[] = [];
  app.page.on('pageerror', (error) => errors.push(error.message));
  app.page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { app, errors };
}

const DIAGRAM = ['flowchart LR', 'U([Shoppers]) --> LB[Load balancer]', 'LB --> API[Order service]', 'API --> DB[(Orders DB)]'];

test('a full 30-minute mock: phases, amber and red, worksheet, curveball, submitted at zero, report', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await pauseClockAt(page, START);
  await startMock(page, 'ecommerce');

  // Requirements: the answers are behind "Ask"; nothing that gives the design away is on screen.
  await expect(phaseClock(page)).toHaveAttribute('data-tone', 'calm');
  await expect(page.getByTestId('phase-remaining')).toHaveText('3:20');
  await expect(page.getByTestId('score-total')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Reference design' })).toHaveCount(0);
  await expect(page.getByText('Hints')).toHaveCount(0);
  await page.clock.runFor(10 * SEC);
  await page.getByRole('button', { name: 'Ask: How big is a flash sale?' }).click();
  await page.clock.runFor(20 * SEC);
  await page.getByRole('button', { name: 'Ask: Is this a single region?' }).click();
  await page.getByLabel('Assumptions and requirements').fill('Flash sales matter most.');

  // 80 % of the 3:20 budget is 2:40: amber from there, red once it is all used.
  await page.clock.runFor(145 * SEC);
  await expect(phaseClock(page)).toHaveAttribute('data-tone', 'amber');
  await expect(page.getByTestId('phase-remaining')).toHaveText('0:25');
  await page.clock.runFor(30 * SEC);
  await expect(phaseClock(page)).toHaveAttribute('data-tone', 'red');
  await expect(page.getByTestId('phase-remaining')).toHaveText('+0:05 over');
  await expect(page.getByTestId('mock-remaining')).toHaveText('26:35');

  // Estimates: labels only; the field says what it reads or why it cannot.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(phaseClock(page)).toHaveAttribute('data-tone', 'calm');
  await expect(page.getByText('35000')).toHaveCount(0);
  await page.getByLabel('Buy requests per second in the first minute of a flash sale').fill('20k/s');
  await expect(page.getByText('Reads as 20,000 per second')).toBeVisible();
  await page.getByLabel('Order storage per year').fill('3.5 TB/day');
  await expect(page.getByText('Reads as 3.5 TB per day')).toBeVisible();
  await page.getByLabel('Peak page and API reads per second').fill('5k/s');
  await page.getByLabel('Cache for hot product records').fill('lots');
  await expect(page.getByRole('alert').filter({ hasText: '“lots” does not start with a number' })).toBeVisible();
  await page.clock.runFor(100 * SEC);

  // High-level design at 5:05, deep dive at 13:25.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await typeLines(page, DIAGRAM);
  await page.clock.runFor(500 * SEC);
  await expect(page.getByTestId('diagram-preview').locator('g.node')).toHaveCount(4);
  await expect(page.getByTestId('score-total')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(page.getByRole('alert', { name: 'Curveball' })).toHaveCount(0);

  // The curveball is due at 0.67 × 30:00 = 20:06 of interview time.
  await page.clock.runFor(400 * SEC);
  await expect(page.getByRole('alert', { name: 'Curveball' })).toHaveCount(0);
  await page.clock.runFor(1 * SEC);
  await expect(page.getByRole('alert', { name: 'Curveball' })).toContainText('A flash sale of 10,000 units opens to 2 million users');

  // At zero it is submitted without a click.
  await page.clock.runFor(594 * SEC);
  await expect(page.getByRole('heading', { name: 'Mock interview report: E-commerce store with flash sales' })).toBeVisible(GRADED);
  await page.clock.resume();

  await expect(page.getByTestId('score-total')).toBeVisible();
  const curveball = page.locator('.report-curveball');
  await expect(curveball).toContainText('(at 20:06)');
  await expect(page.getByTestId('curveball-verdict')).toHaveText('Not absorbed.');

  const estimates = page.getByRole('table', { name: 'Estimates against the expected values' });
  const verdictOf = (label: string): Locator => estimates.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
  await expect(verdictOf('Buy requests per second in the first minute of a flash sale')).toContainText('On target');
  await expect(verdictOf('Peak page and API reads per second')).toContainText('Right order of magnitude');
  await expect(verdictOf('Order storage per year')).toContainText('Off1,280 TB is 852× the expected 1.5');
  await expect(verdictOf('Cache for hot product records')).toContainText('“lots” does not start with a number');
  await expect(verdictOf('Image bandwidth at peak (served by the CDN)')).toContainText('Not answered');

  await expect(page.getByRole('heading', { name: 'Clarifying questions (2 of 6 asked)' })).toBeVisible();
  await expect(page.getByText('Asked at 0:10: How big is a flash sale?')).toBeVisible();
  await expect(page.getByText('Asked at 0:30: Is this a single region?')).toBeVisible();
  await expect(page.getByText('Not asked: Who reads the order history?')).toBeVisible();

  const phases = page.getByRole('table', { name: 'Time per phase against budget' });
  await expect(phases.getByRole('row')).toHaveText([
    'PhaseUsedBudget',
    'Requirements and clarifying questions3:253:20',
    'Capacity estimates1:403:20',
    'High-level design8:2010:00',
    'Deep dive16:3510:00',
    'Wrap-up0:003:20',
  ]);

  // A finding's node is outlined on the drawn diagram.
  const diagram = page.locator('.report-diagram').getByTestId('diagram-preview');
  await expect(diagram.locator('g.node')).toHaveCount(4);
  await page.locator('.report-findings').getByRole('button', { name: 'Orders DB', exact: true }).first().click();
  await expect(diagram.locator('g.node.sysdrill-highlight')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Reference design' })).toBeVisible();

  const stored = readDb(app.databaseFile, (db) => ({
    attempt: db.prepare("SELECT status, outcome, submitted_at, curveball_id, grader_version FROM attempts WHERE mode = 'mock'").get(),
    events: db.prepare('SELECT kind, phase, elapsed_ms FROM attempt_phase_events ORDER BY seq').all(),
    rules: db.prepare('SELECT count(*) FROM attempt_rule_results').pluck().get(),
    concepts: db.prepare('SELECT count(*) FROM attempt_concept_results').pluck().get(),
  }));
  expect(stored.attempt).toEqual({ status: 'submitted', outcome: 'graded', submitted_at: START + 30 * MIN, curveball_id: 'flash-sale', grader_version: GRADER_VERSION });
  expect(stored.events).toContainEqual({ kind: 'curveball', phase: 'deep-dive', elapsed_ms: 1_206_000 });
  // One row per rule in the e-commerce rubric (ten rules).
  expect(stored.rules).toBe(10);
  expect(stored.concepts).toBeGreaterThan(0);
});

test('a mock interrupted by closing resumes with the right time left and the last second of typing', async ({ browser, userDataDir }) => {
  test.setTimeout(120_000);
  const first = await launchAt(browser, userDataDir, START);
  const page = first.app.page;
  await startMock(page, 'url-shortener');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.clock.runFor(60 * SEC);
  const lines = ['flowchart LR', 'C([Client]) --> A[Shortener]', 'A --> K[(Links)]'];
  await typeLines(page, lines);
  // Written within a second of the last keystroke, without any other trigger.
  await page.clock.runFor(1 * SEC);
  await expect.poll(() => readDb(first.app.databaseFile, (db) => db.prepare('SELECT diagram FROM attempts').pluck().get())).toBe(lines.join('\n'));
  await first.app.close();
  expect(first.errors).toEqual([]);

  // Closed for five minutes: the clock kept running (61 s used + 300 s closed = 23:59 left).
  const second = await launchAt(browser, userDataDir, START + 361 * SEC);
  const offer = second.app.page.getByRole('region', { name: 'Unfinished mock interview' });
  await expect(offer).toContainText('“URL shortener”, 23:59 left');
  await offer.getByRole('button', { name: 'Resume' }).click();
  await expect(second.app.page.getByTestId('mock-remaining')).toHaveText('23:59');
  await expect(second.app.page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')).toHaveText('High-level design');
  await expect(second.app.page.locator('.cm-content')).toHaveText(lines.join(''));
  await second.app.page.clock.runFor(30 * SEC);
  await expect(second.app.page.getByTestId('mock-remaining')).toHaveText('23:29');
  await second.app.close();
  expect(second.errors).toEqual([]);
  expect(second.app.internalErrors).toEqual([]);
});

test('a mock whose time ran out while Sysdrill was closed is submitted on launch with what was saved', async ({ browser, userDataDir }) => {
  test.setTimeout(120_000);
  const first = await launchAt(browser, userDataDir, START);
  await startMock(first.app.page, 'url-shortener');
  await first.app.page.getByRole('button', { name: 'Next phase' }).click();
  await first.app.page.getByRole('button', { name: 'Next phase' }).click();
  const lines = ['flowchart LR', 'C([Client]) --> A[Shortener]', 'A --> K[(Links)]'];
  await typeLines(first.app.page, lines);
  await first.app.page.clock.runFor(1 * SEC);
  await expect.poll(() => readDb(first.app.databaseFile, (db) => db.prepare('SELECT diagram FROM attempts').pluck().get())).toBe(lines.join('\n'));
  await first.app.close();

  const second = await launchAt(browser, userDataDir, START + 40 * MIN);
  const page = second.app.page;
  const notice = page.getByRole('status', { name: 'Mock interview submitted' });
  await expect(notice).toContainText('“URL shortener” ran out of time while Sysdrill was closed, so it was submitted with what was saved.', GRADED);
  await expect(page.getByRole('region', { name: 'Unfinished mock interview' })).toHaveCount(0);
  await notice.getByRole('link', { name: 'See the report' }).click();
  await expect(page.getByTestId('score-total')).toBeVisible();
  const phases = page.getByRole('table', { name: 'Time per phase against budget' });
  await expect(phases.getByRole('row').filter({ hasText: 'High-level design' })).toHaveText('High-level design30:0010:00');
  expect(readDb(second.app.databaseFile, (db) => db.prepare('SELECT status, outcome, diagram FROM attempts').get())).toEqual({
    status: 'submitted',
    outcome: 'graded',
    diagram: lines.join('\n'),
  });
  await second.app.close();
  expect(second.errors).toEqual([]);
  expect(second.app.internalErrors).toEqual([]);
});

test('an empty mock is recorded as "no design submitted", never graded', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await pauseClockAt(page, START);
  await startMock(page, 'banking');
  await page.clock.runFor(90 * SEC);
  await page.getByRole('button', { name: 'Submit now' }).click();
  await expect(page.getByTestId('no-design')).toHaveText('No design submitted: nothing was drawn, so there is no score.', GRADED);
  await expect(page.getByTestId('score-total')).toHaveCount(0);
  await expect(page.locator('.report-findings')).toHaveCount(0);
  expect(
    readDb(app.databaseFile, (db) => ({
      attempt: db.prepare('SELECT status, outcome, total_score, score_json FROM attempts').get(),
      rules: db.prepare('SELECT count(*) FROM attempt_rule_results').pluck().get(),
    })),
  ).toEqual({ attempt: { status: 'submitted', outcome: 'no-design', total_score: null, score_json: null }, rules: 0 });
});

test('practice: Ctrl+Enter submits the draft for grading, records a practice attempt and keeps the draft', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await go(page, '#/prompt/url-shortener');
  const lines = ['flowchart LR', 'C([Client]) --> A[Shortener]', 'A --> K[(Links)]'];
  await typeLines(page, lines);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Practice attempt: URL shortener' })).toBeVisible(GRADED);
  await expect(page.getByTestId('score-total')).toBeVisible();
  // url-shortener.yaml asks for three capabilities; the drawing stores links, with no cache and no click stream.
  const coverage = page.locator('.report-coverage');
  await expect(coverage.getByRole('heading')).toHaveText('Requirement coverage (1 of 3 served)');
  await expect(coverage.locator('li')).toHaveText([
    /^Served: Short codes and their long URLs are stored/,
    /^Missing: Redirects read hot links from a cache/,
    /^Missing: Clicks are counted off the redirect path/,
  ]);
  await expect(page.getByRole('table', { name: 'Time per phase against budget' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Back to the prompt' }).click();
  await expect(page.locator('.cm-content')).toHaveText(lines.join(''));
  expect(readDb(app.databaseFile, (db) => db.prepare('SELECT mode, status, outcome, diagram FROM attempts').get())).toEqual({
    mode: 'practice',
    status: 'submitted',
    outcome: 'graded',
    diagram: lines.join('\n'),
  });
});

test('double-clicking "Next phase" into the wrap-up does not submit: "Submit now" never moves under the pointer', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await pauseClockAt(page, START);
  await startMock(page, 'url-shortener');
  const next = page.getByRole('button', { name: 'Next phase' });
  await next.click();
  await next.click();
  await next.click();
  await expect(page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')).toHaveText('Deep dive');
  await next.dblclick();
  await expect(page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')).toHaveText('Wrap-up');
  await page.clock.runFor(2 * SEC);
  await expect(page.getByRole('button', { name: 'Submit now' })).toBeEnabled();
  await expect(page.getByTestId('mock-remaining')).toHaveText('29:58');
  expect(readDb(app.databaseFile, (db) => db.prepare('SELECT status FROM attempts').pluck().get())).toBe('in_progress');
});

test('the countdowns and the phase controls stay in view while the candidate scrolls a long phase', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await pauseClockAt(page, START);
  await startMock(page, 'banking');
  const notes = page.getByLabel('Assumptions and requirements');
  await notes.scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Mock interview: Bank ledger and money transfers' })).not.toBeInViewport();
  await expect(page.getByTestId('mock-remaining')).toBeInViewport();
  await expect(phaseClock(page)).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Next phase' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Submit now' })).toBeInViewport();
});
