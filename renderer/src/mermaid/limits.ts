import type { ParseError } from '../../../rubrics/parse/types';

/**
 * The longest line the editor's preview accepts. Mermaid needs seconds on a huge label and then
 * overflows its stack while drawing it; a located refusal, before Mermaid runs, tells the user
 * which line to shorten. Real diagram lines are far shorter.
 */
export const MAX_LINE_CHARS = 2_000;

/** A located error for the first line longer than `MAX_LINE_CHARS`, if any. */
export function longLineError(text: string): ParseError | undefined {
  let start = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.length : end) - start;
    if (length > MAX_LINE_CHARS) {
      return {
        line,
        column: MAX_LINE_CHARS + 1,
        message: `Line ${line} is ${length.toLocaleString('en')} characters long; the preview draws lines of up to ${MAX_LINE_CHARS.toLocaleString('en')}. Shorten the label or split it over several nodes.`,
      };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}
