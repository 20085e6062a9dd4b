import { isMultiple } from '../model/instances';
import type { ArchEdge, ArchNode, ArchitectureGraph } from '../model/types';

/**
 * Whether a node survives losing one machine: several instances shown, a managed service that
 * is replicated by default, a failover pair (a replication / failover edge to a node of the same
 * kind), or a label stating a standby / multi-AZ deployment.
 */
export function isRedundant(node: ArchNode, graph: ArchitectureGraph): boolean {
  if (isMultiple(node.instances) || node.redundantByDefault) return true;
  const flags = node.annotations.flags;
  if (node.kind === 'database' && (flags.includes('multi_az') || flags.includes('failover'))) return true;
  return hasFailoverPartner(node, graph);
}

const FAILOVER_LABEL = /fail ?over|standby|heartbeat|vrrp|keepalived|active.?passive/i;

/** A node of the same kind joined by a replication edge (primary/replica) or a failover-labelled edge. */
export function hasFailoverPartner(node: ArchNode, graph: ArchitectureGraph): boolean {
  const partnered = (otherId: string, edge: ArchEdge): boolean => {
    const other = graph.node(otherId);
    if (!other || other.id === node.id || other.kind !== node.kind) return false;
    return edge.meaning === 'replication' || FAILOVER_LABEL.test(edge.label ?? '');
  };
  for (const edge of graph.outgoing(node.id)) if (partnered(edge.to, edge)) return true;
  for (const edge of graph.incoming(node.id)) if (partnered(edge.from, edge)) return true;
  return false;
}

/** Replica nodes of a database: joined by a replication edge, or a replica-role database it talks to. */
export function replicasOf(node: ArchNode, graph: ArchitectureGraph): readonly ArchNode[] {
  const out = graph
    .outgoing(node.id)
    .filter((e) => e.meaning === 'replication')
    .map((e) => graph.node(e.to))
    .filter((n): n is ArchNode => n !== undefined && n.kind === node.kind && n.id !== node.id);
  const inc = graph
    .incoming(node.id)
    .filter((e) => e.meaning === 'replication')
    .map((e) => graph.node(e.from))
    .filter((n): n is ArchNode => n !== undefined && n.kind === node.kind && n.id !== node.id && n.kind === 'database' && n.role === 'replica');
  return [...new Set([...out, ...inc])];
}
