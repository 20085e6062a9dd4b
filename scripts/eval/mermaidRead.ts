/**
 * Mermaid 11 itself — not the Sysdrill grader — asked whether it accepts a diagram, where it
 * stops when it does not, and which node ids it creates. Used by `mermaid-check.ts` (for
 * labellers) and by the corpus tests (every node Mermaid creates must be labelled).
 */
import { JSDOM } from 'jsdom';

interface RawMermaid {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<{ diagramType: string } | false>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> };
}

interface RawFlowDb {
  getVertices(): ReadonlyMap<string, { id: string; text?: string }>;
  getSubGraphs(): readonly { id: string }[];
}

interface JisonError {
  message?: unknown;
  hash?: { text?: unknown; token?: unknown; line?: number; expected?: unknown; loc?: { first_line?: number; last_line?: number; first_column?: number; last_column?: number } };
}

export interface MermaidRejection {
  readonly valid: false;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type MermaidVerdict = { readonly valid: true; readonly diagramType: string } | MermaidRejection;

let ready: Promise<RawMermaid> | undefined;

/** Imports Mermaid once per process, after giving it the window/document it needs at import. */
export function loadRawMermaid(): Promise<RawMermaid> {
  ready ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    if (g.window === undefined || g.document === undefined) {
      const dom = new JSDOM('<!doctype html><html><body></body></html>');
      g.window = dom.window;
      g.document = dom.window.document;
    }
    const mod = (await import('mermaid')) as unknown as { default: RawMermaid };
    mod.default.initialize({ startOnLoad: false });
    return mod.default;
  })();
  return ready;
}

/**
 * The diagram with everything Mermaid strips before parsing (front matter, `%%{…}%%`
 * directives, `%%` comments) blanked in place, so the line count is unchanged, plus a map from
 * the line numbers Mermaid's parser reports back to lines of the input. Mermaid also trims
 * leading blank lines and (flowcharts) drops blank lines after a line ending in `}`.
 */
export function lineMapped(input: string): { text: string; originalLine: readonly number[] } {
  const blankKeepingNewlines = (s: string): string => s.replace(/[^\n]/g, ' ');
  let text = input.replace(/\r\n?/g, '\n');
  const front = /^([^\S\n]*)-{3}\s*\n(.*?)\n\1-{3}\s*\n/s.exec(text);
  if (front) text = blankKeepingNewlines(front[0]) + text.slice(front[0].length);
  text = text.replace(/%%\{[\s\S]*?(?:\}%%|$)/g, blankKeepingNewlines);
  text = text
    .split('\n')
    .map((line) => (/^\s*%%(?!\{)/.test(line) ? '' : line))
    .join('\n');
  const lines = text.split('\n');
  const originalLine: number[] = [];
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  let previousEndsInBrace = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const blank = line.trim() === '';
    if (blank && previousEndsInBrace && i < lines.length - 1) continue;
    originalLine.push(i + 1);
    previousEndsInBrace = previousEndsInBrace && blank ? true : /\}\s*$/.test(line);
  }
  return { text, originalLine };
}

function conciseMessage(e: JisonError, raw: string): string {
  const got = /got '([^']*)'\s*$/.exec(raw);
  if (got) {
    const token = got[1] === '1' || got[1] === 'EOF' ? 'end of input' : `${got[1]}${typeof e.hash?.text === 'string' && e.hash.text !== '' ? ` ${JSON.stringify(e.hash.text)}` : ''}`;
    const expected = Array.isArray(e.hash?.expected) ? e.hash.expected.map((x) => String(x).replace(/'/g, '')) : [];
    const list = expected.length > 6 ? `${expected.slice(0, 6).join(', ')}, … (${expected.length})` : expected.join(', ');
    return `unexpected ${token}${list === '' ? '' : `; expecting ${list}`}`;
  }
  const first = raw.split('\n').map((l) => l.trim()).find((l) => l !== '');
  // The line number inside Mermaid's message counts the stripped text; the verdict carries the real one.
  return (first ?? 'Mermaid could not read this diagram.').replace(/ on line \d+/, '').replace(/\s+/g, ' ');
}

/** Column of a lexical error: how much of the line the lexer had consumed (its `^` excerpt). */
function lexicalColumn(raw: string, lineText: string): number {
  const lines = raw.split('\n');
  const caretAt = lines.findIndex((l) => /^-*\^$/.test(l));
  if (caretAt < 1) return 1;
  const past = (lines[caretAt - 1] ?? '').slice(0, (lines[caretAt] ?? '').length - 1).replace(/^\.\.\./, '');
  for (let k = Math.min(past.length, lineText.length); k > 0; k--) if (lineText.startsWith(past.slice(-k))) return k + 1;
  return 1;
}

/** Column of the offending token: jison's `last_column` is where that token starts. */
function tokenColumn(e: JisonError, lineText: string): number {
  const loc = e.hash?.loc;
  const text = typeof e.hash?.text === 'string' ? e.hash.text : '';
  const last = loc?.last_column;
  if (text !== '' && typeof last === 'number') {
    if (lineText.startsWith(text, last)) return last + 1;
    if (last >= text.length && lineText.startsWith(text, last - text.length)) return last - text.length + 1;
  }
  return Math.min(loc?.first_column ?? 0, lineText.length) + 1;
}

function located(err: unknown, input: string, mapped: { originalLine: readonly number[] } | undefined): MermaidRejection {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as JisonError;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const message = conciseMessage(e, raw);
  const inputLines = input.replace(/\r\n?/g, '\n').split('\n');
  const firstContent = Math.max(1, inputLines.findIndex((l) => l.trim() !== '' && !/^\s*%%/.test(l)) + 1);
  const loc = e.hash?.loc;
  const lexicalLine = typeof e.hash?.line === 'number' && loc === undefined ? e.hash.line + 1 : undefined;
  // At end of input jison's loc spans the last token to the end: the stop is at its last line.
  const atEnd = e.hash?.token === 'EOF' || e.hash?.token === 1;
  const rawLine = lexicalLine ?? (atEnd ? loc?.last_line : loc?.first_line);
  if (typeof rawLine !== 'number' || mapped === undefined) return { valid: false, line: firstContent, column: 1, message };
  let line = mapped.originalLine[rawLine - 1] ?? inputLines.length;
  while (line > 1 && (inputLines[line - 1] ?? '').trim() === '') line--;
  const lineText = inputLines[line - 1] ?? '';
  const column = lexicalLine !== undefined ? lexicalColumn(raw, lineText) : atEnd ? lineText.length + 1 : tokenColumn(e, lineText);
  return { valid: false, line, column, message };
}

/** Mermaid's verdict on the text, located against the input's own lines. Never throws. */
export async function checkWithMermaid(input: string): Promise<MermaidVerdict> {
  const mermaid = await loadRawMermaid();
  try {
    const result = await mermaid.parse(input);
    return { valid: true, diagramType: result === false ? 'unknown' : result.diagramType };
  } catch (err) {
    // Validity is Mermaid's answer on the exact text; the location comes from the same error
    // raised by the line-preserving copy, whose line numbers map back to the input.
    const mapped = lineMapped(input);
    try {
      await mermaid.parse(mapped.text);
    } catch (mappedErr) {
      const a = located(err, input, undefined).message;
      const b = located(mappedErr, input, mapped);
      if (b.message === a) return b;
    }
    const e = err as JisonError;
    const rawLine = e.hash?.loc?.first_line ?? (typeof e.hash?.line === 'number' ? e.hash.line + 1 : undefined);
    return typeof rawLine === 'number'
      ? { valid: false, line: rawLine, column: (e.hash?.loc?.first_column ?? 0) + 1, message: `${located(err, input, undefined).message} (line as counted by Mermaid after stripping comments/front matter)` }
      : located(err, input, undefined);
  }
}

/** Node ids Mermaid creates for a flowchart (subgraph ids excluded), with their label text. */
export async function mermaidNodes(input: string): Promise<ReadonlyMap<string, string>> {
  const mermaid = await loadRawMermaid();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(input);
  // flowchart, flowchart-v2 and flowchart-elk (ELK layout) share the flowchart db.
  if (!diagram.type.startsWith('flowchart')) {
    throw new Error(`not a flowchart: Mermaid reads it as "${diagram.type}"`);
  }
  const db = diagram.db as RawFlowDb;
  const subgraphs = new Set(db.getSubGraphs().map((s) => s.id));
  const out = new Map<string, string>();
  for (const [id, v] of db.getVertices()) if (!subgraphs.has(id)) out.set(id, v.text ?? id);
  return out;
}
