import { requestFlow as sharedFlow } from '../graph/flow';
import type { ArchNode, ArchitectureGraph } from '../model/types';
import type { NodeKind } from '../vocabulary';

/**
 * The directed request flow the coverage matcher walks, over node numbers (node `v` is
 * `graph.nodes[v]`): the shared flow model (rubrics/graph/flow.ts) with one addition. Besides
 * its entries (the clients), a back-office caller nothing calls starts a flow of its own: a
 * broadcast contribution feed, an hourly table builder. Their pipelines serve the prompt too,
 * although no client reaches them. An entry that hands nothing on (a lone balancer, a lone
 * "WebSocket gateway") starts no flow.
 */
export interface CoverageFlow {
  readonly nodes: readonly ArchNode[];
  /** Node number by id. */
  readonly index: ReadonlyMap<string, number>;
  /** Successors of node `v`: `next[start[v]]` … `next[start[v + 1] - 1]`. */
  readonly start: Int32Array;
  readonly next: Int32Array;
  /** Predecessors of node `v`: `prev[prevStart[v]]` … `prev[prevStart[v + 1] - 1]`. */
  readonly prevStart: Int32Array;
  readonly prev: Int32Array;
  readonly entries: readonly number[];
}

/**
 * Back-office callers that may start a flow of their own. Request-serving kinds (a CDN, a
 * balancer, a service) are not: an island `CDN --> S3` nobody reaches serves no user.
 */
const PIPELINE_SOURCES: ReadonlySet<NodeKind> = new Set(['worker', 'other']);

const flows = new WeakMap<ArchitectureGraph, CoverageFlow>();

/** The coverage flow of a graph, computed once per graph. */
export function coverageFlow(graph: ArchitectureGraph): CoverageFlow {
  let flow = flows.get(graph);
  if (flow === undefined) {
    flow = buildCoverageFlow(graph);
    flows.set(graph, flow);
  }
  return flow;
}

function buildCoverageFlow(graph: ArchitectureGraph): CoverageFlow {
  const flow = sharedFlow(graph);
  const { start, next, size } = flow.indexed;
  const prevStart = new Int32Array(size + 1);
  for (let k = 0; k < next.length; k++) {
    const w = next[k] as number;
    prevStart[w + 1] = (prevStart[w + 1] as number) + 1;
  }
  const entries = new Set<number>();
  for (let v = 0; v < size; v++) {
    const calls = (start[v + 1] as number) > (start[v] as number);
    const called = (prevStart[v + 1] as number) > 0;
    // An entry that hands no request on is a box on its own: it starts nothing.
    if (calls && (flow.indexed.entries.includes(v) || (!called && PIPELINE_SOURCES.has((graph.nodes[v] as ArchNode).kind)))) entries.add(v);
  }
  for (let v = 0; v < size; v++) prevStart[v + 1] = (prevStart[v + 1] as number) + (prevStart[v] as number);
  const fill = prevStart.slice(0, size);
  const prev = new Int32Array(next.length);
  for (let v = 0; v < size; v++) {
    for (let k = start[v] as number; k < (start[v + 1] as number); k++) {
      const w = next[k] as number;
      prev[fill[w] as number] = v;
      fill[w] = (fill[w] as number) + 1;
    }
  }
  const index = new Map<string, number>();
  graph.nodes.forEach((n, v) => index.set(n.id, v));
  return { nodes: graph.nodes, index, start, next, prevStart, prev, entries: [...entries].sort((a, b) => a - b) };
}
