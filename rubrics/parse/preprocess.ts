/**
 * Line-preserving clean-up applied before Mermaid sees the text. Mermaid strips front matter,
 * comments and leading blank lines itself, which shifts the line numbers it reports; blanking
 * those lines here instead (and remembering how many leading lines Mermaid will still trim) lets
 * every error be reported against the line the user actually wrote.
 */

export interface PreparedSource {
  /** Text handed to Mermaid: same line count as the input, comments and front matter blanked. */
  readonly text: string;
  /** The input split into lines (CRLF normalised), for excerpts and hints. */
  readonly lines: readonly string[];
  /** Blank lines before the header, which Mermaid trims: add to Mermaid's line numbers. */
  readonly lineOffset: number;
}

const COMMENT_LINE = /^\s*%%/;

export function prepareSource(input: string): PreparedSource {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const out = [...lines];
  let start = 0;
  while (start < out.length && (out[start] ?? '').trim() === '') start++;
  if ((out[start] ?? '').trim() === '---') {
    const close = out.findIndex((line, i) => i > start && line.trim() === '---');
    if (close > start) for (let i = start; i <= close; i++) out[i] = '';
  }
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    // A directive may span lines (`%%{` … `}%%`, with `/* comments */` inside): blank all of them.
    if (/^\s*%%\{/.test(line) && !line.includes('}%%')) {
      const close = out.findIndex((l, j) => j > i && l.includes('}%%'));
      if (close > i && (out[close] ?? '').trim().endsWith('}%%')) {
        for (let j = i; j <= close; j++) out[j] = '';
        i = close;
        continue;
      }
    }
    if (COMMENT_LINE.test(line)) out[i] = '';
  }
  let lineOffset = 0;
  while (lineOffset < out.length && (out[lineOffset] ?? '').trim() === '') lineOffset++;
  return { text: out.join('\n'), lines, lineOffset };
}
