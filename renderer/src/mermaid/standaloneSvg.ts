import { CSS_MARKER, STYLE_MARKER } from './markers';
import { XML_INVALID } from './mountSvg';

/**
 * Turns the render frame's SVG text (see frameGuard.ts: Mermaid's `<style>` kept as an inert
 * `<desc data-sysdrill-css>`, inline styles moved to `data-sysdrill-style`) into a standalone
 * SVG file: real `<style>` and `style` attributes again, valid XML, no links. Pure text work: the
 * page never parses or shows the result (its inline styles are for other viewers, not this CSP).
 *
 * The frame's text is HTML-serialised, so text between tags never holds `<` or `>` and attribute
 * values never hold `"`: a tag is `<`, then quoted values and anything but quotes and brackets, then `>`.
 */
const TAG = /<[^"<>]*(?:"[^"]*"[^"<>]*)*>/g;
const CSS_HOLDER = new RegExp(`<desc ${CSS_MARKER}="">([^<]*)</desc>`, 'g');
const STYLE_ATTRIBUTE = new RegExp(`(\\s)${STYLE_MARKER}="`, 'g');
/** A `click` link's tags; its content stays. Handler attributes never survive Mermaid's sanitising. */
const LINK_TAG = /^<\/?a(?=[\s>])/;
const XMLNS = 'xmlns="http://www.w3.org/2000/svg"';

export function standaloneSvg(frameSvg: string): string {
  const text = frameSvg
    .replace(XML_INVALID, '\uFFFD')
    // The one named entity an HTML serialiser writes that XML does not know.
    .replace(/&nbsp;/g, '&#160;')
    .replace(CSS_HOLDER, '<style>$1</style>')
    .replace(TAG, (tag) => (LINK_TAG.test(tag) ? '' : tag.replace(STYLE_ATTRIBUTE, '$1style="')));
  const withNamespace = /^<svg\b[^>]*\sxmlns="/.test(text) ? text : text.replace(/^<svg\b/, `<svg ${XMLNS}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNamespace}`;
}
