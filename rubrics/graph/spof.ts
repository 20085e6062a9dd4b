import type { ArchNode, ArchitectureGraph } from '../model/types';
import { isRedundant } from './redundancy';
import { articulationCuts } from './articulation';
import { DATA_KINDS, indexedRequestGraph } from './requestPaths';

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
  const rg = indexedRequestGraph(graph);
  if (rg.entries.length === 0) return [];
  const cuts = articulationCuts(rg);
  const reached = (v: number): boolean => (cuts.position[v] as number) >= 0;
  const isEntry = new Uint8Array(rg.size);
  for (const e of rg.entries) isEntry[e] = 1;
  const dataTargets = rg.targets.filter(reached);
  // With no data store drawn, what requests need is the serving nodes themselves.
  const targets =
    dataTargets.length > 0 ? dataTargets : Array.from(cuts.visited).filter((v) => isEntry[v] === 0 && !NEVER_SPOF.has((rg.nodes[v] as ArchNode).kind));
  const isTarget = new Uint8Array(rg.size);
  for (const t of targets) isTarget[t] = 1;
  const cutMark = new Int32Array(rg.size).fill(-1);
  const found: SinglePoint[] = [];
  rg.nodes.forEach((node, v) => {
    if (NEVER_SPOF.has(node.kind) || isEntry[v] === 1 || !reached(v) || isRedundant(node, graph)) return;
    let cutsTarget = false;
    for (const u of cuts.cutOffBy(v)) {
      cutMark[u] = v;
      if (isTarget[u] === 1) cutsTarget = true;
    }
    if (cutsTarget) {
      found.push({ node, reason: 'on-path', cutOff: targets.filter((t) => cutMark[t] === v).map((t) => (rg.nodes[t] as ArchNode).id) });
    } else if (DATA_KINDS.has(node.kind) && !(node.kind === 'database' && node.role === 'replica')) {
      found.push({ node, reason: 'sole-copy', cutOff: [] });
    } else if (dataTargets.length === 0 && isTarget[v] === 1) {
      found.push({ node, reason: 'on-path', cutOff: [node.id] });
    }
  });
  return found;
}
