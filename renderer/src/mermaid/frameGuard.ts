/**
 * Runs ONLY inside the render frame (frame.ts), a document and JavaScript realm of its own that
 * holds nothing but Mermaid: its prototypes are patched for good, and the app's page, which
 * shares none of them, is never touched.
 *
 * Why patch at all: the frame has the app's strict CSP (`style-src 'self'`, no inline handlers),
 * and Mermaid writes inline styles with `setAttribute('style', …)`, adds a `<style>` element to
 * the SVG it draws, and (through DOMPurify) parses label markup and its own SVG with `DOMParser`.
 * Chrome blocks all of that, which is safe, but reports each as a CSP violation
 * indistinguishable from an attack. In this realm:
 * - `setAttribute('style', v)` becomes `element.style.cssText = v` (CSSOM is allowed by CSP);
 * - `createElement('style')` gives an inert SVG `<desc data-sysdrill-css>`; its CSS is adopted
 *   by the frame document as a constructed stylesheet (Mermaid measures text with it applied)
 *   and moved into the preview's own constructed stylesheet when shown (mountSvg.ts);
 * - reading `innerHTML` of the drawing moves inline styles to `data-sysdrill-style` (re-applied
 *   through CSSOM when shown);
 * - before any markup is parsed, handler and `style` attributes and `<style>` tags get inert
 *   names: DOMPurify would strip handlers anyway, and labels are drawn as plain SVG text.
 */
import { neutraliseMarkup, REMOVED_MARKER } from './markup';
import { CSS_MARKER, STYLE_MARKER } from './markers';

function moveInlineStyles(root: Element): void {
  const styled = root.hasAttribute('style') ? [root, ...root.querySelectorAll('[style]')] : [...root.querySelectorAll('[style]')];
  for (const element of styled) {
    const value = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    if (value.trim() !== '') element.setAttribute(STYLE_MARKER, value);
  }
}

type Realm = Window & typeof globalThis;

/** The inert stand-in for Mermaid's `<style>`: its CSS applies through a constructed sheet. */
function inertStyle(realm: Realm, setAttribute: Element['setAttribute']): Element {
  const doc = realm.document;
  const inert = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
  setAttribute.call(inert, CSS_MARKER, '');
  const sheet = new realm.CSSStyleSheet();
  const adopt = (css: string): void => {
    inert.textContent = css;
    sheet.replaceSync(css);
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
  Object.defineProperty(inert, 'innerHTML', { configurable: true, get: () => inert.textContent ?? '', set: adopt });
  return inert;
}

/** Patches `realm` (the frame's own window) for good. Call once, from inside the frame. */
export function guardRenderRealm(realm: Realm): void {
  const elementProto = realm.Element.prototype;
  const originalSetAttribute = elementProto.setAttribute;
  const originalCreateElement = realm.Document.prototype.createElement;
  const originalParse = realm.DOMParser.prototype.parseFromString;
  const innerHtml = Object.getOwnPropertyDescriptor(elementProto, 'innerHTML');

  elementProto.setAttribute = function setAttribute(this: Element, name: string, value: string): void {
    if (name.toLowerCase() === 'style' && (this instanceof realm.HTMLElement || this instanceof realm.SVGElement)) {
      this.style.cssText = String(value);
      return;
    }
    originalSetAttribute.call(this, name, value);
  };

  realm.Document.prototype.createElement = function createElement(this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    if (String(tagName).toLowerCase() === 'style') return inertStyle(realm, originalSetAttribute) as unknown as HTMLElement;
    return originalCreateElement.call(this, tagName, options);
  } as Document['createElement'];

  realm.DOMParser.prototype.parseFromString = function parseFromString(this: DOMParser, markup: string, type: DOMParserSupportedType): Document {
    const parsed = originalParse.call(this, neutraliseMarkup(String(markup)), type);
    for (const element of parsed.querySelectorAll(`[${REMOVED_MARKER}]`)) element.removeAttribute(REMOVED_MARKER);
    return parsed;
  };

  if (innerHtml?.get !== undefined) {
    const { get } = innerHtml;
    Object.defineProperty(elementProto, 'innerHTML', {
      ...innerHtml,
      get(this: Element): string {
        if (this.ownerDocument === realm.document && realm.document.body.contains(this)) moveInlineStyles(this);
        return get.call(this) as string;
      },
    });
  }
}

/**
 * Runs one drawing and then drops the stylesheets it adopted (one per Mermaid render, `inertStyle`):
 * the drawing's CSS travels with its SVG, so the frame needs it only while Mermaid measures text.
 * Kept, they would pile up with every keystroke — memory, and more rules for every later style pass.
 */
export async function releasingAdoptedSheets<T>(doc: Pick<Document, 'adoptedStyleSheets'>, draw: () => Promise<T>): Promise<T> {
  // A copy: the browser hands out the document's live list, which the drawing's adoptions change.
  const before = [...doc.adoptedStyleSheets];
  try {
    return await draw();
  } finally {
    doc.adoptedStyleSheets = before;
  }
}
