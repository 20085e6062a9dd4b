import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Hostile diagram text, pasted into the editor as a candidate would paste it from anywhere. For
 * every case: nothing runs, nothing navigates, no request leaves the app, the preview holds no
 * active content, any error is worded by the app, and the editor still answers a keystroke
 * within 200 ms.
 */

const HUGE_LABEL = 'x'.repeat(49_000);
/** How the app words a parse error: where, then what (rubrics/parse, ParseErrorList). */
const LOCATED_ERROR = /^Line \d+, column \d+\s*\S/;

// Hostile inputs are heavy by design (a 49,000-character paste); the app must still answer.
test.describe.configure({ timeout: 90_000 });

interface HostileCase {
  readonly name: string;
  readonly text: string;
  /**
   * Drawn (one node per word, each label containing its word as text), refused with an error the
   * app wrote, or either (where Mermaid's grammar decides) as long as an error is a located one.
   */
  readonly outcome: { readonly drawn: readonly string[] } | { readonly error: RegExp } | { readonly drawnOrError: readonly string[] };
}

const CASES: readonly HostileCase[] = [
  {
    name: 'HTML and a script in labels',
    text: 'flowchart LR\n  A["<img src=x onerror=\'window.__pwned=1\'>Orders"] --> B["<script>window.__pwned=2</script>Pay"]\n  B --> C["<iframe src=\'https://evil.example/\'></iframe>Ship"]',
    outcome: { drawn: ['Orders', 'Pay', 'Ship'] },
  },
  {
    name: 'click directives with javascript: URLs, call and href',
    text: 'flowchart LR\n  A[Orders] --> B[Pay]\n  click A "javascript:window.__pwned=3" "tip"\n  click B call alert(4)\n  click A href "https://evil.example/" _blank',
    outcome: { drawn: ['Orders', 'Pay'] },
  },
  {
    name: 'an init directive that loosens securityLevel',
    text: '%%{init: {"securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  A["<img src=x onerror=\'window.__pwned=5\'>Orders"] --> B[Pay]\n  click A call alert(6)',
    outcome: { drawn: ['Orders', 'Pay'] },
  },
  {
    name: 'front matter that loosens securityLevel',
    text: '---\nconfig:\n  securityLevel: loose\n  htmlLabels: true\n  flowchart:\n    htmlLabels: true\n---\nflowchart LR\n  A["<b onmouseover=\'window.__pwned=7\'>Orders</b>"] --> B[Pay]\n  click B call alert(8)',
    outcome: { drawn: ['Orders', 'Pay'] },
  },
  {
    name: 'front matter that is not valid YAML (indented with a tab), refused as the CLI refuses it',
    text: '---\nconfig:\n\ttheme: dark\n---\nflowchart LR\n  A[Orders] --> B[Pay]',
    outcome: { error: /^Line 1, column 1\s*The front matter that starts on line 1 is not valid YAML/ },
  },
  {
    name: 'CSS injection in classDef and style',
    text: 'flowchart LR\n  A[Orders] --> B[Pay]\n  classDef evil fill:url(https://evil.example/a.svg),background-image:url(https://evil.example/b.png)\n  class A evil\n  style B fill:#f00,background:url(https://evil.example/c.png);}</style><script>window.__pwned=9</script>',
    outcome: { drawnOrError: ['Orders', 'Pay'] },
  },
  {
    name: 'control characters in labels',
    text: 'flowchart LR\n  A["Ord\u0007ers\u001b[31m"] --> B["Pa\u202eyap\u0000"]\n  B --> C["\u0008Ship\u007f"]',
    outcome: { drawn: ['Ord', 'Pa', 'Ship'] },
  },
  {
    name: 'a 49,000-character label',
    text: `flowchart LR\n  A["${HUGE_LABEL}"] --> B[Pay]`,
    outcome: { error: /^Line 2, column 2001\s*Line 2 is 49,018 characters long; the preview draws lines of up to 2,000\. Shorten the label or split it over several nodes\./ },
  },
];

/** Pastes `text` over the editor's content through a real paste event, as the clipboard would. */
async function pasteReplacing(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.locator('.cm-content').evaluate((content, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Flags any of the usual payloads set, in the page and in every frame. */
async function executedAnywhere(page: Page): Promise<unknown[]> {
  const flags = await Promise.all(page.frames().map((frame) => frame.evaluate(() => (globalThis as Record<string, unknown>)['__pwned']).catch(() => undefined)));
  return flags.filter((flag) => flag !== undefined);
}

/** What the drawn preview holds that could run, load or link anything. */
function activePreviewContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // No preview at all (the text was refused before anything was drawn) holds nothing either.
    const root = document.querySelector('[data-testid="diagram-preview"]')?.shadowRoot;
    if (root === null || root === undefined) return [];
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      if (['script', 'img', 'image', 'foreignobject', 'iframe', 'object', 'embed', 'use', 'a'].includes(element.localName.toLowerCase())) found.push(`<${element.localName}>`);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) || /^(?:xlink:)?href$/i.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
        if (/url\(\s*['"]?(?!#)|javascript:|evil\.example/i.test(attribute.value)) found.push(`${element.localName}[${attribute.name}=${attribute.value.slice(0, 60)}]`);
      }
    }
    for (const sheet of root.adoptedStyleSheets) {
      for (const rule of sheet.cssRules) if (/evil\.example|url\(\s*['"]?(?!#|data:)/i.test(rule.cssText)) found.push(`css: ${rule.cssText.slice(0, 80)}`);
    }
    return found;
  });
}

/** True when the page's shared prototypes are the browser's own (nothing patched globally). */
function pagePrototypesAreNative(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [Element.prototype.setAttribute, Document.prototype.createElement, DOMParser.prototype.parseFromString, Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')?.get].every(
      (fn) => fn !== undefined && Function.prototype.toString.call(fn).includes('[native code]'),
    ),
  );
}

for (const hostile of CASES) {
  test(`hostile diagram: ${hostile.name} runs nothing, loads nothing, and leaves the editor responsive`, async ({ app }) => {
    const { page } = app;
    const appOrigin = new URL(page.url()).origin;
    const requests: string[] = [];
    const dialogs: string[] = [];
    const navigations: string[] = [];
    page.context().on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('popup', (popup) => navigations.push(`popup ${popup.url()}`));
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await page.goto(page.url().replace(/#.*$/, '#/prompt/url-shortener'));
    await expect(page.locator('.cm-content')).toBeVisible();
    const promptUrl = page.url();
    navigations.length = 0;

    await pasteReplacing(page, hostile.text);
    const pane = page.locator('section.preview-pane');
    // Settled: something drawn or an error shown, and nothing more under way.
    await expect(pane.getByTestId('diagram-preview').locator('svg').or(pane.getByRole('alert'))).toBeVisible({ timeout: 25_000 });
    await expect(pane).toHaveAttribute('aria-busy', 'false', { timeout: 25_000 });

    const refused = await pane.getByRole('alert').isVisible();
    const outcome = 'drawnOrError' in hostile.outcome ? (refused ? { error: LOCATED_ERROR } : { drawn: hostile.outcome.drawnOrError }) : hostile.outcome;
    if ('drawn' in outcome) {
      const words = outcome.drawn;
      const labels = page.getByTestId('diagram-preview').locator('g.node');
      await expect(labels).toHaveCount(words.length, { timeout: 20_000 });
      const texts = await labels.allTextContents();
      words.forEach((word, index) => expect(texts[index], `node ${index + 1}`).toContain(word));
    } else {
      const alert = pane.getByRole('alert');
      await expect(alert).toHaveText(outcome.error);
      await expect(alert).not.toContainText(/Maximum call stack|RangeError|undefined|\[object/);
    }

    expect(await executedAnywhere(page), 'payload flags set in the page or a frame').toEqual([]);
    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(page.url(), 'the page stays on the prompt').toBe(promptUrl);
    expect(
      navigations.filter((url) => new URL(url).origin !== appOrigin || (url.includes('index.html') && url !== promptUrl)),
      'navigations away from the app',
    ).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith(`${appOrigin}/`) && !url.startsWith('data:')),
      'requests that left the app',
    ).toEqual([]);
    expect(await activePreviewContent(page), 'active content in the preview').toEqual([]);
    expect(await pagePrototypesAreNative(page), 'page prototypes untouched').toBe(true);

    // The editor still answers at once: one keystroke shows within 200 ms.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('Q');
    await expect(page.locator('.cm-content .cm-line').last()).toHaveText(/Q$/, { timeout: 200 });
  });
}

test('Mermaid runs in a sandboxed frame: an opaque origin that can reach nothing of the page', async ({ app }) => {
  const { page } = app;
  await page.goto(page.url().replace(/#.*$/, '#/prompt/url-shortener'));
  await pasteReplacing(page, 'flowchart LR\n  A[Client] --> B[Orders]');
  await expect(page.getByTestId('diagram-preview').locator('g.node')).toHaveCount(2, { timeout: 25_000 });

  await expect(page.locator('iframe.mermaid-render-frame')).toHaveAttribute('sandbox', 'allow-scripts');
  expect(await page.locator('iframe.mermaid-render-frame').evaluate((frame: HTMLIFrameElement) => frame.contentDocument), 'the page cannot reach the frame').toBeNull();
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/mermaid-frame.html'));
  expect(frame, 'the render frame is loaded').toBeDefined();
  const reach = await frame?.evaluate(() => {
    const attempt = (read: () => unknown): string => {
      try {
        read();
        return 'reached';
      } catch {
        return 'refused';
      }
    };
    return { origin: self.origin, parentDocument: attempt(() => window.parent.document.title), storage: attempt(() => localStorage.length), cookie: attempt(() => document.cookie) };
  });
  expect(reach).toEqual({ origin: 'null', parentDocument: 'refused', storage: 'refused', cookie: 'refused' });

  // Each drawing's CSS leaves the frame with its SVG: redrawing does not pile stylesheets up there.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n  B --> C[Pay]');
  await expect(page.getByTestId('diagram-preview').locator('g.node')).toHaveCount(3, { timeout: 25_000 });
  expect(await frame?.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
});
