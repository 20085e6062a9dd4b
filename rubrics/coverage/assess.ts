import type { ArchNode, ArchitectureGraph } from '../model/types';
import { coverageFlow, type CoverageFlow } from './flow';
import { heldStores, stepTest } from './match';
import type { NodeKind } from '../vocabulary';
import type { Capability, Step } from './schema';

/** How many nodes a gap names on each side: enough to act on, few enough to read. */
const MAX_NAMED = 3;
/** A core capability counts double in the coverage fraction. */
export const CORE_WEIGHT = 2;

export interface Gap {
  /** Index of the first step no connected node meets. */
  readonly step: number;
  /** Connected nodes of the step before (empty for the first step). */
  readonly from: readonly string[];
  /** Nodes that meet the failed step but no request reaches from `from`. */
  readonly unconnected: readonly string[];
  /** Reached nodes of the step's kind that lack only what it asks of them (a shard key, a replica). */
  readonly lacking: readonly string[];
  /** Stores the diagram names for the data the step `holds` that do not meet the rest of it ("Ledger · Cassandra" for a relational ledger). */
  readonly misplaced: readonly string[];
}

export interface CapabilityOutcome {
  readonly capability: Capability;
  readonly met: boolean;
  /** Met: one node per step, in chain order. Not met: the nodes to connect. */
  readonly nodes: readonly string[];
  /**
   * Met: every node on some path that serves it, from an entry through each step, intermediates
   * included (independent of the order and ids the diagram uses).
   */
  readonly path: readonly string[];
  readonly gap?: Gap;
}

export interface CoverageAssessment {
  readonly outcomes: readonly CapabilityOutcome[];
  readonly served: number;
  readonly total: number;
  /** Served weight / total weight (core capabilities weigh double), 0..1; 1 when nothing is asked. */
  readonly fraction: number;
}

interface Walk {
  readonly isSource: Uint8Array;
  readonly reached: Uint8Array;
  readonly parent: Int32Array;
}

/**
 * Breadth-first search from `sources`. With `includeSources` the sources count as reached
 * themselves (the first step may be an entry); otherwise only what an edge leads to counts.
 */
function walk(flow: CoverageFlow, sources: readonly number[], includeSources: boolean): Walk {
  const size = flow.nodes.length;
  const isSource = new Uint8Array(size);
  const reached = new Uint8Array(size);
  const expanded = new Uint8Array(size);
  const parent = new Int32Array(size).fill(-1);
  const queue: number[] = [];
  for (const s of sources) {
    isSource[s] = 1;
    if (includeSources) reached[s] = 1;
    if (expanded[s] === 0) {
      expanded[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    for (let k = flow.start[u] as number; k < (flow.start[u + 1] as number); k++) {
      const w = flow.next[k] as number;
      if (reached[w] === 0) {
        reached[w] = 1;
        parent[w] = u;
      }
      if (expanded[w] === 0) {
        expanded[w] = 1;
        queue.push(w);
      }
    }
  }
  return { isSource, reached, parent };
}

/**
 * Back from `node` to the source its walk reached it from. Parents of non-source nodes were set
 * before they were expanded, so following them always ends at a source.
 */
function segment(w: Walk, node: number, startsAtSource: boolean): number[] {
  const nodes = [node];
  if (startsAtSource && w.isSource[node] === 1) return nodes;
  let cur = node;
  do {
    cur = w.parent[cur] as number;
    nodes.push(cur);
  } while (w.isSource[cur] === 0);
  return nodes;
}

function assessOne(capability: Capability, flow: CoverageFlow, graph: ArchitectureGraph): CapabilityOutcome {
  const idOf = (v: number): string => (flow.nodes[v] as ArchNode).id;
  const walks: Walk[] = [];
  const candidates: number[][] = [];
  let sources: readonly number[] = flow.entries;
  for (const [k, step] of capability.chain.entries()) {
    const test = stepTest(step, graph);
    const w = walk(flow, sources, k === 0);
    const found: number[] = [];
    const unconnected: number[] = [];
    for (const v of poolOf(step, flow, graph)) {
      if (test(flow.nodes[v] as ArchNode)) (w.reached[v] === 1 ? found : unconnected).push(v);
    }
    if (found.length === 0) {
      const named = (list: readonly number[]): string[] => canonical(list, flow).slice(0, MAX_NAMED).map(idOf);
      const lacking = unconnected.length === 0 ? lackingOnly(step, flow, graph, w) : [];
      // Nothing met the step, so every store named for its data (saying what it is or not) fails the rest of it.
      const misplaced = unconnected.length === 0 ? [...heldStores(step, graph, true)].map((id) => flow.index.get(id) as number) : [];
      const gap: Gap = {
        step: k,
        from: k === 0 ? [] : named(sources),
        unconnected: named(unconnected),
        lacking: named(lacking),
        misplaced: named(misplaced),
      };
      return { capability, met: false, nodes: [...new Set([...gap.from, ...gap.unconnected, ...gap.lacking, ...gap.misplaced])], path: [], gap };
    }
    walks.push(w);
    candidates.push(found);
    sources = found;
  }
  const witnesses: number[] = [];
  let node = (candidates[candidates.length - 1] as number[])[0] as number;
  for (let k = walks.length - 1; k >= 0; k--) {
    witnesses.unshift(node);
    const seg = segment(walks[k] as Walk, node, k === 0);
    node = seg[seg.length - 1] as number;
  }
  return { capability, met: true, nodes: witnesses.map(idOf), path: servingRegion(flow, walks, candidates).map(idOf) };
}

/**
 * For a step that asks something of a node's drawing (a shard key, a replica), the reached nodes
 * that meet the rest of it: the ones to change, rather than new ones to add.
 */
function lackingOnly(step: Step, flow: CoverageFlow, graph: ArchitectureGraph, w: Walk): number[] {
  if (step.sharded !== true && step.replicated !== true) return [];
  const rest = stepTest({ ...step, sharded: undefined, replicated: undefined }, graph);
  return poolOf(step, flow, graph).filter((v) => w.reached[v] === 1 && rest(flow.nodes[v] as ArchNode));
}

/** Nodes in diagram-independent order: by label, then id (so the ones a finding names do not depend on line order). */
function canonical(list: readonly number[], flow: CoverageFlow): number[] {
  const keyed = list.map((v) => [`${(flow.nodes[v] as ArchNode).label}\u0000${(flow.nodes[v] as ArchNode).id}`, v] as const);
  return keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v);
}

/** The kinds a step can match at all, when it (or every one of its alternatives) names them. */
function kindsOf(step: Step): readonly NodeKind[] | undefined {
  if (step.kind !== undefined) return step.kind;
  if (step.anyOf === undefined || step.anyOf.some((m) => m.kind === undefined)) return undefined;
  return [...new Set(step.anyOf.flatMap((m) => m.kind ?? []))];
}

const pools = new WeakMap<ArchitectureGraph, Map<Step, readonly number[]>>();

/** The nodes worth testing against a step, in diagram order: those of its kinds (found through the graph's kind index). */
function poolOf(step: Step, flow: CoverageFlow, graph: ArchitectureGraph): readonly number[] {
  let byStep = pools.get(graph);
  if (byStep === undefined) {
    byStep = new Map();
    pools.set(graph, byStep);
  }
  let pool = byStep.get(step);
  if (pool === undefined) {
    const kinds = kindsOf(step);
    pool =
      kinds === undefined
        ? flow.nodes.map((_, v) => v)
        : graph
            .ofKind(...kinds)
            .map((n) => flow.index.get(n.id) as number)
            .sort((a, b) => a - b);
    byStep.set(step, pool);
  }
  return pool;
}

/**
 * Every node on some path that serves the capability: for each step, what its walk reached
 * (or started from) that can still reach one of the step's matches.
 */
function servingRegion(flow: CoverageFlow, walks: readonly Walk[], candidates: readonly (readonly number[])[]): number[] {
  const size = flow.nodes.length;
  const inRegion = new Uint8Array(size);
  walks.forEach((w, k) => {
    const back = new Uint8Array(size);
    const stack = [...(candidates[k] as readonly number[])];
    for (const c of stack) back[c] = 1;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      // A walk's sources are where it starts: going back past them leaves this step.
      if (w.isSource[v] === 1) continue;
      for (let i = flow.prevStart[v] as number; i < (flow.prevStart[v + 1] as number); i++) {
        const u = flow.prev[i] as number;
        if (back[u] === 0 && (w.reached[u] === 1 || w.isSource[u] === 1)) {
          back[u] = 1;
          stack.push(u);
        }
      }
    }
    for (let v = 0; v < size; v++) if (back[v] === 1 && (w.reached[v] === 1 || w.isSource[v] === 1)) inRegion[v] = 1;
  });
  const region: number[] = [];
  for (let v = 0; v < size; v++) if (inRegion[v] === 1) region.push(v);
  return region;
}

/** Which capabilities the drawn request flow serves; linear in the graph per chain step. */
export function assessCoverage(graph: ArchitectureGraph, capabilities: readonly Capability[]): CoverageAssessment {
  const flow = coverageFlow(graph);
  return coverageOf(capabilities.map((c) => assessOne(c, flow, graph)));
}

/**
 * The coverage the outcomes add up to: served weight / total weight (core capabilities weigh
 * double). Also how a what-if is scored ("with this capability served").
 */
export function coverageOf(outcomes: readonly CapabilityOutcome[]): CoverageAssessment {
  const weight = (c: Capability): number => (c.core ? CORE_WEIGHT : 1);
  const totalWeight = outcomes.reduce((s, o) => s + weight(o.capability), 0);
  const servedWeight = outcomes.reduce((s, o) => s + (o.met ? weight(o.capability) : 0), 0);
  return Object.freeze({
    outcomes: Object.freeze([...outcomes]),
    served: outcomes.filter((o) => o.met).length,
    total: outcomes.length,
    fraction: totalWeight === 0 ? 1 : servedWeight / totalWeight,
  });
}
