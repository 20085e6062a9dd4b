import { isRedundant } from './graph/redundancy';
import { boxesWithUnknownKinds, readKindOverrides, type KindOverrideProblem } from './parse/kindOverrides';
import { techNamed } from './model/tech';
import type { ArchNode, ArchitectureGraph } from './model/types';
import { KIND_TITLES, type NodeKind } from './vocabulary';

export type { KindOverrideProblem } from './parse/kindOverrides';

/** How the grader read one box: what the candidate checks when a finding surprises them. */
export interface NodeReading {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  readonly kindTitle: string;
  /** How many copies run, in words. */
  readonly copies: string;
  /** Products the label names, as the technology table names them. */
  readonly tech: readonly string[];
  /** A store's data model and role ("relational database · primary"), when it has them. */
  readonly detail?: string;
  readonly setByAuthor: boolean;
}

export interface DiagramReading {
  readonly nodes: readonly NodeReading[];
  /** `%% sysdrill:` lines the grader could not use, located. */
  readonly problems: readonly KindOverrideProblem[];
}

function copiesOf(node: ArchNode, graph: ArchitectureGraph): string {
  if (typeof node.instances === 'number' && node.instances > 1) return `${node.instances} instances`;
  if (node.instances === 'many') return 'several instances';
  if (node.redundantByDefault) {
    const clustered = node.tech.some((name) => techNamed(name)?.availability === 'cluster');
    return clustered ? 'a cluster by design' : 'managed: the provider keeps copies';
  }
  return isRedundant(node, graph) ? 'one instance, with a copy drawn beside it' : 'one instance';
}

function detailOf(node: ArchNode): string | undefined {
  const parts: string[] = [];
  if (node.kind === 'database' && node.dataModel !== 'unknown') parts.push(`${node.dataModel.replace('_', '-')} database`);
  if (node.role !== undefined) parts.push(node.role);
  if (node.planned === true) parts.push('planned, not yet part of the design');
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/**
 * Each box as the grader read it, in diagram order, with the author's `%% sysdrill:` lines that
 * could not be used (a kind it does not know, an id no box has).
 */
export function readingOf(graph: ArchitectureGraph, text: string): DiagramReading {
  const nodes = graph.nodes.map((node): NodeReading => {
    const detail = detailOf(node);
    return Object.freeze({
      id: node.id,
      label: node.label,
      kind: node.kind,
      kindTitle: KIND_TITLES[node.kind],
      copies: copiesOf(node, graph),
      tech: node.tech,
      ...(detail === undefined ? {} : { detail }),
      setByAuthor: node.kindSetByAuthor === true,
    });
  });
  return Object.freeze({ nodes: Object.freeze(nodes), problems: overrideProblems(graph, text) });
}

/**
 * The text's `%% sysdrill:` lines the grader could not use (a kind it does not know, an id no box
 * has, or both: each at its own column), in line order.
 */
export function overrideProblems(graph: ArchitectureGraph, text: string): readonly KindOverrideProblem[] {
  const overrides = readKindOverrides(text);
  const unknownIds = [...overrides.lines, ...boxesWithUnknownKinds(text)]
    .filter((line) => graph.node(line.id) === undefined)
    .map((line): KindOverrideProblem => ({ line: line.line, column: line.column, message: `No box has the id \`${line.id}\`: write the id used in the diagram (ids are case-sensitive).` }));
  return Object.freeze([...overrides.problems, ...unknownIds].sort((a, b) => a.line - b.line || a.column - b.column));
}
