import { KIND_TITLES, NODE_KINDS, type NodeKind } from '../vocabulary';
import type { ParsedFlowchart } from './types';

/**
 * The author's own reading of a box, kept in the diagram as a Mermaid comment so it renders as
 * nothing and travels with the text (drafts, attempts, the CLI):
 *
 *     %% sysdrill: Pay is external service
 *
 * The grader takes the kind as given, whatever the label's words say. A line it cannot use is a
 * problem located at its line and column, never a parse error: the diagram is still graded.
 */

export interface KindOverrideProblem {
  /** 1-based line in the text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
}

/** One `%% sysdrill:` line that named a box and a kind. */
export interface KindOverrideLine {
  readonly id: string;
  readonly kind: NodeKind;
  readonly line: number;
  /** Column of the id. */
  readonly column: number;
}

export interface KindOverrides {
  /** The kind each id is given; a later line for the same id wins. */
  readonly kinds: Readonly<Record<string, NodeKind>>;
  readonly lines: readonly KindOverrideLine[];
  readonly problems: readonly KindOverrideProblem[];
}

const MARKER = /^(\s*%%\s*sysdrill\s*:\s*)(.*)$/i;
const STATEMENT = /^(\S+)(\s+(?:is|as)\s+(?:(?:an?|the)\s+)?)(.*)$/i;

/** The phrase without its closing spaces and full stops (a loop: a lazy pattern would backtrack on long lines). */
function trimEnd(phrase: string): string {
  let end = phrase.length;
  while (end > 0 && /[\s.]/.test(phrase.charAt(end - 1))) end -= 1;
  return phrase.slice(0, end);
}

const normalise = (words: string): string => words.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();

/** Every name a kind may be written with: its title, its id, and the usual other names. */
const KIND_WORDS: ReadonlyMap<string, NodeKind> = new Map<string, NodeKind>([
  ...NODE_KINDS.map((kind) => [normalise(kind), kind] as const),
  ...NODE_KINDS.map((kind) => [normalise(KIND_TITLES[kind]), kind] as const),
  ['third party', 'external'],
  ['third party service', 'external'],
  ['external', 'external'],
  ['db', 'database'],
  ['datastore', 'database'],
  ['data store', 'database'],
  ['lb', 'load_balancer'],
  ['balancer', 'load_balancer'],
  ['gateway', 'api_gateway'],
  ['message queue', 'queue'],
  ['event stream', 'stream'],
  ['search', 'search'],
  ['bucket', 'object_storage'],
  ['user', 'client'],
  ['app', 'client'],
]);

const KIND_LIST = NODE_KINDS.map((kind) => KIND_TITLES[kind]).join(', ');

/** The kind a phrase names (`"load balancer"`, `"third-party"`, `"object_storage"`), if any. */
export function kindNamed(words: string): NodeKind | undefined {
  return KIND_WORDS.get(normalise(words));
}

const EXAMPLE = '`%% sysdrill: Pay is external service`';

/** The box a `%% sysdrill:` line names, located at its id. */
export type NamedBox = Pick<KindOverrideLine, 'id' | 'line' | 'column'>;

/** What one `%% sysdrill:` line says: a kind for a box, a kind Sysdrill does not know for a box, or nothing usable. */
type OverrideStatement =
  | { readonly outcome: 'set'; readonly box: NamedBox; readonly kind: NodeKind }
  | { readonly outcome: 'unknown-kind'; readonly box: NamedBox; readonly problem: KindOverrideProblem }
  | { readonly outcome: 'unusable'; readonly problem: KindOverrideProblem };

/** Reads one line of the text (`line` is 1-based); `undefined` when it is not a `%% sysdrill:` line. */
function readOverrideStatement(source: string, line: number): OverrideStatement | undefined {
  const marked = MARKER.exec(source);
  if (marked === null) return undefined;
  const prefix = marked[1] as string;
  const statement = STATEMENT.exec(marked[2] as string);
  if (statement === null) return { outcome: 'unusable', problem: { line, column: prefix.length + 1, message: `Write which box is what, e.g. ${EXAMPLE}.` } };
  const box: NamedBox = { id: statement[1] as string, line, column: prefix.length + 1 };
  const phrase = trimEnd(statement[3] as string);
  const kind = kindNamed(phrase);
  if (kind !== undefined) return { outcome: 'set', box, kind };
  const kindColumn = prefix.length + box.id.length + (statement[2] as string).length + 1;
  const said = phrase === '' ? 'Nothing follows "is";' : `"${phrase}" is not a kind Sysdrill knows;`;
  const problem: KindOverrideProblem = { line, column: kindColumn, message: `${said} write one of: ${KIND_LIST}.` };
  return phrase === '' ? { outcome: 'unusable', problem } : { outcome: 'unknown-kind', box, problem };
}

const overrideStatements = (text: string): OverrideStatement[] =>
  text.split(/\r\n|\r|\n/).flatMap((source, index) => readOverrideStatement(source, index + 1) ?? []);

/** Reads every `%% sysdrill:` line of a diagram. Never throws. */
export function readKindOverrides(text: string): KindOverrides {
  const kinds: Record<string, NodeKind> = {};
  const lines: KindOverrideLine[] = [];
  const problems: KindOverrideProblem[] = [];
  for (const statement of overrideStatements(text)) {
    if (statement.outcome !== 'set') {
      problems.push(statement.problem);
      continue;
    }
    const { box, kind } = statement;
    const earlier = lines.find((l) => l.id === box.id);
    if (earlier !== undefined) problems.push({ line: earlier.line, column: earlier.column, message: `\`${box.id}\` is set again on line ${box.line}; that line counts.` });
    kinds[box.id] = kind;
    lines.push({ ...box, kind });
  }
  return { kinds, lines, problems };
}

/**
 * The boxes named by `%% sysdrill:` lines whose kind Sysdrill does not know, in line order: the
 * line sets nothing, but its id may be wrong as well, and the author should hear both at once.
 */
export function boxesWithUnknownKinds(text: string): readonly NamedBox[] {
  return overrideStatements(text).flatMap((statement) => (statement.outcome === 'unknown-kind' ? [statement.box] : []));
}

/**
 * The flowchart with the kinds the text's `%% sysdrill:` lines set. Every parse path calls this
 * (the grader's `parseWithMermaid`, the renderer's drawing frame), so a live grade and a
 * submitted one read the same lines.
 */
export function withAuthorKinds(flowchart: ParsedFlowchart, text: string): ParsedFlowchart {
  const { kinds } = readKindOverrides(text);
  return Object.keys(kinds).length === 0 ? flowchart : { ...flowchart, kindOverrides: kinds };
}

/** The line that sets a box's kind. */
export const overrideLine = (id: string, kind: NodeKind): string => `%% sysdrill: ${id} is ${KIND_TITLES[kind]}`;

/**
 * The text with the box's kind set (its `%% sysdrill:` line replaced, or added at the end) or,
 * with `undefined`, every line that set it removed. Nothing else in the text changes.
 */
export function withKindOverride(text: string, id: string, kind: NodeKind | undefined): string {
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\n/);
  const setsId = (source: string): boolean => {
    const body = MARKER.exec(source)?.[2];
    return body !== undefined && STATEMENT.exec(body)?.[1] === id;
  };
  const first = lines.findIndex(setsId);
  if (first === -1) {
    if (kind === undefined) return text;
    const ends = text === '' || text.endsWith('\n');
    return `${text}${ends ? '' : newline}${overrideLine(id, kind)}${ends && text !== '' ? newline : ''}`;
  }
  const kept: string[] = [];
  lines.forEach((source, i) => {
    if (i === first && kind !== undefined) kept.push(`${/^\s*/.exec(source)?.[0] ?? ''}${overrideLine(id, kind)}`);
    else if (!setsId(source)) kept.push(source);
  });
  return kept.join(newline);
}
