import type { ArchNode, ArchitectureGraph } from '../model/types';
import { isRedundant } from './redundancy';
import { DATA_KINDS, requestGraph, separations } from './requestPaths';

export interface SinglePoint {
  readonly node: ArchNode;
  /** `on-path`: every request path to some data runs through it; `sole-copy`: the only copy of data. */
  readonly reason: 'on-path' | 'sole-copy';
  /** Data nodes cut off when it fails (for `on-path`). */
  readonly cutOff: readonly string[];
}

const NEVER_SPOF = new Set(['client', 'external', 'monitoring']);

/**
 * Single points of failure between the clients and the data they need: non-redundant nodes
 * whose loss disconnects a data node from every entry, plus non-redundant data nodes that are
 * the only copy of their data. One depth-first search finds what every node's loss cuts off,
 * so the analysis is linear in the size of the graph.
 */
export function singlePointsOfFailure(graph: ArchitectureGraph): readonly SinglePoint[] {
  const rg = requestGraph(graph);
  if (rg.entries.length === 0) return [];
  const cuts = separations(rg);
  const before = cuts.reachable;
  const dataTargets = rg.targets.filter((t) => before.has(t));
  // With no data store drawn, what requests need is the serving nodes themselves.
  const entries = new Set(rg.entries);
  const targets = dataTargets.length > 0 ? dataTargets : [...before].filter((id) => !entries.has(id) && !NEVER_SPOF.has(graph.node(id)?.kind ?? 'other'));
  const targetSet = new Set(targets);
  const found: SinglePoint[] = [];
  for (const node of graph.nodes) {
    if (NEVER_SPOF.has(node.kind) || entries.has(node.id) || !before.has(node.id) || isRedundant(node, graph)) continue;
    const cutOff = cuts.cutOffBy(node.id).filter((id) => targetSet.has(id));
    if (cutOff.length > 0) {
      found.push({ node, reason: 'on-path', cutOff: targets.filter((t) => cutOff.includes(t)) });
    } else if (DATA_KINDS.has(node.kind) && !(node.kind === 'database' && node.role === 'replica')) {
      found.push({ node, reason: 'sole-copy', cutOff: [] });
    } else if (dataTargets.length === 0 && targetSet.has(node.id)) {
      found.push({ node, reason: 'on-path', cutOff: [node.id] });
    }
  }
  return found;
}
