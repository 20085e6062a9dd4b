import type { NodeKind } from '../vocabulary';
import type { ArchNode, ArchitectureGraph } from '../model/types';

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

export function requestGraph(graph: ArchitectureGraph): RequestGraph {
  const included = graph.nodes.filter((n) => !EXCLUDED.has(n.kind));
  const ids = included.map((n) => n.id as string);
  const keep = new Set(ids);
  const adjacency = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (edge.style === 'invisible' || edge.from === edge.to || !keep.has(edge.from) || !keep.has(edge.to)) continue;
    adjacency.get(edge.from)?.push(edge.to);
    adjacency.get(edge.to)?.push(edge.from);
  }
  const clients = included.filter((n) => n.kind === 'client');
  const entryTier = included.filter((n) => ENTRY_TIER.has(n.kind) && graph.incoming(n.id).length === 0);
  const sources = included.filter((n) => graph.incoming(n.id).length === 0 && graph.outgoing(n.id).length > 0 && n.kind !== 'external');
  const entryNodes: readonly ArchNode[] = clients.length > 0 ? clients : entryTier.length > 0 ? entryTier : sources;
  const targets = included.filter((n) => DATA_KINDS.has(n.kind)).map((n) => n.id as string);
  return { ids, adjacency, entries: entryNodes.map((n) => n.id), targets };
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

const ROOT = '\u0000entries';

export function separations(rg: RequestGraph): Separations {
  const entrySet = new Set(rg.entries);
  // The virtual root is joined to every entry, in both directions.
  const adjacencyOf = (id: string): readonly string[] => {
    if (id === ROOT) return rg.entries;
    const list = rg.adjacency.get(id) ?? [];
    return entrySet.has(id) ? [...list, ROOT] : list;
  };
  const disc = new Map<string, number>();
  const low = new Map<string, number>();
  const size = new Map<string, number>();
  const order: string[] = [];
  const cuts = new Map<string, Array<readonly [number, number]>>();
  const stack: Array<{ id: string; parent: string | undefined; next: number; list: readonly string[] }> = [
    { id: ROOT, parent: undefined, next: 0, list: adjacencyOf(ROOT) },
  ];
  disc.set(ROOT, 0);
  low.set(ROOT, 0);
  order.push(ROOT);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    if (frame.next < frame.list.length) {
      const next = frame.list[frame.next++] as string;
      if (next === frame.parent) continue;
      const seen = disc.get(next);
      if (seen !== undefined) {
        low.set(frame.id, Math.min(low.get(frame.id) as number, seen));
      } else {
        disc.set(next, order.length);
        low.set(next, order.length);
        order.push(next);
        stack.push({ id: next, parent: frame.id, next: 0, list: adjacencyOf(next) });
      }
      continue;
    }
    stack.pop();
    const childSize = order.length - (disc.get(frame.id) as number);
    size.set(frame.id, childSize);
    const parent = frame.parent;
    if (parent === undefined) continue;
    low.set(parent, Math.min(low.get(parent) as number, low.get(frame.id) as number));
    if (parent !== ROOT && (low.get(frame.id) as number) >= (disc.get(parent) as number)) {
      const start = disc.get(frame.id) as number;
      (cuts.get(parent) ?? cuts.set(parent, []).get(parent))?.push([start, start + childSize]);
    }
  }
  const reachable = new Set(order.filter((id) => id !== ROOT));
  return {
    reachable,
    cutOffBy: (id) => (cuts.get(id) ?? []).flatMap(([from, to]) => order.slice(from, to)),
  };
}
