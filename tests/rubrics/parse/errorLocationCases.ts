/**
 * Generated Mermaid flowcharts for the error-location differential test: valid statement lines
 * with one typical mistake placed among them, after every kind of preamble Mermaid strips
 * (blank lines, `%%` comments, one- and multi-line `%%{init}%%` directives with comments inside,
 * YAML front matter) and with the line endings, tabs and trailing blanks editors leave.
 * Deterministic: fast-check's sampler with a fixed seed.
 */
import fc from 'fast-check';
import { checkWithMermaid, lineMapped, loadRawMermaid } from '../../../scripts/eval/mermaidRead';

export interface Preamble {
  readonly text: string;
  /**
   * The reference (scripts/eval/mermaidRead.ts `lineMapped`) blanks front matter only at the very
   * start of the text; Mermaid's `parse` preprocesses twice, so it also strips front matter that
   * follows blank lines, comments or a directive. The reference's line map is then off by the
   * front matter's lines: it is asked about the same text with this preamble blanked instead.
   */
  readonly referenceCannotMap?: boolean;
}

/** What comes before the header: each kind Mermaid strips or trims before it parses. */
export const PREAMBLES: readonly Preamble[] = [
  { text: '' },
  { text: '\n\n' },
  { text: '   \n\t\n' },
  { text: '%% a comment\n' },
  { text: '%% one\n\n%% two\n' },
  { text: '%%{init: {"theme": "dark"}}%%\n' },
  { text: '%%{\n  init: {\n    "theme": "dark", /* a comment */\n    "flowchart": { "curve": "basis" }\n  }\n}%%\n' },
  { text: '%%{init: {\n  /* comment { with } braces */\n  "theme": "forest"\n}}%%\n\n' },
  { text: '---\ntitle: Shop\n---\n' },
  { text: '---\nconfig:\n  theme: dark\n  flowchart:\n    curve: linear\n---\n' },
  { text: '---\ntitle: x\n---\n%%{init: {"theme": "dark"}}%%\n%% note\n\n' },
  { text: '\n---\ntitle: after a blank line\n---\n', referenceCannotMap: true },
  { text: '%% before the front matter\n---\ntitle: t\n---\n', referenceCannotMap: true },
  { text: '%%{init: {"theme": "dark"}}%%\n---\ntitle: t\n---\n', referenceCannotMap: true },
  { text: '  ---\n  title: indented\n  ---\n' },
  // Not YAML (a tab indents it): Mermaid refuses the diagram before reading it.
  { text: '---\nconfig:\n\ttheme: dark\n---\n' },
  { text: '%% c\n---\ntitle: [unclosed\n---\n' },
  // Never closed: the directive runs to the end of the text.
  { text: '%%{init: {"theme": "dark"}\n' },
];

export const HEADERS: readonly string[] = ['flowchart LR', 'graph TD', 'flowchart TB;', '  flowchart RL', 'flowchart-elk LR'];

/** Valid statement lines (some span several lines); `}` endings and blank lines after them matter. */
export const VALID_LINES: readonly string[] = [
  'A --> B',
  'B[Service] --> C[(Database)]',
  'C{Decide?} -->|yes| D',
  'D{Decide?}',
  'E{{Hexagon}}',
  'F@{ shape: cyl, label: "Store" }',
  'G["`**Bold** _markdown_`"] --> H',
  'H(Round) -.-> I([Stadium])',
  'I ==> J>Flag]',
  'K["Quoted (with parens)"] --- L',
  'M[Café ünïcode] --> N[🚀 Deploy]',
  'A & B --> O',
  'style A fill:#f9f,stroke:#333;',
  'classDef db fill:#eee;',
  'class C db',
  'P:::db --> Q',
  'R["say #quot;hi#quot;"] --> S',
  'subgraph T [Tier]\n    U --> V\n  end',
  'subgraph W\n    X{Inner}\n  end',
  '%% a comment between statements',
  '',
  'click A "https://example.com" "tip"',
  'Y -- text --> Z',
  'A1 ~~~ B1',
  'C1 --o D1 --x E1',
  'F1 -->|"quoted | pipe"| G1',
  'H1@{ shape: rect, label: "Box" } --> I1',
  'direction LR',
  '%%{init: {"flowchart": {"curve": "basis"}}}%%',
  '%%{\n    init: { "theme": "dark" } /* a } brace */\n  }%%',
  'J1["two\n  lines"] --> K1{{"hex {x}"}}',
  'linkStyle 0 stroke:#f00;',
  '%% a comment ending in a brace }',
  'A-->B',
  'A--text-->B',
  'A-. dotted .->B',
  'A== thick ==>B',
  'A -->|read (cached)| B',
  'A(("circle"))',
  'A[Line<br>two] --> B[<b>bold</b>]',
  'linkStyle default stroke:#333;',
  'subgraph id1["Title (x)"]\n    direction TB\n    A\n  end',
  'A --> B;',
  'click A callback "tip"',
  'classDef cls fill:#f00,stroke:#0f0,color:#fff;',
  'A[/Parallel/] --> B[\\Alt\\]',
  'A["`Multi\n  line **md**`"]',
  'A <--> B & C',
  '数据库[(数据库)] --> B',
];

/** Characters (and words) a random edit inserts into a statement: each can break or repair one. */
const INSERTS: readonly string[] = ['[', ']', '(', ')', '{', '}', '|', '"', '`', '-', '>', ';', ':', '&', '\n', ' ', '\t', '@{', '#', 'end', '\n\n', '%%'];

/** Typical mistakes, as one or more lines. */
export const MISTAKES: readonly string[] = [
  'A[Cache (Redis)] --> B',
  'C[list [x] y] --> A',
  'A[Open label --> B',
  'A["unclosed quote] --> B',
  'A --> B]',
  'A --> B)',
  'A -->',
  'A --> B -->',
  'A --> B &',
  'end --> A',
  'A --> end',
  'subgraph end',
  'A(Proc (v2)) --> B',
  'A{Is it (ok)?} --> B',
  'A{Decision',
  'A{{Hex} --> B',
  'A@{ shape: rect',
  'A@{ shape rect }',
  'A@{ shape: "rect }',
  'A@{ shape: rect, label: "x" } -->',
  'A@{ shape: rect }}',
  'subgraph S [a|b]\n    A\n  end',
  'subgraph Data (EU)\n    A\n  end',
  'subgraph Tier\n    A --> B',
  'end',
  'subgraph S\n    A\n  end\n  end',
  'A["`unclosed markdown"] --> B',
  'A["`**x**`" --> B',
  'A[🚀 Deploy (prod)] --> B',
  'A --> 🚀',
  'Ä[Ünïcode (x)] --> B',
  'A -> B',
  'A -->|label B',
  'A -->|a|b| B',
  'A -- text B',
  '| a | b |',
  'A & --> B',
  'class A',
  'A --> B %% trailing comment',
  'A[say #quot;hi#quot; (x)] --> B',
  'A>flag (x)] --> B',
  'A["a"b"] --> B',
  'A --> B --> C[x (y)]',
  'A:::db --> B:::',
  'A --> B;;]',
  'A ==> B ==',
  'A -.->',
  'A[x] B[y]',
  'A --> B\n  C --> D[unclosed',
  'A --> B[a\n  b (c)]',
  'A["multi\n  line (ok)"] --> B[x (y)]',
  'A --> B %%{init: {}}%% C',
  'A[<b title="x">bold</b> (y)] --> B',
  '%%{init: {}}%% A --> B]',
  'style A fill:#f9f; A --> B]',
  'A --> B{x}  \n\n\n  C]',
  'A{x}\n  %% c }\n\n  B[(y) z]',
  'A --> B\n\n  %%{init: {"theme": "dark"}\n  C --> D',
];

export interface GeneratedCase {
  readonly text: string;
  /** The text to ask the reference about: `text`, or it with a preamble the reference cannot map blanked. */
  readonly referenceText: string;
  /** How it was built, for a readable failure. */
  readonly recipe: string;
}

const SUFFIXES: readonly string[] = ['', '\n', '\n\n', '\n%% a trailing comment\n', '\n  \n'];

interface Edit {
  line: number;
  at: number;
  insert: number;
  remove: boolean;
}

interface Recipe {
  preamble: number;
  header: number;
  before: number[];
  mistake: number;
  after: number[];
  suffix: number;
  crlf: boolean;
  tabs: boolean;
  flush: boolean;
  trailing: number[];
  edits: readonly Edit[];
}

const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  preamble: fc.nat({ max: PREAMBLES.length - 1 }),
  header: fc.nat({ max: HEADERS.length - 1 }),
  before: fc.array(fc.nat({ max: VALID_LINES.length - 1 }), { maxLength: 5 }),
  mistake: fc.nat({ max: MISTAKES.length - 1 }),
  // Often none: the mistake is then the last thing in the input.
  after: fc.oneof(fc.constant([] as number[]), fc.array(fc.nat({ max: VALID_LINES.length - 1 }), { maxLength: 4 })),
  suffix: fc.nat({ max: SUFFIXES.length - 1 }),
  crlf: fc.boolean(),
  tabs: fc.boolean(),
  flush: fc.boolean(),
  trailing: fc.array(fc.nat({ max: 40 }), { maxLength: 3 }),
  // Sometimes a character removed or inserted in a statement too (never in a comment or directive).
  edits: fc.oneof(
    { weight: 2, arbitrary: fc.constant<readonly Edit[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.record({ line: fc.nat(), at: fc.nat(), insert: fc.nat({ max: INSERTS.length - 1 }), remove: fc.boolean() }), { minLength: 1, maxLength: 2 }) },
  ),
});

function build(r: Recipe): GeneratedCase {
  // Statements indented by two spaces, or flush left (continuation lines keep their own indent).
  const indent = (s: string): string => (s === '' ? '' : r.flush ? s : `  ${s}`);
  const preamble = PREAMBLES[r.preamble] ?? { text: '' };
  const body = [...r.before.map((i) => VALID_LINES[i] ?? ''), MISTAKES[r.mistake] ?? '', ...r.after.map((i) => VALID_LINES[i] ?? '')];
  const edited = [...body];
  for (const e of r.edits) {
    const editable = edited.map((l, i) => (l.includes('%%') ? -1 : i)).filter((i) => i >= 0);
    const i = editable[e.line % Math.max(1, editable.length)];
    if (i === undefined) continue;
    const l = edited[i] ?? '';
    const at = e.at % (l.length + 1);
    edited[i] = e.remove ? l.slice(0, at) + l.slice(at + 1) : l.slice(0, at) + (INSERTS[e.insert] ?? '') + l.slice(at);
  }
  const rest = `${HEADERS[r.header] ?? ''}\n${edited.map(indent).join('\n')}${SUFFIXES[r.suffix] ?? ''}`.split('\n');
  const head = preamble.text.split('\n').slice(0, -1);
  let lines = [...head, ...rest];
  // Tabs indent the diagram, not the front matter (YAML refuses them: a preamble of its own does that).
  if (r.tabs) lines = lines.map((l, i) => (i < head.length ? l : l.replace(/^ {2}/, '\t')));
  for (const t of r.trailing) {
    const i = t % lines.length;
    lines[i] = `${lines[i] ?? ''}${t % 2 === 0 ? '  ' : '\t'}`;
  }
  const eol = r.crlf ? '\r\n' : '\n';
  const text = lines.join(eol);
  const referenceText = preamble.referenceCannotMap === true ? lines.map((l, i) => (i < head.length ? '' : l)).join(eol) : text;
  const recipe = `preamble ${r.preamble}, header ${r.header}, before [${r.before.join(',')}], mistake ${r.mistake} ${JSON.stringify(MISTAKES[r.mistake])}, after [${r.after.join(',')}], suffix ${r.suffix}${r.crlf ? ', CRLF' : ''}${r.tabs ? ', tabs' : ''}${r.flush ? ', flush' : ''}${r.trailing.length > 0 ? ', trailing blanks' : ''}${r.edits.length > 0 ? `, edits ${JSON.stringify(r.edits)}` : ''}`;
  return { text, referenceText, recipe };
}

/** `count` generated cases, the same ones for the same seed. */
export function generateCases(count: number, seed: number): readonly GeneratedCase[] {
  return fc.sample(recipeArb, { numRuns: count, seed }).map(build);
}

interface JisonLike {
  readonly hash?: { readonly text?: unknown; readonly token?: unknown; readonly loc?: { readonly first_line?: number; readonly last_line?: number; readonly first_column?: number; readonly last_column?: number } };
}

export type Stop = { readonly valid: true } | { readonly valid: false; readonly line: number; readonly column: number | undefined; readonly message: string };

const FALLBACK = ' (line as counted by Mermaid after stripping comments/front matter)';
const inputLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** The reference's own rule for an error Mermaid gives no place for: the first line that is not blank or `%%`. */
function firstContentLine(text: string): number {
  return Math.max(1, inputLines(text).findIndex((l) => l.trim() !== '' && !/^\s*%%/.test(l)) + 1);
}

interface JisonStop {
  readonly line: number;
  readonly column: number | undefined;
}

/**
 * Two things the reference's own rule gets wrong, read from the jison error of the reference's
 * line-preserving copy (`lineMapped`, whose lines map back to the input):
 *
 * - The line. The reference names the line where the last token Mermaid accepted begins. When
 *   that token is only a line break (the offending token is the first on its line: a stray `end`
 *   or table row written flush left), that is the line before, whose text Mermaid read without
 *   complaint; Mermaid's own message ("Parse error on line N") names the line the break ends on,
 *   where the offending token is. That line is expected.
 * - The column. The reference reads it from jison's `last_column` when the token's text stands
 *   there on the line it reports, and otherwise falls back to where the token before began (a token
 *   with blanks or line breaks around it, a skipped quote before it, entity codes before it on the
 *   line) or, for a lexical error, reads it from a 20-character excerpt of what came before.
 *   Columns are compared only when it found the token (for a lexical error: when the line from
 *   its column on reads as Mermaid's excerpt after the caret).
 */
async function jisonStop(text: string, verdict: { readonly line: number; readonly column: number }): Promise<JisonStop> {
  const mermaid = await loadRawMermaid();
  const mapped = lineMapped(text);
  const lines = inputLines(text);
  // The copy's lines: comments and directives blanked, as Mermaid's lexer never sees them.
  const mappedLines = mapped.text.split('\n');
  try {
    await mermaid.parse(mapped.text);
    return { line: verdict.line, column: undefined };
  } catch (err) {
    const hash = (err as JisonLike).hash;
    if (hash?.token === 'EOF' || hash?.token === 1) return verdict;
    const loc = hash?.loc;
    if (loc === undefined) {
      // Compared when the line, from the reference's column on, reads as Mermaid's excerpt after its caret.
      const shown = String((err as { message?: unknown }).message ?? '').split('\n');
      const caret = shown.findIndex((l, i) => i > 0 && /^-*\^$/.test(l));
      const after = caret < 1 ? undefined : (shown[caret - 1] ?? '').slice((shown[caret] ?? '').length - 1).replace(/\.\.\.$/, '');
      const rest = (lines[verdict.line - 1] ?? '').slice(verdict.column - 1);
      const fits = after !== undefined && after !== '' && (rest.length >= after.length ? rest.startsWith(after) : after.startsWith(rest) && rest !== '');
      return { line: verdict.line, column: fits ? verdict.column : undefined };
    }
    const token = typeof hash?.text === 'string' ? hash.text : '';
    const first = mapped.originalLine[(loc.first_line ?? 0) - 1];
    const last = mapped.originalLine[(loc.last_line ?? 0) - 1];
    // Lines as Mermaid's lexer reads the copy: the start of the text trimmed, and its entity
    // encoding applied (a style line loses its last `;`, `#quot;` becomes `ﬂ°quot¶ß`).
    const lexerLine = (n: number): string => {
      const text = (mappedLines[n - 1] ?? '')
        .replace(/(?:style|classDef).*:\S*#.*;/, (m) => m.slice(0, -1))
        .replace(/#\w+;/g, (m) => `${/^#\d+;$/.test(m) ? '\uFB02\xB0\xB0' : '\uFB02\xB0'}${m.slice(1, -1)}\xB6\xDF`);
      return n === mapped.originalLine[0] ? text.trimStart() : text;
    };
    const blankBetween = (from: number, to: number): boolean => {
      for (let n = from + 1; n < to; n++) if (lexerLine(n).trim() !== '') return false;
      return true;
    };
    const acceptedOnlyABreak =
      first !== undefined &&
      last !== undefined &&
      last > first &&
      lexerLine(first).slice(loc.first_column ?? 0).trim() === '' &&
      blankBetween(first, last) &&
      lexerLine(last).slice(0, loc.last_column ?? 0).trim() === '';
    const line = acceptedOnlyABreak ? last : verdict.line;
    // The token stands at jison's column on the input line, with nothing before it that the lexer counts otherwise.
    const end = (loc.last_column ?? 0) + token.length;
    const found = token !== '' && token === token.trim() && (lines[line - 1] ?? '').startsWith(token, loc.last_column ?? -1) && lexerLine(line).slice(0, end) === (lines[line - 1] ?? '').slice(0, end);
    return { line, column: found && (acceptedOnlyABreak || loc.first_line === loc.last_line) ? (loc.last_column ?? 0) + 1 : undefined };
  }
}

/** Where the reference says Mermaid stops. */
export async function referenceStop(c: GeneratedCase): Promise<Stop | 'unmappable'> {
  let verdict = await checkWithMermaid(c.referenceText);
  if (verdict.valid) return { valid: true };
  let asked = c.referenceText;
  if (verdict.message.endsWith(FALLBACK)) {
    // The reference compares Mermaid's messages on the exact text and on its line-preserving
    // copy; they differ only by the line breaks a token swallowed (a removed comment line is one
    // fewer), and it then gives up mapping. Ask it about that copy itself: the same stop.
    const copy = lineMapped(c.referenceText).text;
    const again = await checkWithMermaid(copy);
    const kind = (m: string): string => m.replace(FALLBACK, '').replace(/ ".*$/s, '').replace(/;.*$/s, '');
    if (again.valid || again.message.endsWith(FALLBACK) || kind(again.message) !== kind(verdict.message)) return 'unmappable';
    verdict = again;
    asked = copy;
  }
  // An error Mermaid gives no place for (front matter YAML, a shape's YAML, no diagram type):
  // the reference's rule, on the text the grader read.
  if (!/^(unexpected |Lexical error)/.test(verdict.message)) return { valid: false, line: firstContentLine(c.text), column: 1, message: verdict.message };
  const stop = await jisonStop(asked, verdict);
  return { valid: false, line: stop.line, column: stop.column, message: verdict.message };
}
