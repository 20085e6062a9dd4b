import type { ArchEdge, ArchNode, ArchitectureGraph } from '../model/types';
import type { NodeKind } from '../vocabulary';

/**
 * The structural difference between two architecture graphs (an earlier attempt and a later one,
 * or an attempt and the reference): which components and connections were added, removed or
 * changed. Nodes are matched by id first, then by normalised label, so renaming a box's id or
 * retyping its label's case is not a change of architecture.
 */

export type NodeAspect = 'kind' | 'label' | 'instances';

export interface NodeChange {
  readonly before: ArchNode;
  readonly after: ArchNode;
  /** What differs, in this order: kind, label (normalised), instances. */
  readonly aspects: readonly NodeAspect[];
}

export type EdgeAspect = 'label' | 'style';

export interface EdgeChange {
  readonly before: ArchEdge;
  readonly after: ArchEdge;
  readonly aspects: readonly EdgeAspect[];
}

export interface StructuralDiff {
  /** Nodes of the second graph with no counterpart in the first. */
  readonly addedNodes: readonly ArchNode[];
  /** Nodes of the first graph with no counterpart in the second. */
  readonly removedNodes: readonly ArchNode[];
  readonly changedNodes: readonly NodeChange[];
  /** Edges of the second graph (its ids) with no counterpart in the first. */
  readonly addedEdges: readonly ArchEdge[];
  /** Edges of the first graph (its ids) with no counterpart in the second. */
  readonly removedEdges: readonly ArchEdge[];
  readonly changedEdges: readonly EdgeChange[];
  /** First-graph node id → the second-graph node id it matched. */
  readonly matched: ReadonlyMap<string, string>;
}

/** An instance count written into a label (`×3`, `x3`, `3x`): compared as instances, not as words. */
const INSTANCE_MARK = /(?<=^|\s)(?:[×x]\s*\d+|\d+\s*[×x])(?=\s|$)/gu;

/**
 * Case, compatibility forms, punctuation, runs of whitespace and an instance count do not make a
 * label different (`Post service ×6` is the `Post service` scaled out: a change of instances).
 */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(INSTANCE_MARK, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function nodeAspects(before: ArchNode, after: ArchNode): NodeAspect[] {
  const aspects: NodeAspect[] = [];
  if (before.kind !== after.kind) aspects.push('kind');
  if (normaliseLabel(before.label) !== normaliseLabel(after.label)) aspects.push('label');
  if (before.instances !== after.instances) aspects.push('instances');
  return aspects;
}

/** First by id, then the rest by normalised label, pairing equal labels in diagram order. */
export function matchNodes(before: ArchitectureGraph, after: ArchitectureGraph): Map<string, string> {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of before.nodes) {
    if (after.node(node.id) !== undefined) {
      matched.set(node.id, node.id);
      taken.add(node.id);
    }
  }
  const byLabel = new Map<string, string[]>();
  for (const node of after.nodes) {
    if (taken.has(node.id)) continue;
    const key = normaliseLabel(node.label);
    if (key === '') continue;
    const list = byLabel.get(key) ?? [];
    list.push(node.id);
    byLabel.set(key, list);
  }
  for (const node of before.nodes) {
    if (matched.has(node.id)) continue;
    const candidate = byLabel.get(normaliseLabel(node.label))?.shift();
    if (candidate !== undefined) matched.set(node.id, candidate);
  }
  return matched;
}

/** Visible edges only: an invisible link is layout, not a connection. */
const connections = (graph: ArchitectureGraph): readonly ArchEdge[] => graph.edges.filter((e) => e.style !== 'invisible');

/** An undirected or two-way edge is the same connection whichever end is written first. */
function edgeKey(from: string, to: string, edge: ArchEdge): string {
  const symmetric = edge.bidirectional || !edge.directed;
  const [a, b] = symmetric && to < from ? [to, from] : [from, to];
  return `${symmetric ? '=' : '>'}\u0000${a}\u0000${b}`;
}

const edgeLabel = (edge: ArchEdge): string => normaliseLabel(edge.label ?? '');

function edgeAspects(before: ArchEdge, after: ArchEdge): EdgeAspect[] {
  const aspects: EdgeAspect[] = [];
  if (edgeLabel(before) !== edgeLabel(after)) aspects.push('label');
  if (before.style !== after.style) aspects.push('style');
  return aspects;
}

export function structuralDiff(before: ArchitectureGraph, after: ArchitectureGraph): StructuralDiff {
  const matched = matchNodes(before, after);
  const counterparts = new Set(matched.values());

  const changedNodes: NodeChange[] = [];
  for (const [from, to] of matched) {
    const b = before.node(from) as ArchNode;
    const a = after.node(to) as ArchNode;
    const aspects = nodeAspects(b, a);
    if (aspects.length > 0) changedNodes.push({ before: b, after: a, aspects });
  }

  // Edges of the second graph by key; each first-graph edge, mapped through the matching, takes one.
  const open = new Map<string, ArchEdge[]>();
  for (const edge of connections(after)) {
    const key = edgeKey(edge.from, edge.to, edge);
    const list = open.get(key) ?? [];
    list.push(edge);
    open.set(key, list);
  }
  const removedEdges: ArchEdge[] = [];
  const changedEdges: EdgeChange[] = [];
  const pairedAfter = new Set<ArchEdge>();
  for (const edge of connections(before)) {
    const from = matched.get(edge.from);
    const to = matched.get(edge.to);
    const list = from === undefined || to === undefined ? undefined : open.get(edgeKey(from, to, edge));
    // Prefer a counterpart with the same label, so two parallel edges pair up by what they say.
    const index = list === undefined ? -1 : Math.max(list.findIndex((e) => edgeLabel(e) === edgeLabel(edge)), 0);
    const counterpart = list?.[index];
    if (list === undefined || counterpart === undefined) {
      removedEdges.push(edge);
      continue;
    }
    list.splice(index, 1);
    pairedAfter.add(counterpart);
    const aspects = edgeAspects(edge, counterpart);
    if (aspects.length > 0) changedEdges.push({ before: edge, after: counterpart, aspects });
  }

  return {
    addedNodes: after.nodes.filter((n) => !counterparts.has(n.id)),
    removedNodes: before.nodes.filter((n) => !matched.has(n.id)),
    changedNodes,
    addedEdges: connections(after).filter((e) => !pairedAfter.has(e)),
    removedEdges,
    changedEdges,
    matched,
  };
}

/** A one-line description of a node for listing: `Label` (kind). */
export function describeNode(node: Pick<ArchNode, 'label' | 'kind'>): string {
  return `${node.label} (${kindName(node.kind)})`;
}

const kindName = (kind: NodeKind): string => kind.replace(/_/g, ' ');
