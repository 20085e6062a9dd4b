import { CSS_MARKER, STYLE_MARKER } from './markers';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Characters XML 1.0 forbids anywhere in a document (also as character references). */
// eslint-disable-next-line no-control-regex
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x0*(?:[0-8BCEF]|1[0-9A-F]);|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01]);/gi;
/** Nothing in a flowchart preview needs these; Mermaid's own sanitising already drops them. */
const NEVER_SHOWN = 'script, foreignObject, iframe, object, embed, image, use';

/** An event handler (`on…`) or a link target: nothing in a preview may run or navigate. */
function isHandlerOrLink(attribute: string): boolean {
  const name = attribute.toLowerCase();
  return name.startsWith('on') || name === 'href' || name === 'xlink:href';
}

export interface MountedSvg {
  readonly svg: SVGSVGElement;
  /** Mermaid's stylesheet for this diagram, to adopt into the shadow root that shows it. */
  readonly sheet: CSSStyleSheet;
}

/**
 * Turns the SVG text returned by `renderDiagram` into a live element without any inline markup
 * the CSP would block: it is parsed in an inert document (no scripts run, nothing loads), its
 * `<style>` (an inert `<desc>` while Mermaid ran) becomes a constructed stylesheet, and inline
 * styles are applied through CSSOM after the node joins the page's document.
 *
 * Parsed as HTML, which is what the text is: Mermaid serialises its drawing with `innerHTML`.
 * The HTML parser reads it about four times faster than the XML one, and the parsed tree is moved
 * into the page (`adoptNode`) rather than copied.
 */
export function mountSvg(svgText: string, into: ShadowRoot, baseSheets: readonly CSSStyleSheet[] = []): MountedSvg | { readonly error: string } {
  // A control character from a label is shown as U+FFFD, as in an exported SVG (standaloneSvg.ts),
  // where XML forbids it.
  const parsed = new DOMParser().parseFromString(svgText.replace(XML_INVALID, '\uFFFD'), 'text/html');
  const root = parsed.body.firstElementChild;
  if (root === null || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.body.childElementCount !== 1) {
    return { error: 'The preview could not be drawn (Mermaid returned SVG that does not parse).' };
  }
  const cssHolders = [...root.querySelectorAll(`[${CSS_MARKER}]`)];
  const css = cssHolders.map((holder) => holder.textContent ?? '').join('\n');
  for (const holder of cssHolders) holder.remove();
  for (const element of root.querySelectorAll(NEVER_SHOWN)) element.remove();
  // A `click` link is shown as its content: the preview navigates nowhere.
  for (const link of root.querySelectorAll('a')) link.replaceWith(...link.childNodes);
  const walker = parsed.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let element: Element | null = root; element !== null; element = walker.nextNode() as Element | null) {
    for (const name of element.getAttributeNames()) if (isHandlerOrLink(name)) element.removeAttribute(name);
  }

  const svg = document.adoptNode(root) as unknown as SVGSVGElement;
  for (const element of [svg, ...svg.querySelectorAll(`[${STYLE_MARKER}]`)]) {
    const style = element.getAttribute(STYLE_MARKER);
    if (style === null) continue;
    (element as SVGElement).style.cssText = style;
    element.removeAttribute(STYLE_MARKER);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  into.adoptedStyleSheets = [...baseSheets, sheet];
  into.replaceChildren(svg);
  return { svg, sheet };
}
