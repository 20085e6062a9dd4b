import type { ParseError } from './types';
import type { PreparedSource } from './preprocess';

/**
 * Turns whatever Mermaid threw into a located `ParseError`, with a concrete fix for the
 * mistakes people make most: unquoted brackets, parentheses or `|` in labels and subgraph
 * titles, and a subgraph without its `end`.
 */

/** The parts of a Mermaid (jison) parse error this module reads. */
export interface MermaidErrorLike {
  readonly message?: unknown;
  readonly hash?: {
    readonly text?: unknown;
    readonly token?: unknown;
    /** 0-based line of a lexical error (which has no `loc`). */
    readonly line?: unknown;
    readonly loc?: {
      readonly first_line?: number;
      readonly last_line?: number;
      readonly first_column?: number;
      readonly last_column?: number;
    };
  };
}

type Loc = NonNullable<NonNullable<MermaidErrorLike['hash']>['loc']>;

const HEADER_HELP =
  'Start the diagram with a header line such as `flowchart LR` (or TD, TB, RL, BT) or `graph TD`.';

function errorMessageOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const message = (err as MermaidErrorLike).message;
    if (typeof message === 'string') return message;
  }
  return String(err);
}

function firstContentLine(source: PreparedSource): number {
  const index = source.lines.findIndex((l) => l.trim() !== '' && !/^\s*%%/.test(l));
  return index < 0 ? 1 : index + 1;
}

const SHAPE_CLOSERS: ReadonlyArray<readonly [string, string]> = [
  ['(((', ')))'],
  ['((', '))'],
  ['([', '])'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['{{', '}}'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
];

const NODE_START = /[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/y;
const AFTER_NODE = /^(?::::[\w-]+)?\s*(?:$|;|&|<?[-=.~]{2,}|-\.|--)/;
const NEEDS_QUOTES = /[()[\]{}|]/;

function quoted(content: string): string {
  return `"${content.trim().replace(/"/g, '#quot;')}"`;
}

/** Quotes every node label on the line whose text contains brackets, parentheses or `|`. */
export function quoteNodeLabels(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    NODE_START.lastIndex = i;
    const id = (i === 0 || /[\s&>|;-]/.test(line[i - 1] ?? '')) ? NODE_START.exec(line) : null;
    if (!id) {
      out += line[i];
      i++;
      continue;
    }
    const afterId = i + id[0].length;
    const shape = SHAPE_CLOSERS.find(([open]) => line.startsWith(open, afterId));
    if (!shape || line[afterId + shape[0].length] === '"') {
      out += id[0];
      i = afterId;
      continue;
    }
    const [open, close] = shape;
    const contentStart = afterId + open.length;
    let end = -1;
    for (let j = line.indexOf(close, contentStart); j >= 0; j = line.indexOf(close, j + 1)) {
      if (AFTER_NODE.test(line.slice(j + close.length))) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      out += id[0];
      i = afterId;
      continue;
    }
    const content = line.slice(contentStart, end);
    out += id[0] + open + (NEEDS_QUOTES.test(content) ? quoted(content) : content) + close;
    i = end + close.length;
  }
  return out;
}

/** Quotes a pipe-form edge label (`-->|a|b|`) whose text contains `|` or brackets. */
export function quoteEdgeLabel(line: string): string {
  return line.replace(/([-=.]{2,}[>ox]?)\|(?!")(.*)\|(?=\s*[A-Za-z0-9_])/, (whole, arrow: string, text: string) =>
    NEEDS_QUOTES.test(text) ? `${arrow}|${quoted(text)}|` : whole,
  );
}

/** Quotes a subgraph title that contains brackets, parentheses or `|`. */
export function quoteSubgraphTitle(line: string): string {
  const withId = /^(\s*subgraph\s+)([\w-]+)\s*\[(?!")(.*)\]\s*$/.exec(line);
  if (withId) return `${withId[1]}${withId[2]} [${quoted(withId[3] ?? '')}]`;
  const bare = /^(\s*subgraph\s+)(?!")(.*?)\s*$/.exec(line);
  if (bare && NEEDS_QUOTES.test(bare[2] ?? '')) return `${bare[1]}${quoted(bare[2] ?? '')}`;
  return line;
}

function countSubgraphBalance(lines: readonly string[]): { open: number; lastOpen?: string } {
  let open = 0;
  const stack: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (/^subgraph\b/.test(trimmed)) {
      open++;
      stack.push(trimmed);
    } else if (/^end\s*;?$/.test(trimmed)) {
      open--;
      stack.pop();
    }
  }
  const lastOpen = stack[stack.length - 1];
  return lastOpen === undefined ? { open } : { open, lastOpen };
}

function hintFor(source: PreparedSource, lineText: string, atEnd: boolean): string | undefined {
  const balance = countSubgraphBalance(source.lines);
  if (atEnd && balance.open > 0) {
    return `A subgraph is missing its \`end\`: add a line \`end\` after the last node of \`${balance.lastOpen ?? 'subgraph'}\`.`;
  }
  if (/^\s*subgraph\b/.test(lineText)) {
    const fixed = quoteSubgraphTitle(lineText);
    if (fixed !== lineText) {
      return `Put the subgraph title in double quotes so its brackets, parentheses or | are read as text: ${fixed.trim()}`;
    }
  }
  const fixed = quoteEdgeLabel(quoteNodeLabels(lineText));
  if (fixed !== lineText) {
    return `Put the label in double quotes so its brackets, parentheses or | are read as text: ${fixed.trim()}`;
  }
  return undefined;
}


function located(line: number, column: number, message: string, lineText: string, hint: string | undefined): ParseError {
  return Object.freeze({
    line,
    column,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(lineText === '' ? {} : { excerpt: lineText }),
  });
}

/**
 * Where a lexical error stopped: Mermaid names the line and shows the input consumed so far (its
 * last characters, newlines dropped) before a caret; the column is where that text ends on the line.
 */
function lexicalError(message: string, hashLine: number, source: PreparedSource): ParseError | undefined {
  const line = hashLine + 1 + source.lineOffset;
  const lineText = source.lines[line - 1];
  if (lineText === undefined) return undefined;
  const [, excerpt = '', pointer = ''] = message.split('\n');
  const caret = pointer.indexOf('^');
  const past = caret < 0 ? '' : excerpt.slice(0, caret).replace(/^\.\.\./, '');
  // Match against the text Mermaid read (comments and directives blanked), not the original.
  const seen = source.text.split('\n');
  const before = seen.slice(0, line - 1).join('');
  const seenLine = seen[line - 1] ?? lineText;
  let column = 1;
  for (let c = seenLine.length; c >= 0; c--) {
    if ((before + seenLine.slice(0, c)).endsWith(past)) {
      column = c + 1;
      break;
    }
  }
  const offending = lineText[column - 1] ?? '';
  const text = `Mermaid could not read line ${line}: unexpected "${offending}" at column ${column}.`;
  return located(line, column, text, lineText, hintFor(source, lineText, false) ?? strayHint(lineText, column));
}

/** A closing bracket with nothing to close: the corrected line drops it. */
function strayHint(lineText: string, column: number): string | undefined {
  const char = lineText[column - 1] ?? '';
  if (!/[)\]}]/.test(char)) return undefined;
  const fixed = (lineText.slice(0, column - 1) + lineText.slice(column)).trim();
  return `Remove the stray \`${char}\` (or open the shape it closes): ${fixed}`;
}

/** `A -> B` is the most common arrow typo: Mermaid's arrows have two dashes. */
function arrowHint(lineText: string): string | undefined {
  if (!/(?:^|[^-<=.])->(?!>)/.test(lineText)) return undefined;
  return `Mermaid arrows have two dashes: ${lineText.replace(/(^|[^-<=.])->(?!>)/g, '$1-->').trim()}`;
}

/**
 * Where the offending token's text begins (1-based line and column). Jison's span can start at
 * the end of the line before (the newline and indent the token swallowed) or run over several
 * lines (a label whose closing bracket is missing goes on until the next bracket): the mistake is
 * where the span's first non-blank text is, not where the span ends.
 */
function tokenStart(loc: Loc, source: PreparedSource): { readonly line: number; readonly column: number } | undefined {
  if (typeof loc.first_line !== 'number' || typeof loc.last_line !== 'number' || loc.first_line > loc.last_line) return undefined;
  let line = loc.first_line + source.lineOffset;
  let from = loc.first_column ?? 0;
  const end = loc.last_line + source.lineOffset;
  while (line < end && (source.lines[line - 1] ?? '').slice(from).trim() === '') {
    line += 1;
    from = 0;
  }
  const text = source.lines[line - 1] ?? '';
  const blank = /^\s*/.exec(text.slice(from))?.[0].length ?? 0;
  return { line, column: Math.min(from + blank, text.length) + 1 };
}

/** How far ahead of the line Mermaid names the offending token may really be. */
const MAX_LINE_DRIFT = 8;

/**
 * Mermaid's lexer can lose count of lines (a token that swallowed a newline, as after
 * `Kafka{Kafka / Redpanda}` and a blank line): its line then falls short of the token, while its
 * columns and the text it shows before the caret still describe the token. The line is moved to
 * the first one at or after the reported line where the token begins at the reported column and
 * the text read before it ends as Mermaid shows; a line that already fits stays.
 */
function realigned(loc: Loc, tokenText: string, message: string, source: PreparedSource): Loc {
  const token = tokenText.trim();
  const column = loc.last_column;
  if (token === '' || token.includes('\n') || typeof column !== 'number' || typeof loc.first_line !== 'number' || typeof loc.last_line !== 'number') return loc;
  const [, excerpt = '', pointer = ''] = message.split('\n');
  const caret = pointer.indexOf('^');
  const past = caret < 0 ? '' : excerpt.slice(0, caret).replace(/^\.\.\./, '');
  const seen = source.text.split('\n');
  const fits = (line: number): boolean => {
    const text = seen[line - 1];
    if (text === undefined || !text.startsWith(token, column)) return false;
    return (seen.slice(0, line - 1).join('') + text.slice(0, column)).endsWith(past);
  };
  const reported = loc.last_line + source.lineOffset;
  if (fits(reported)) return loc;
  for (let drift = 1; drift <= MAX_LINE_DRIFT; drift++) {
    if (fits(reported + drift)) return { ...loc, first_line: loc.first_line + drift, last_line: loc.last_line + drift };
  }
  return loc;
}

/** Converts a thrown Mermaid error into a `ParseError` located in the user's own text. */
export function toParseError(err: unknown, source: PreparedSource): ParseError {
  const message = errorMessageOf(err);
  const hash = typeof err === 'object' && err !== null ? (err as MermaidErrorLike).hash : undefined;
  const reportedLoc = hash?.loc;
  const loc = reportedLoc === undefined ? undefined : realigned(reportedLoc, typeof hash?.text === 'string' ? hash.text : '', message, source);
  if (!loc && typeof hash?.line === 'number' && /^Lexical error/.test(message)) {
    const lexical = lexicalError(message, hash.line, source);
    if (lexical !== undefined) return lexical;
  }
  if (!loc || typeof loc.last_line !== 'number') {
    const line = firstContentLine(source);
    const lineText = source.lines[line - 1] ?? '';
    const text = /No diagram type detected/i.test(message)
      ? `Not a flowchart. ${HEADER_HELP}`
      : (message.split('\n').find((l) => l.trim() !== '') ?? 'Mermaid could not read this diagram.').trim();
    const hint = /No diagram type detected/i.test(message) ? 'First line: flowchart LR' : undefined;
    return located(line, 1, text, lineText, hint);
  }
  const tokenText = typeof hash?.text === 'string' ? hash.text : '';
  // The token as written: Mermaid's lexer may hand it over with the newlines that followed it.
  const token = tokenText.trim() === '' ? tokenText : tokenText.trim();
  const lastLine = source.lines.length;
  const endLine = loc.last_line + source.lineOffset;
  const atEnd = tokenText === '' || source.lines[endLine - 1] === undefined || endLine > lastLine;
  // At the end of the input the stop is the end; otherwise the mistake is where the token begins.
  const start = atEnd ? undefined : tokenStart(loc, source);
  let line = start?.line ?? endLine;
  let lineText = source.lines[line - 1];
  if (lineText === undefined || (atEnd && lineText.trim() === '')) {
    let back = Math.min(line, lastLine);
    while (back > 1 && (source.lines[back - 1] ?? '').trim() === '') back--;
    line = back;
    lineText = source.lines[line - 1] ?? '';
  }
  let column: number;
  const lastColumn = loc.last_column ?? 0;
  const firstColumn = loc.first_column ?? 0;
  // A token that began on an earlier line than the one it was refused on, and is not on its first
  // line: something opened there (a label, a quote) was never closed.
  const runsOn = start !== undefined && start.line < endLine && !lineText.includes(token, start.column - 1);
  if (atEnd) column = lineText.length + 1;
  else if (runsOn) column = start.column;
  else if (token !== '' && lineText.startsWith(token, lastColumn)) column = lastColumn + 1;
  else if (token !== '' && lineText.indexOf(token, firstColumn) >= 0) column = lineText.indexOf(token, firstColumn) + 1;
  else column = Math.min(firstColumn, lineText.length) + 1;
  const text = atEnd
    ? `Mermaid could not parse the diagram: it ended unexpectedly after line ${line}.`
    : runsOn
      ? `Mermaid could not parse line ${line}: what starts at column ${column} is not closed on this line (Mermaid read on to line ${endLine} before it stopped).`
      : `Mermaid could not parse line ${line}: unexpected "${token}" at column ${column}.`;
  return located(line, column, text, lineText, hintFor(source, lineText, atEnd) ?? arrowHint(lineText) ?? (atEnd ? undefined : strayHint(lineText, column)));
}

/** A refusal before Mermaid runs (input too large, empty, …), located at line 1. */
export function refusal(message: string, line = 1): ParseError {
  return Object.freeze({ line, column: 1, message });
}
