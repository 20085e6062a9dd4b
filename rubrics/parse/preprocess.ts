/**
 * What Mermaid does to the text before its flowchart parser reads it, done here the same way with
 * a record of where every character came from, so that each error Mermaid reports (in the
 * coordinates of the text its lexer read) is located on the line and column the user wrote.
 *
 * `mermaid.parse` (and `render`) preprocess twice (`processAndSetConfigs`, then
 * `getDiagramFromText`): normalise line breaks, strip one YAML front matter block at the very
 * start, remove `%%{…}%%` directives (anywhere, over several lines, to the end of the text when
 * never closed), remove `%%` comment lines with the blank lines before them, trim the start. The
 * diagram then gets Mermaid's entity encoding (`#quot;` → `ﬂ°quot¶ß`) and a final newline, and the
 * flowchart parser drops the blanks after every `}` that ends a line. Each step below copies
 * Mermaid 11's own expression, so the text handed over and the text the lexer reads are exactly
 * Mermaid's; only the removal is remembered.
 *
 * One deliberate difference: a line holding only `%%` is a comment here. Mermaid's comment
 * expression needs a character after `%%`, so it reads a bare `%%` as a node named "%%".
 */

export interface PreparedSource {
  /** Text handed to Mermaid: front matter, directives and comments already removed, as Mermaid removes them. */
  readonly text: string;
  /** The input split into lines (CRLF normalised), for excerpts and hints. */
  readonly lines: readonly string[];
  /** The text Mermaid's flowchart lexer reads (jison's lines and columns count in it). */
  readonly lexed: string;
  /** For each character of `lexed`, and one more for its end: its offset in the input (`lines` joined by `\n`). */
  readonly origin: readonly number[];
  /** The YAML front matter blocks Mermaid reads (at most one per preprocessing pass), with the input line each opens on. */
  readonly frontMatter: readonly { readonly block: string; readonly line: number }[];
  /** 1-based input line where the text handed to Mermaid begins (its header, normally). */
  readonly headerLine: number;
  /** 1-based input line of a `%%{` directive never closed with `}%%` (Mermaid removes the rest of the text with it). */
  readonly unclosedDirectiveLine?: number;
}

/** A string and, for each of its characters (and its end), the input offset it came from. */
interface Tracked {
  readonly text: string;
  readonly at: readonly number[];
}

/** Part of a replacement: keep the match's characters [from, to), or insert text placed at match index `at`. */
type Piece = { readonly keep: readonly [number, number] } | { readonly insert: string; readonly at: number };

function replaceTracked(source: Tracked, pattern: RegExp, edit: (match: RegExpExecArray) => readonly Piece[]): Tracked {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const once = !pattern.flags.includes('g');
  let text = '';
  const at: number[] = [];
  let last = 0;
  for (let m = re.exec(source.text); m !== null; m = once ? null : re.exec(source.text)) {
    text += source.text.slice(last, m.index);
    for (let i = last; i < m.index; i++) at.push(source.at[i] as number);
    for (const piece of edit(m)) {
      if ('keep' in piece) {
        const [from, to] = piece.keep;
        text += m[0].slice(from, to);
        for (let i = from; i < to; i++) at.push(source.at[m.index + i] as number);
      } else {
        text += piece.insert;
        const origin = source.at[m.index + piece.at] as number;
        for (let i = 0; i < piece.insert.length; i++) at.push(origin);
      }
    }
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last === 0 && text === '') return source;
  text += source.text.slice(last);
  for (let i = last; i <= source.text.length; i++) at.push(source.at[i] as number);
  return { text, at };
}

const removeAll = (): readonly Piece[] => [];
const same = (m: RegExpExecArray): readonly Piece[] => [{ keep: [0, m[0].length] }];

// Mermaid 11.17's own expressions (diagram-api/regexes.ts, frontmatter.ts, comments.ts, preprocess.ts, utils.ts).
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT = /^\s*%%(?!{)[^\n]+\n?/gm;
const TAG = /<(\w+)([^>]*)>/g;
/** Sysdrill's own: a line that is only `%%` (see the module comment). */
const BARE_COMMENT = /^([^\S\n]*)%%(?=\n|$)/gm;

/** One `preprocessDiagram` pass; the front matter it strips is pushed to `frontMatter`, the offset of a directive never closed to `unclosed`. */
function preprocessPass(input: Tracked, frontMatter: Tracked[], unclosed: number[] = []): Tracked {
  // cleanupText: attribute quotes inside tags (same length, so no offsets move).
  let t = replaceTracked(input, TAG, (m) => {
    const fixed = `<${m[1] ?? ''}${(m[2] ?? '').replace(/="([^"]*)"/g, "='$1'")}>`;
    return fixed === m[0] ? same(m) : [...Array.from(fixed, (ch, i) => ({ insert: ch, at: i }))];
  });
  const front = FRONT_MATTER.exec(t.text);
  if (front) {
    frontMatter.push({ text: front[0], at: t.at.slice(0, front[0].length + 1) });
    t = { text: t.text.slice(front[0].length), at: t.at.slice(front[0].length) };
  }
  t = replaceTracked(t, DIRECTIVE, (m) => {
    if (!m[0].endsWith('}%%')) unclosed.push(t.at[m.index] as number);
    return [];
  });
  t = replaceTracked(t, BARE_COMMENT, (m) => [{ keep: [0, (m[1] ?? '').length] }]);
  t = replaceTracked(t, COMMENT, removeAll);
  const lead = /^\s*/.exec(t.text)?.[0].length ?? 0;
  return lead === 0 ? t : { text: t.text.slice(lead), at: t.at.slice(lead) };
}

/** Mermaid's `encodeEntities`, then the newline `Diagram.fromText` appends, then the flowchart parser's `}` rule. */
function lexerInput(text: Tracked): Tracked {
  const dropLast = (m: RegExpExecArray): readonly Piece[] => [{ keep: [0, m[0].length - 1] }];
  let t = replaceTracked(text, /style.*:\S*#.*;/g, dropLast);
  t = replaceTracked(t, /classDef.*:\S*#.*;/g, dropLast);
  t = replaceTracked(t, /#\w+;/g, (m) => {
    const inner = m[0].length - 1;
    const isInt = /^\+?\d+$/.test(m[0].slice(1, -1));
    return [{ insert: isInt ? '\uFB02\xB0\xB0' : '\uFB02\xB0', at: 0 }, { keep: [1, inner] }, { insert: '\xB6\xDF', at: inner }];
  });
  const end = t.at[t.at.length - 1] as number;
  t = { text: `${t.text}\n`, at: [...t.at.slice(0, -1), end, end] };
  return replaceTracked(t, /}\s*\n/g, (m) => [{ keep: [0, 1] }, { keep: [m[0].length - 1, m[0].length] }]);
}

export function prepareSource(input: string): PreparedSource {
  const normalised = input.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const start: Tracked = { text: normalised, at: Array.from({ length: normalised.length + 1 }, (_, i) => i) };
  const fronts: Tracked[] = [];
  const unclosed: number[] = [];
  const handed = preprocessPass(preprocessPass(start, fronts, unclosed), fronts, unclosed);
  // Only a located error needs the lexer's text and its map: built then, once, not on every check.
  // Mermaid preprocesses the handed text once more itself (a no-op on it, in all but contrived texts).
  let lexer: Tracked | undefined;
  const lexed = (): Tracked => (lexer ??= lexerInput(preprocessPass(handed, [])));
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let i = normalised.indexOf('\n'); i >= 0 && i < offset; i = normalised.indexOf('\n', i + 1)) line++;
    return line;
  };
  return {
    text: handed.text,
    lines,
    get lexed() {
      return lexed().text;
    },
    get origin() {
      return lexed().at;
    },
    frontMatter: fronts.map((f) => ({ block: f.text, line: lineOf(f.at[0] as number) })),
    headerLine: lineOf(handed.at[0] as number),
    ...(unclosed[0] === undefined ? {} : { unclosedDirectiveLine: lineOf(unclosed[0]) }),
  };
}

/** Where a character of the lexed text (or its end) is in the input: 1-based line, 1-based column. */
export function inputPosition(source: PreparedSource, lexedOffset: number): { readonly line: number; readonly column: number } {
  const offset = source.origin[Math.max(0, Math.min(lexedOffset, source.origin.length - 1))] ?? 0;
  let line = 0;
  let lineStart = 0;
  while (line < source.lines.length - 1 && lineStart + (source.lines[line] ?? '').length < offset) {
    lineStart += (source.lines[line] ?? '').length + 1;
    line++;
  }
  return { line: line + 1, column: offset - lineStart + 1 };
}

/** Offset in the lexed text of jison's (1-based line, 0-based column); undefined when out of range. */
export function lexedOffset(source: PreparedSource, line: number, column: number): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = source.lexed.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const lineEnd = source.lexed.indexOf('\n', start);
  const end = lineEnd < 0 ? source.lexed.length : lineEnd;
  return column < 0 || start + column > end ? undefined : start + column;
}
