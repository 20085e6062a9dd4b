/**
 * Characters a terminal may act on rather than print: C0 controls (except tab and newline), DEL,
 * C1 controls (0x9b is a one-byte CSI on some terminals) and the Unicode bidirectional and line
 * separators that can make printed text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows every such character as a `\uXXXX` escape. The same escape is valid inside a JSON
 * string, so `--json` output still parses to exactly the same values.
 */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
