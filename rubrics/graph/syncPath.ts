import type { NodeKind } from '../vocabulary';
import type { ArchitectureGraph } from '../model/types';

const STOPS: ReadonlySet<NodeKind> = new Set(['queue', 'stream', 'database', 'cache', 'object_storage', 'search', 'monitoring']);

/**
 * Nodes on the synchronous request path: reachable from the clients by following edges in their
 * drawn direction (both ways for `<-->`), without passing through a queue or stream (work behind
 * one is asynchronous) or a data store (stores answer, they do not call on).
 */
export function synchronousPath(graph: ArchitectureGraph): ReadonlySet<string> {
  const starts = new Set<string>(graph.ofKind('client').map((n) => n.id));
  const seen = new Set<string>(starts);
  const stack = [...starts];
  const reach = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    stack.push(id);
  };
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const node = graph.node(id);
    if (!node || (STOPS.has(node.kind) && !starts.has(id))) continue;
    for (const edge of graph.outgoing(id)) reach(edge.to);
    for (const edge of graph.incoming(id)) if (edge.bidirectional) reach(edge.from);
  }
  return seen;
}
