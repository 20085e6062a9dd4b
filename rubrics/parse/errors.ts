import type { ParseError } from './types';
import { inputPosition, lexedOffset, type PreparedSource } from './preprocess';

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

const HEADER_HELP =
  'Start the diagram with a header line such as `flowchart LR` (or TD, TB, RL, BT) or `graph TD`.';

export function errorMessageOf(err: unknown): string {
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
 * Where a `//` comment starts on the line: after a blank or at its start, outside quotes and
 * shapes (a URL in a label, `http://…`, is text). Mermaid's comments are `%%` lines.
 */
function slashCommentAt(lineText: string): number | undefined {
  let quote = false;
  let depth = 0;
  for (let i = 0; i < lineText.length; i++) {
    const char = lineText[i] ?? '';
    if (char === '"') quote = !quote;
    if (quote) continue;
    if ('[({'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && lineText.startsWith('//', i) && (i === 0 || /\s/.test(lineText[i - 1] ?? ''))) return i;
  }
  return undefined;
}

/** `A --> B // why`: the comment moves to a `%%` line of its own. */
function slashCommentHint(lineText: string): string | undefined {
  const at = slashCommentAt(lineText);
  if (at === undefined) return undefined;
  const code = lineText.slice(0, at).replace(/[\s;]+$/, '').trim();
  const comment = `%% ${lineText.slice(at + 2).trim()}`.trimEnd();
  return code === ''
    ? `Mermaid comments start with %%, not //: ${comment}`
    : `Mermaid comments start with %% on a line of their own, not //: ${code} (and the comment on its own line: ${comment})`;
}

/** Characters a node id is made of. */
const ID_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * `Robots🤖["🤖 ROS Robots"]`: an emoji or symbol glued to an id. Ids are letters, digits, `_`
 * and `-`; the corrected line drops what else the id holds (the label keeps its own).
 */
function idSymbolHint(lineText: string, column: number): string | undefined {
  const at = column - 1;
  const symbol = String.fromCodePoint(lineText.codePointAt(at) ?? 32);
  if (at === 0 || ID_CHAR.test(symbol) || /[\s"'`]/u.test(symbol) || !ID_CHAR.test(lineText[at - 1] ?? '')) return undefined;
  let end = at;
  while (end < lineText.length && !/[\s[({>&;:|"-]/u.test(lineText[end] ?? '') && !ID_CHAR.test(lineText[end] ?? '')) end++;
  if (end === at) return undefined;
  const fixed = (lineText.slice(0, at) + lineText.slice(end)).trim();
  return `A node id may only use letters, digits, _ and -: put the ${symbol} in its label instead: ${fixed}`;
}

/**
 * `A -- B`: two dashes open an edge label (`A -- text --> B`), so with no arrow after them Mermaid
 * reads on for one. A plain line between two nodes is `---`.
 */
function openLinkHint(lineText: string): string | undefined {
  // Where the last arrow or dotted/thick link starts; an open `--` is one with none after it (two linear scans).
  let lastArrow = -1;
  for (const arrow of lineText.matchAll(/--[->xo]|==|-\./g)) lastArrow = arrow.index;
  const open = [...lineText.matchAll(/(^|[^-<=.])--(?=\s)/g)].find((m) => m.index + (m[1] ?? '').length > lastArrow);
  if (open === undefined) return undefined;
  const at = open.index + (open[1] ?? '').length;
  const fixed = `${lineText.slice(0, at)}---${lineText.slice(at + 2)}`.trim();
  return `Two dashes start an edge label and need an arrow after it (A -- label --> B); a plain line is three dashes: ${fixed}`;
}

/** Words Mermaid's flowchart grammar reserves: as a node id they end the statement. */
const KEYWORD = '(end|graph|subgraph|flowchart|style|classDef|class|linkStyle|call|href)';
const KEYWORD_AT_START = new RegExp(`^(\\s*)${KEYWORD}(?=\\s*(?:[[({]|-->|---|-\\.|==|&))`);
const KEYWORD_AFTER_LINK = new RegExp(`((?:-->|---|==>|===|-\\.->|-\\.-|--[ox]|&|\\|)\\s*)${KEYWORD}(?=\\s*(?:$|[[({;&]|-->|---|-\\.|==|:::))`, 'g');
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `A --> end[(Store)]`: a keyword as a node id. Mermaid's own advice is to capitalise it. */
function keywordIdHint(lineText: string): string | undefined {
  const found = new Set<string>();
  const fixed = lineText
    .replace(KEYWORD_AT_START, (_all, lead: string, word: string) => {
      found.add(word);
      return `${lead}${capitalised(word)}`;
    })
    .replace(KEYWORD_AFTER_LINK, (_all, link: string, word: string) => {
      found.add(word);
      return `${link}${capitalised(word)}`;
    });
  if (found.size === 0) return undefined;
  const words = [...found].map((w) => `\`${w}\``).join(', ');
  return `${words} ${found.size === 1 ? 'is a Mermaid keyword' : 'are Mermaid keywords'}, not a node id: capitalise or rename it: ${fixed.trim()}`;
}

/** `graph "Order system"`: the header takes a direction only; a title goes in front matter. */
function headerTitleHint(lineText: string): string | undefined {
  const header = /^(graph|flowchart(?:-elk)?)(?:\s+(TB|TD|BT|RL|LR|>|<|\^|v))?\s+(?!(?:TB|TD|BT|RL|LR)\b)(\S.*)$/.exec(lineText.trim());
  if (header === null) return undefined;
  const title = (header[3] ?? '').replace(/\s*;$/, '').replace(/^["'](.*)["']$/, '$1');
  return `The header line takes only a direction; a title goes in front matter (---, title: ${title}, --- before the header): ${header[1]} ${header[2] ?? 'TD'}`;
}

/**
 * Where in the lexed text the lexer was when it stopped: jison's message shows the (at most 20)
 * characters it had read before that point, newlines dropped, then a caret, and the (at most 20)
 * characters from that point on. The offset where both fit is the stop; of several, the one
 * nearest to `near` (what jison's line and column say).
 */
function stopByExcerpt(message: string, lexed: string, tokenLength: number, near: number): number | undefined {
  const shown = message.split('\n');
  const caretAt = shown.findIndex((l, i) => i > 0 && /^-*\^$/.test(l));
  if (caretAt < 1) return undefined;
  const excerpt = shown[caretAt - 1] ?? '';
  const split = (shown[caretAt] ?? '').length - 1;
  const before = excerpt.slice(0, split);
  const after = excerpt.slice(split);
  const fits = (p: number): boolean => {
    const past = (p > 20 ? '...' : '') + lexed.slice(Math.max(0, p - 20), p).replace(/\n/g, '');
    if (past !== before) return false;
    const next = lexed.slice(p, p + Math.max(20, tokenLength));
    return (next.slice(0, 20) + (next.length > 20 ? '...' : '')).replace(/\n/g, '') === after;
  };
  for (let d = 0; d <= lexed.length; d++) {
    if (near - d >= 0 && near - d <= lexed.length && fits(near - d)) return near - d;
    if (d > 0 && near + d <= lexed.length && fits(near + d)) return near + d;
  }
  return undefined;
}

const isBlank = (s: string): boolean => s.trim() === '';

/** The input line at or before `line` that is not blank (the end of the input is after the last one). */
function nonBlankAtOrBefore(source: PreparedSource, line: number): number {
  let l = Math.min(line, source.lines.length);
  while (l > 1 && isBlank(source.lines[l - 1] ?? '')) l--;
  return l;
}

/**
 * Converts a thrown Mermaid error into a `ParseError` located in the user's own text.
 *
 * Jison reports where the last token it accepted begins (`loc.first_*`) and ends (`loc.last_*`,
 * which is where the unexpected token begins, unless a skipped quote lies between), both in the
 * text its lexer read; the source map of `prepareSource` takes them back to the input. The line
 * reported is where the accepted token's own text begins (a label or string left open runs on
 * from there); when that token is only blanks or a line break, it is where the unexpected
 * token's text begins. At the end of the input, the stop is the end of the last non-blank line.
 */
export function toParseError(err: unknown, source: PreparedSource): ParseError {
  const message = errorMessageOf(err);
  const hash = typeof err === 'object' && err !== null ? (err as MermaidErrorLike).hash : undefined;
  const loc = hash?.loc;
  const tokenText = typeof hash?.text === 'string' ? hash.text : '';
  const lexed = source.lexed;

  if (loc === undefined && typeof hash?.line === 'number' && /^Lexical error/.test(message)) {
    const lineStart = lexedOffset(source, hash.line + 1, 0);
    if (lineStart !== undefined) {
      const stop = stopByExcerpt(message, lexed, 0, lineStart) ?? lineStart;
      const { line, column } = inputPosition(source, stop);
      const lineText = source.lines[line - 1] ?? '';
      const char = String.fromCodePoint(lineText.codePointAt(column - 1) ?? 32);
      const text = `Mermaid could not read line ${line}: unexpected "${char}" at column ${column}.`;
      const hint = hintFor(source, lineText, false) ?? strayHint(lineText, column) ?? idSymbolHint(lineText, column) ?? (line === source.headerLine ? headerTitleHint(lineText) : undefined) ?? slashCommentHint(lineText);
      return located(line, column, text, lineText, hint);
    }
  }

  const first = loc === undefined ? undefined : lexedOffset(source, loc.first_line ?? 0, loc.first_column ?? 0);
  const last = loc === undefined ? undefined : lexedOffset(source, loc.last_line ?? 0, loc.last_column ?? 0);
  if (first === undefined || last === undefined) {
    // Mermaid gives no place for these; like the evaluation's reference, they are put on the first line with content.
    const line = firstContentLine(source);
    const lineText = source.lines[line - 1] ?? '';
    const noType = /No diagram type detected/i.test(message);
    const shapeLine = source.lines.findIndex((l) => l.includes('@{')) + 1;
    const yaml = shapeLine > 0 && ((typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'YAMLException') || /^No such shape/.test(message));
    const firstLine = (message.split('\n').find((l) => l.trim() !== '') ?? 'Mermaid could not read this diagram.').trim();
    const text = noType
      ? source.unclosedDirectiveLine !== undefined
        ? `Not a flowchart: the \`%%{\` directive on line ${source.unclosedDirectiveLine} is never closed with \`}%%\`, so Mermaid reads the rest of the text as part of it.`
        : `Not a flowchart. ${HEADER_HELP}`
      : yaml
        ? `Mermaid could not read a node's \`@{ … }\` data (the first \`@{\` is on line ${shapeLine}): ${firstLine}`
        : firstLine;
    const hint = noType
      ? source.unclosedDirectiveLine !== undefined
        ? `End the directive on line ${source.unclosedDirectiveLine} with \`}%%\`.`
        : 'First line: flowchart LR'
      : yaml
        ? 'Close each `@{` with `}` on the same line and write its data as `key: value` pairs separated by commas, e.g. A@{ shape: cyl, label: "Orders" }'
        : undefined;
    return located(line, 1, text, lineText, hint);
  }

  const atEnd = hash?.token === 'EOF' || hash?.token === 1 || tokenText === '';
  if (atEnd) {
    const line = nonBlankAtOrBefore(source, source.lines.length);
    const lineText = source.lines[line - 1] ?? '';
    const text = `Mermaid could not parse the diagram: it ended unexpectedly after line ${line}.`;
    return located(line, lineText.length + 1, text, lineText, hintFor(source, lineText, true) ?? arrowHint(lineText));
  }

  // Where the unexpected token begins in the lexed text, and where its own text (past any blanks) does.
  const next = lexed.startsWith(tokenText, last) ? last : (stopByExcerpt(message, lexed, tokenText.length, last) ?? last);
  const tokenLead = /^\s*/.exec(tokenText)?.[0].length ?? 0;
  const tokenTextAt = tokenLead < tokenText.length ? next + tokenLead : undefined;
  // Where the accepted token's own text begins, when it has any, and where the unexpected one's
  // does: from a quote the lexer skipped before it (a string's opening quote), else past its blanks.
  const firstText = (from: number, to: number): number | undefined => {
    for (let i = from; i < to; i++) if (!/\s/.test(lexed[i] ?? '')) return i;
    return undefined;
  };
  const acceptedAt = firstText(first, Math.min(last, next));
  const unexpectedAt = firstText(Math.min(last, next), next) ?? tokenTextAt;
  const stopAt = acceptedAt !== undefined ? first : (unexpectedAt ?? next);
  let { line, column } = inputPosition(source, stopAt);
  if ((acceptedAt !== undefined || unexpectedAt === undefined) && isBlank(source.lines[line - 1] ?? '')) {
    // A line break mapped past blank lines Mermaid dropped: the end of the line before them.
    line = nonBlankAtOrBefore(source, line);
    column = (source.lines[line - 1] ?? '').length + 1;
  }
  const lineText = source.lines[line - 1] ?? '';
  const tokenPos = inputPosition(source, unexpectedAt ?? next);
  // The unexpected token begins on the line reported: point at it rather than at the accepted one.
  if (tokenPos.line === line) column = tokenPos.column;
  const token = tokenText.trim();
  const unexpected =
    token !== ''
      ? `"${token.split('\n')[0] ?? ''}"`
      : tokenText.includes('\n')
        ? 'line break'
        : tokenText.startsWith('\t')
          ? 'tab'
          : 'space';
  // Text that runs on over lines: more than one line of it, or a label opened at the end of a line.
  const accepted = acceptedAt === undefined ? '' : lexed.slice(acceptedAt, Math.min(last, next)).trim();
  const opensAtEnd = acceptedAt !== undefined && /[[({|"`]/.test(lexed[first - 1] ?? '') && lexed.slice(first, acceptedAt).includes('\n');
  const text =
    tokenPos.line === line
      ? `Mermaid could not parse line ${line}: unexpected ${unexpected} at column ${column}.`
      : accepted.includes('\n') || opensAtEnd
        ? `Mermaid could not parse line ${line}: what ${column > lineText.length ? 'opens at the end of this line' : `starts at column ${column}`} is not closed on this line (Mermaid read on to line ${tokenPos.line} before it stopped).`
        : `Mermaid could not parse what follows line ${line}: unexpected ${unexpected} on line ${tokenPos.line}.`;
  // Blanks Mermaid does not allow at the end of the line (after a subgraph title, a class line, …).
  const trailingBlank = token === '' && !tokenText.includes('\n') && tokenPos.line === line && lineText.slice(column - 1).trim() === '' && lineText.trim() !== '';
  const hint = trailingBlank
    ? `Remove the blanks at the end of the line: ${lineText.trim()}`
    : (hintFor(source, lineText, false) ??
      keywordIdHint(lineText) ??
      arrowHint(lineText) ??
      strayHint(lineText, column) ??
      slashCommentHint(lineText) ??
      (line === source.headerLine ? headerTitleHint(lineText) : undefined) ??
      openLinkHint(lineText));
  return located(line, column, text, lineText, hint);
}

/** A refusal before Mermaid runs (input too large, empty, …), located at line 1. */
export function refusal(message: string, line = 1): ParseError {
  return Object.freeze({ line, column: 1, message });
}
