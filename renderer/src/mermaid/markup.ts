/**
 * Markup defusing shared by the two places Mermaid text meets a DOM parser: the source text
 * handed to Mermaid (length-preserving, so error columns still point at the user's text) and, in
 * the render frame only, what Mermaid itself hands to `DOMParser`.
 */

/** A start or end tag: text outside tags is left alone (serialised HTML escapes `<` and `>`). */
const TAG = /<\/?[a-zA-Z][^<>]*>/g;
/** An inline handler or style attribute name inside a tag. */
const RISKY_ATTRIBUTE = /([\s/"'])(on[a-z]+|style)(?=[\s=/>])/gi;
const STYLE_TAG = /^(<\/?)style(?=[\s/>])/i;

export const REMOVED_MARKER = 'data-sysdrill-removed';

/**
 * Renames event-handler and `style` attributes and `<style>` tags inside the tags of `markup` to
 * inert names: DOMPurify drops them anyway, but the browser would first report each one as a CSP
 * violation while parsing.
 */
function defuse(markup: string, renameTag: string, renameAttribute: (name: string) => string): string {
  return markup.replace(TAG, (tag) =>
    tag.replace(STYLE_TAG, `$1${renameTag}`).replace(RISKY_ATTRIBUTE, (_all, before: string, name: string) => `${before}${renameAttribute(name)}`),
  );
}

/** For the diagram source: `onerror` → `xnerror`, `style` → `xtyle`; same length, same lines. */
export function neutraliseSource(text: string): string {
  return defuse(text, 'xtyle', (name) => `x${name.slice(1)}`);
}

/** For markup parsed inside the render frame: handlers and styles become one inert attribute. */
export function neutraliseMarkup(markup: string): string {
  return defuse(markup, 'sysdrill-removed-style', () => REMOVED_MARKER);
}
