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

/** Reads every `%% sysdrill:` line of a diagram. Never throws. */
export function readKindOverrides(text: string): KindOverrides {
  const kinds: Record<string, NodeKind> = {};
  const lines: KindOverrideLine[] = [];
  const problems: KindOverrideProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((source, index) => {
    const marked = MARKER.exec(source);
    if (marked === null) return;
    const line = index + 1;
    const prefix = marked[1] as string;
    const body = marked[2] as string;
    const statement = STATEMENT.exec(body);
    if (statement === null) {
      problems.push({ line, column: prefix.length + 1, message: `Write which box is what, e.g. ${EXAMPLE}.` });
      return;
    }
    const id = statement[1] as string;
    const phrase = trimEnd(statement[3] as string);
    const kindColumn = prefix.length + id.length + (statement[2] as string).length + 1;
    const kind = kindNamed(phrase);
    if (kind === undefined) {
      const said = phrase === '' ? 'Nothing follows' : `"${phrase}" is not a kind Sysdrill knows;`;
      problems.push({ line, column: kindColumn, message: `${said} write one of: ${KIND_LIST}.` });
      return;
    }
    const earlier = lines.find((l) => l.id === id);
    if (earlier !== undefined) problems.push({ line: earlier.line, column: earlier.column, message: `\`${id}\` is set again on line ${line}; that line counts.` });
    kinds[id] = kind;
    lines.push({ id, kind, line, column: prefix.length + 1 });
  });
  return { kinds, lines, problems };
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
