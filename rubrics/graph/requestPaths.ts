import type { NodeKind } from '../vocabulary';
import type { ArchNode, ArchitectureGraph } from '../model/types';
import { articulationCuts, indexedGraph, type IndexedGraph } from './articulation';

/**
 * The request graph: every visible edge taken as undirected (people draw reads as `DB --> App`
 * as often as `App --> DB`), without monitoring nodes (they observe, they do not serve).
 */
export interface RequestGraph {
  readonly ids: readonly string[];
  readonly adjacency: ReadonlyMap<string, readonly string[]>;
  /** Where requests start: the clients, else the entry tier (DNS, CDN, balancer, gateway) without callers. */
  readonly entries: readonly string[];
  /** What requests need: databases, object storage and search indexes. */
  readonly targets: readonly string[];
}

const EXCLUDED: ReadonlySet<NodeKind> = new Set(['monitoring']);
const ENTRY_TIER: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway']);
export const DATA_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'object_storage', 'search']);

/** The request graph over node numbers: `nodes[i]` is node `i`. */
export interface IndexedRequestGraph extends IndexedGraph {
  readonly nodes: readonly ArchNode[];
  readonly targets: readonly number[];
}

/** The clients, else the entry tier without callers, else any node that calls but is not called. */
function entryNodes(included: readonly ArchNode[], called: Uint8Array, calls: Uint8Array): readonly number[] {
  const clients: number[] = [];
  const entryTier: number[] = [];
  const sources: number[] = [];
  included.forEach((n, i) => {
    const uncalled = called[i] === 0;
    if (n.kind === 'client') clients.push(i);
    if (uncalled && ENTRY_TIER.has(n.kind)) entryTier.push(i);
    if (uncalled && calls[i] === 1 && n.kind !== 'external') sources.push(i);
  });
  return clients.length > 0 ? clients : entryTier.length > 0 ? entryTier : sources;
}

export function indexedRequestGraph(graph: ArchitectureGraph): IndexedRequestGraph {
  const included = graph.nodes.filter((n) => !EXCLUDED.has(n.kind));
  const numbers = new Map<string, number>();
  included.forEach((n, i) => numbers.set(n.id, i));
  // Whether a node has visible incoming / outgoing edges, whatever is at their other end.
  const called = new Uint8Array(included.length);
  const calls = new Uint8Array(included.length);
  const ends: number[] = [];
  for (const edge of graph.edges) {
    if (edge.style === 'invisible') continue;
    const a = numbers.get(edge.from);
    const b = numbers.get(edge.to);
    if (a !== undefined) calls[a] = 1;
    if (b !== undefined) called[b] = 1;
    if (a !== undefined && b !== undefined && a !== b) ends.push(a, b);
  }
  const targets: number[] = [];
  included.forEach((n, i) => {
    if (DATA_KINDS.has(n.kind)) targets.push(i);
  });
  return { ...indexedGraph(included.length, ends, entryNodes(included, called, calls)), nodes: included, targets };
}

export function requestGraph(graph: ArchitectureGraph): RequestGraph {
  const ig = indexedRequestGraph(graph);
  const ids = ig.nodes.map((n) => n.id as string);
  const idOf = (i: number): string => ids[i] as string;
  const adjacency = new Map<string, string[]>(ids.map((id, v) => [id, [...ig.next.subarray(ig.start[v], ig.start[v + 1])].map(idOf)]));
  return { ids, adjacency, entries: ig.entries.map(idOf), targets: ig.targets.map(idOf) };
}

/** Nodes reachable from the start nodes, never passing through `removed`. */
export function reachable(rg: RequestGraph, starts: readonly string[], removed?: string): ReadonlySet<string> {
  const seen = new Set<string>();
  const stack = starts.filter((s) => s !== removed);
  for (const s of stack) seen.add(s);
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const next of rg.adjacency.get(cur) ?? []) {
      if (next === removed || seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

/**
 * What each node's failure cuts off from the entries, in one depth-first search (Tarjan's
 * articulation points with a virtual root joined to every entry, so "separated from the root"
 * means "unreachable from every entry"). Linear in nodes + edges.
 */
export interface Separations {
  /** Nodes reachable from some entry. */
  readonly reachable: ReadonlySet<string>;
  /** Nodes no entry can reach once `id` fails (excluding `id` itself). */
  cutOffBy(id: string): readonly string[];
}

export function separations(rg: RequestGraph): Separations {
  const numbers = new Map<string, number>(rg.ids.map((id, i) => [id, i]));
  const ends: number[] = [];
  rg.ids.forEach((id, a) => {
    for (const other of rg.adjacency.get(id) ?? []) {
      const b = numbers.get(other);
      // Each undirected edge is listed at both ends: take it once, from its first end.
      if (b !== undefined && a < b) ends.push(a, b);
    }
  });
  const cuts = articulationCuts(indexedGraph(rg.ids.length, ends, rg.entries.flatMap((id) => numbers.get(id) ?? [])));
  const idOf = (i: number): string => rg.ids[i] as string;
  return {
    reachable: new Set(Array.from(cuts.visited, idOf)),
    cutOffBy: (id) => {
      const v = numbers.get(id);
      return v === undefined ? [] : cuts.cutOffBy(v).map(idOf);
    },
  };
}
