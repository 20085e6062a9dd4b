/**
 * The practice screen in Chromium (the built renderer through tests/e2e/harness.ts, `npm run
 * build` first): keystroke → updated preview and findings at 40 nodes, Mermaid's render alone on
 * the same text, the longest main-thread task while typing into 200 nodes, and the gzipped
 * JavaScript the home screen loads before it is interactive.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { CONNECT_MESSAGE } from '../renderer/src/mermaid/frameChannel';
import { BUILT_RENDERER_DIR, launchApp } from '../tests/e2e/harness';
import { generateDiagram, seededRandom } from './diagrams';
import type { Figure } from './figure';

const ROUNDS = 30;
/** Pairs of samples taken and dropped before the measured ones. */
const WARM_UP = 6;
const PAUSE_MS = 600;
/** Page global holding the bench's own port to the render frame. */
const ALONE_CHANNEL = '__sysdrillBenchAloneChannel';

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const round1 = (x: number): number => Math.round(x * 10) / 10;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function setText(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await settled(page);
}

/** The preview shows the latest text (no "Updating…") and a drawing. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="preview-status"]')?.textContent === '' && document.querySelector('[data-testid="diagram-preview"]')?.shadowRoot?.querySelector('svg') !== null,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** Page globals of one measured keystroke: the drawing shown before it, and when its key event came. */
const SHOWN_BEFORE = '__sysdrillBenchShownBefore';
const KEY_AT = '__sysdrillBenchKeyAt';

/**
 * One keystroke's update, timed in the page (Playwright's own round trips left out): from the key
 * event's time stamp to the first animation frame that has the new drawing and says nothing is
 * pending. The status alone could be read before the keystroke's own render marked it busy.
 */
async function timeKeystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(
    ({ shownBefore, keyAt }) => {
      const globals = globalThis as Record<string, unknown>;
      globals[shownBefore] = document.querySelector('[data-testid="diagram-preview"]')?.shadowRoot?.querySelector('svg');
      globals[keyAt] = undefined;
      window.addEventListener('keydown', (event) => (globals[keyAt] = event.timeStamp), { capture: true, once: true });
    },
    { shownBefore: SHOWN_BEFORE, keyAt: KEY_AT },
  );
  await page.keyboard.press(key);
  const done = await page.waitForFunction(
    ({ shownBefore, keyAt }) => {
      const globals = globalThis as Record<string, unknown>;
      const svg = document.querySelector('[data-testid="diagram-preview"]')?.shadowRoot?.querySelector('svg');
      const redrawn = document.querySelector('[data-testid="preview-status"]')?.textContent === '' && svg !== null && svg !== undefined && svg !== globals[shownBefore];
      return redrawn && typeof globals[keyAt] === 'number' ? performance.now() - (globals[keyAt] as number) : false;
    },
    { shownBefore: SHOWN_BEFORE, keyAt: KEY_AT },
    { polling: 'raf', timeout: 60_000 },
  );
  return (await done.jsonValue()) as number;
}

/** The frame's side of `renderAlone`, opened once on a port of its own (the frame's own protocol, frameChannel.ts). */
async function openAloneChannel(page: Page): Promise<void> {
  await page.evaluate(
    async ({ connect, channelKey }) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.mermaid-render-frame');
      if (frame?.contentWindow === null || frame === null) throw new Error('no render frame');
      const channel = new MessageChannel();
      // No named local functions: the bench's TypeScript runner would wrap them in a helper the page lacks.
      const replies: ((data: { kind: string }) => void)[] = [];
      channel.port1.onmessage = (event: MessageEvent<{ kind: string }>) => replies.shift()?.(event.data);
      const ready = new Promise<{ kind: string }>((resolve) => replies.push(resolve));
      frame.contentWindow.postMessage({ type: connect }, '*', [channel.port2]);
      await ready;
      (globalThis as Record<string, unknown>)[channelKey] = { port: channel.port1, replies, next: 1 };
    },
    { connect: CONNECT_MESSAGE, channelKey: ALONE_CHANNEL },
  );
}

/** Mermaid alone on `text`, in the same render frame, timed in the page from request to answer. */
async function renderAlone(page: Page, text: string): Promise<number> {
  return page.evaluate(
    async ({ source, channelKey }) => {
      const channel = (globalThis as Record<string, unknown>)[channelKey] as { port: MessagePort; replies: ((data: { kind: string }) => void)[]; next: number };
      const id = channel.next++;
      const answered = new Promise<{ kind: string }>((resolve) => channel.replies.push(resolve));
      const start = performance.now();
      channel.port.postMessage({ id, kind: 'render', text: source, theme: 'light', purpose: 'preview' });
      const reply = await answered;
      const took = performance.now() - start;
      if (reply.kind !== 'rendered') throw new Error(`the frame answered ${reply.kind}`);
      return took;
    },
    { source: text, channelKey: ALONE_CHANNEL },
  );
}

/**
 * Keystroke → update and Mermaid alone on the text the keystroke left, sampled in turn after a
 * warm-up. Mermaid's code gets faster over its first renders (the JIT at work: the first few take
 * up to twice as long), so two blocks measured one after the other would charge that warm-up to
 * whichever block came first. Which of the two goes first in a pair is drawn at random (seeded):
 * the frame's heap fills up about every fourth render, and the render after each full collection
 * is slower, so a fixed order landed that cost on every second render alone all run long.
 */
async function updatesAndRenders(page: Page, text: string): Promise<{ readonly updates: number[]; readonly renders: number[] }> {
  await openAloneChannel(page);
  const random = seededRandom(40);
  const updates: number[] = [];
  const renders: number[] = [];
  for (let i = 0; i < WARM_UP + ROUNDS; i++) {
    // Type a character, then take it away: each keystroke changes the text and its drawing.
    const key = i % 2 === 0 ? 'x' : 'Backspace';
    const typed = i % 2 === 0 ? `${text}x` : text;
    const aloneFirst = random() < 0.5;
    let render = 0;
    if (aloneFirst) {
      await pause(PAUSE_MS);
      render = await renderAlone(page, typed);
    }
    await pause(PAUSE_MS);
    const update = await timeKeystroke(page, key);
    if (!aloneFirst) {
      await pause(PAUSE_MS);
      render = await renderAlone(page, typed);
    }
    if (i < WARM_UP) continue;
    updates.push(update);
    renders.push(render);
  }
  return { updates, renders };
}

async function longestTaskWhileTyping(page: Page): Promise<number> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (globalThis as Record<string, unknown>)['__longTasks'] = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({ type: 'longtask' });
  });
  await page.keyboard.type('%% typing into a big diagram', { delay: 60 });
  await settled(page);
  const tasks = await page.evaluate(() => (globalThis as Record<string, unknown>)['__longTasks'] as number[]);
  return Math.max(0, ...tasks);
}

/** Gzipped bytes of the JavaScript fetched by the time the home screen lists its prompts. */
async function initialJsKb(page: Page): Promise<number> {
  await page.reload();
  await page.locator('.prompt-card, [data-testid="prompt-card"], main a[href^="#/prompt/"]').first().waitFor({ timeout: 60_000 });
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
  const entry = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src));
  const files = [...new Set([...urls, ...entry])].map((url) => new URL(url).pathname.replace(/^\//, ''));
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(BUILT_RENDERER_DIR, file))).length, 0);
  return round1(bytes / 1024);
}

export async function uiBenchmark(): Promise<readonly Figure[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-ui-'));
  const app = await launchApp({ userDataDir });
  try {
    const { page } = app;
    const initial = await initialJsKb(page);
    await page.goto(page.url().replace(/#.*$/, '#/prompt/url-shortener'));
    await page.locator('.cm-content').waitFor();
    const forty = generateDiagram(40);
    await setText(page, forty);
    await page.keyboard.press('ControlOrMeta+End');
    const { updates, renders } = await updatesAndRenders(page, forty);
    await setText(page, generateDiagram(200));
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    const longest = await longestTaskWhileTyping(page);
    const update50 = percentile(updates, 50);
    const render50 = percentile(renders, 50);
    return [
      { name: 'ui.update_p50_ms', value: round1(update50), unit: 'ms' },
      { name: 'ui.update_p95_ms', value: round1(percentile(updates, 95)), unit: 'ms' },
      { name: 'ui.mermaid_render_p50_ms', value: round1(render50), unit: 'ms' },
      { name: 'ui.update_to_render_ratio_p50', value: Math.round((update50 / render50) * 100) / 100, unit: 'ratio' },
      { name: 'ui.longest_task_ms', value: round1(longest), unit: 'ms' },
      { name: 'ui.initial_js_kb', value: initial, unit: 'KB gzip' },
    ];
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
