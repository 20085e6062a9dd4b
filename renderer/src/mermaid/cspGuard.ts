/**
 * Lets Mermaid work inside the app's strict CSP (`style-src 'self'`, no inline handlers) without
 * a single violation report.
 *
 * Mermaid writes inline styles with `setAttribute('style', …)`, adds a `<style>` element to the
 * SVG it draws, and (through DOMPurify) parses label markup and its own SVG in documents that
 * inherit the page's CSP. Chrome blocks all of that, which is safe but floods the console with
 * violations indistinguishable from a real attack. While Mermaid runs (one call at a time, see
 * `runGuarded`) this module:
 * - turns `setAttribute('style', v)` into `element.style.cssText = v` (CSSOM is allowed by CSP),
 * - hands Mermaid an inert SVG `<desc data-sysdrill-css>` when it asks for a `<style>` element;
 *   the CSS written into it is adopted by the document as a constructed stylesheet until the call
 *   ends (Mermaid measures text with it applied), and moved into the preview's own constructed
 *   stylesheet when the SVG is shown (see mountSvg.ts),
 * - serialises the elements of the render box with their inline styles moved to
 *   `data-sysdrill-style` (re-applied through CSSOM when shown),
 * - before any HTML is parsed, renames event-handler and `style` attributes and `<style>` tags to
 *   inert names: DOMPurify would strip handlers anyway, and labels are drawn as plain SVG text.
 */

export const CSS_MARKER = 'data-sysdrill-css';
export const STYLE_MARKER = 'data-sysdrill-style';
const REMOVED_MARKER = 'data-sysdrill-removed';

/** A start tag: text outside tags is left alone (serialised HTML escapes `<` and `>` in text). */
const START_TAG = /<[a-zA-Z][^<>]*>/g;
/** An inline handler or style attribute name inside a start tag. */
const RISKY_ATTRIBUTE = /([\s/"'])(?:on[a-z]+|style)(?=[\s=/>])/gi;
const STYLE_TAG = /<(\/?)style(?=[\s/>])/gi;

export function neutraliseMarkup(markup: string): string {
  return markup
    .replace(START_TAG, (tag) => tag.replace(RISKY_ATTRIBUTE, `$1${REMOVED_MARKER}`))
    .replace(STYLE_TAG, '<$1sysdrill-removed-style');
}

function moveInlineStyles(root: Element): void {
  const styled = root.hasAttribute('style') ? [root, ...root.querySelectorAll('[style]')] : [...root.querySelectorAll('[style]')];
  for (const element of styled) {
    const value = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    if (value.trim() !== '') element.setAttribute(STYLE_MARKER, value);
  }
}

type Restore = () => void;

/** The inert stand-in for Mermaid's `<style>`: its CSS applies through a constructed sheet. */
function inertStyle(doc: Document, setAttribute: Element['setAttribute'], adopted: CSSStyleSheet[]): Element {
  const inert = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
  setAttribute.call(inert, CSS_MARKER, '');
  const sheet = new CSSStyleSheet();
  const adopt = (css: string): void => {
    inert.textContent = css;
    sheet.replaceSync(css);
    if (!adopted.includes(sheet)) {
      adopted.push(sheet);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    }
  };
  Object.defineProperty(inert, 'innerHTML', { configurable: true, get: () => inert.textContent ?? '', set: adopt });
  return inert;
}

function install(box: Element | undefined): Restore {
  const adopted: CSSStyleSheet[] = [];
  const elementProto = Element.prototype;
  const documentProto = Document.prototype;
  const parserProto = DOMParser.prototype;
  const originalSetAttribute = elementProto.setAttribute;
  const originalCreateElement = documentProto.createElement;
  const originalParse = parserProto.parseFromString;
  const innerHtml = Object.getOwnPropertyDescriptor(elementProto, 'innerHTML');

  elementProto.setAttribute = function setAttribute(this: Element, name: string, value: string): void {
    if (name.toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
      this.style.cssText = String(value);
      return;
    }
    originalSetAttribute.call(this, name, value);
  };

  documentProto.createElement = function createElement(this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    if (String(tagName).toLowerCase() === 'style') return inertStyle(this, originalSetAttribute, adopted) as unknown as HTMLElement;
    return originalCreateElement.call(this, tagName, options);
  } as Document['createElement'];

  parserProto.parseFromString = function parseFromString(this: DOMParser, markup: string, type: DOMParserSupportedType): Document {
    const parsed = originalParse.call(this, neutraliseMarkup(String(markup)), type);
    for (const element of parsed.querySelectorAll(`[${REMOVED_MARKER}]`)) element.removeAttribute(REMOVED_MARKER);
    return parsed;
  };

  if (box !== undefined && innerHtml?.get !== undefined && innerHtml.set !== undefined) {
    const { get, set } = innerHtml;
    Object.defineProperty(elementProto, 'innerHTML', {
      ...innerHtml,
      get(this: Element): string {
        if (box.contains(this)) moveInlineStyles(this);
        return get.call(this) as string;
      },
      set(this: Element, value: string) {
        set.call(this, value);
      },
    });
  }

  return () => {
    if (adopted.length > 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !adopted.includes(sheet));
    elementProto.setAttribute = originalSetAttribute;
    documentProto.createElement = originalCreateElement;
    parserProto.parseFromString = originalParse;
    if (innerHtml !== undefined) Object.defineProperty(elementProto, 'innerHTML', innerHtml);
  };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one Mermaid operation with the guards installed, after the previous one finished (the
 * guards are global, so operations never overlap). `box` is the off-screen element Mermaid
 * renders into, if any.
 */
export function runGuarded<T>(box: Element | undefined, operation: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const restore = install(box);
    try {
      return await operation();
    } finally {
      restore();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
