/**
 * The practice screen in Chromium (the built renderer through tests/e2e/harness.ts, `npm run
 * build` first): keystroke → updated preview and findings at 40 nodes against Mermaid's render
 * alone on the same text (the target ratio), with the render frame's own check inside each update
 * as a diagnostic, the longest main-thread task while typing into 200 nodes, and the gzipped
 * JavaScript the home screen loads before it is interactive. `SYSDRILL_BENCH_SAMPLES=<file>` also writes every
 * measured sample there (JSON).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { CONNECT_MESSAGE } from '../renderer/src/mermaid/frameChannel';
import { BUILT_RENDERER_DIR, launchApp } from '../tests/e2e/harness';
import { generateDiagram, seededRandom } from './diagrams';
import type { Figure } from './figure';
import { aloneGoesFirst, uiUpdateFigures, type UiSample } from './uiFigures';

const ROUNDS = 30;
/** Pairs of samples taken and dropped before the measured ones. */
const WARM_UP = 6;
const PAUSE_MS = 600;
/** Page global holding the bench's own port to the render frame. */
const ALONE_CHANNEL = '__sysdrillBenchAloneChannel';
/** Page global: the page's `check` requests to the render frame, each with when it was posted and answered. */
const CHECKS = '__sysdrillBenchChecks';

/**
 * Runs in the app's page before its own scripts (source text, not a function: the TypeScript
 * runner's helpers would not exist in the page). It only observes: every `check` the page posts
 * to the render frame is timed from the post to the start of the handler that receives its
 * answer — the same two points, in the same page, that time Mermaid alone (`renderAlone`).
 */
const CHECK_TIMING_SCRIPT = `(() => {
  if (window !== window.top) return;
  const checks = [];
  Object.defineProperty(globalThis, ${JSON.stringify(CHECKS)}, { value: checks });
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message !== null && typeof message === 'object' && message.kind === 'check') checks.push({ id: message.id, sent: performance.now(), answered: undefined });
    return post.call(this, message, ...rest);
  };
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    ...onmessage,
    set(handler) {
      const timed = typeof handler !== 'function' ? handler : function (event) {
        const data = event.data;
        if (data !== null && typeof data === 'object' && data.kind === 'checked') {
          const check = checks.findLast((c) => c.id === data.id && c.answered === undefined);
          if (check !== undefined) check.answered = performance.now();
        }
        return handler.call(this, event);
      };
      onmessage.set.call(this, timed);
    },
  });
})();`;

const round1 = (x: number): number => Math.round(x * 10) / 10;
/** The machine's load average when the samples were taken (Linux), to read a run's figures by. */
const readLoadAverage = (): string | undefined => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return undefined;
  }
};
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

/** Page global: starts watching for one keystroke's update (UPDATE_WATCH_SCRIPT). */
const WATCH_UPDATE = '__sysdrillBenchWatchUpdate';

/**
 * Runs in the app's page before its own scripts (source text, as CHECK_TIMING_SCRIPT). Watches for
 * one keystroke's update without polling: a mutation observer on the page and on the preview's
 * shadow root notices the commit that brings a new drawing with nothing pending, and the update is
 * timed in the first animation frame after it, from the key event's time stamp — the end point a
 * poll in every animation frame would find, without running the page's frame loop all along
 * (Mermaid alone is timed without one). The status alone could be read before the keystroke's own
 * render marked it busy, hence the new drawing too. With the update, the frame's check that drew it.
 */
const UPDATE_WATCH_SCRIPT = `(() => {
  if (window !== window.top) return;
  Object.defineProperty(globalThis, ${JSON.stringify(WATCH_UPDATE)}, { value: () => {
    const preview = () => document.querySelector('[data-testid="diagram-preview"]');
    const drawing = () => preview()?.shadowRoot?.querySelector('svg') ?? null;
    const before = drawing();
    let keyAt;
    window.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
    const checks = globalThis[${JSON.stringify(CHECKS)}];
    checks.length = 0;
    const redrawn = () => document.querySelector('[data-testid="preview-status"]')?.textContent === '' && drawing() !== null && drawing() !== before && keyAt !== undefined;
    return new Promise((resolve) => {
      let frame;
      const observer = new MutationObserver(() => {
        if (frame !== undefined || !redrawn()) return;
        frame = requestAnimationFrame(() => {
          frame = undefined;
          if (!redrawn()) return;
          const update = performance.now() - keyAt;
          observer.disconnect();
          const answered = checks.filter((check) => check.answered !== undefined);
          const drawn = answered[answered.length - 1];
          resolve({ update, check: drawn === undefined ? -1 : drawn.answered - drawn.sent, checks: answered.length });
        });
      });
      const watch = { subtree: true, childList: true, characterData: true };
      observer.observe(document, watch);
      const shadow = preview()?.shadowRoot;
      if (shadow) observer.observe(shadow, watch);
    });
  } });
})();`;

/** One keystroke: its update, and the render frame's check inside it (request to answer). */
interface Keystroke {
  readonly update: number;
  readonly check: number;
}

/** One keystroke's update, timed in the page (Playwright's own round trips left out; UPDATE_WATCH_SCRIPT). */
async function timeKeystroke(page: Page, key: string): Promise<Keystroke> {
  const watching = await page.evaluateHandle((watch) => ({ done: ((globalThis as Record<string, unknown>)[watch] as () => Promise<unknown>)() }), WATCH_UPDATE);
  await page.keyboard.press(key);
  const { update, check, checks } = (await page.evaluate((handle) => handle.done, watching)) as { update: number; check: number; checks: number };
  await watching.dispose();
  if (checks !== 1) throw new Error(`a keystroke sent ${checks} checks to the render frame (expected 1)`);
  return { update, check };
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
 * Keystrokes (each with the frame's check inside it) and Mermaid alone on the text the keystroke
 * left, sampled in turn after a warm-up. Mermaid's code gets faster over its first renders (the JIT
 * at work: the first few take up to twice as long), so two blocks measured one after the other
 * would charge that warm-up to whichever block came first. Which of the two goes first in a pair
 * is drawn at random (seeded): the frame's heap fills up about every fourth render, and the render
 * after each full collection is slower, so a fixed order landed that cost on every second render
 * alone all run long.
 */
async function updatesAndRenders(page: Page, text: string): Promise<UiSample[]> {
  await openAloneChannel(page);
  const random = seededRandom(40);
  const samples: UiSample[] = [];
  for (let i = 0; i < WARM_UP + ROUNDS; i++) {
    // Type a character, then take it away: each keystroke changes the text and its drawing.
    const key = i % 2 === 0 ? 'x' : 'Backspace';
    const typed = i % 2 === 0 ? `${text}x` : text;
    const aloneFirst = aloneGoesFirst(random);
    let alone = 0;
    if (aloneFirst) {
      await pause(PAUSE_MS);
      alone = await renderAlone(page, typed);
    }
    await pause(PAUSE_MS);
    const keystroke = await timeKeystroke(page, key);
    if (!aloneFirst) {
      await pause(PAUSE_MS);
      alone = await renderAlone(page, typed);
    }
    if (i >= WARM_UP) samples.push({ ...keystroke, alone, aloneFirst });
  }
  return samples;
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
    await page.addInitScript({ content: CHECK_TIMING_SCRIPT });
    await page.addInitScript({ content: UPDATE_WATCH_SCRIPT });
    const initial = await initialJsKb(page);
    await page.goto(page.url().replace(/#.*$/, '#/prompt/url-shortener'));
    await page.locator('.cm-content').waitFor();
    const forty = generateDiagram(40);
    await setText(page, forty);
    await page.keyboard.press('ControlOrMeta+End');
    const samples = await updatesAndRenders(page, forty);
    const samplesFile = process.env['SYSDRILL_BENCH_SAMPLES'];
    if (samplesFile !== undefined && samplesFile !== '') writeFileSync(samplesFile, JSON.stringify({ samples, loadAverage: readLoadAverage() }, null, 1) + '\n');
    await setText(page, generateDiagram(200));
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    const longest = await longestTaskWhileTyping(page);
    return [
      ...uiUpdateFigures(samples),
      { name: 'ui.longest_task_ms', value: round1(longest), unit: 'ms' },
      { name: 'ui.initial_js_kb', value: initial, unit: 'KB gzip' },
    ];
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
