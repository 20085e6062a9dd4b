import type { NodeKind } from '../vocabulary';
import type { ArchitectureGraph } from '../model/types';

const STOPS: ReadonlySet<NodeKind> = new Set(['queue', 'stream', 'database', 'cache', 'object_storage', 'search', 'monitoring']);

/**
 * Nodes on the synchronous request path: reachable from the clients by following edges in their
 * drawn direction (both ways for `<-->`), without passing through a queue or stream (work behind
 * one is asynchronous) or a data store (stores answer, they do not call on).
 */
export function synchronousPath(graph: ArchitectureGraph): ReadonlySet<string> {
  const starts = graph.ofKind('client').map((n) => n.id as string);
  const seen = new Set<string>(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const node = graph.node(id);
    if (!node || (STOPS.has(node.kind) && !starts.includes(id))) continue;
    const next = [
      ...graph.outgoing(id).map((e) => e.to as string),
      ...graph.incoming(id).filter((e) => e.bidirectional).map((e) => e.from as string),
    ];
    for (const n of next) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(n);
    }
  }
  return seen;
}
