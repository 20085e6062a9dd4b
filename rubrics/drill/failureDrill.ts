import { assessCoverage } from '../coverage/assess';
import type { Capability } from '../coverage/schema';
import { reachableFrom, requestFlow } from '../graph/flow';
import { withNodesCut } from '../model/build';
import type { ArchNode, ArchitectureGraph } from '../model/types';
import type { NodeKind } from '../vocabulary';

/**
 * A failure drill: some nodes fail at once; what still works? Answered from the grader's own
 * graph, request flow and coverage matcher, with the failed nodes cut out of the flow.
 */

export interface DrillCapability {
  readonly id: string;
  readonly title: string;
  readonly core: boolean;
}

/** A client reaching a store along the request flow. */
export interface DrillFlow {
  readonly client: ArchNode;
  readonly store: ArchNode;
}

export interface DrillReport {
  /** Capabilities served by the whole design that the failure breaks. */
  readonly brokenCapabilities: readonly DrillCapability[];
  /** Capabilities still served. */
  readonly workingCapabilities: readonly DrillCapability[];
  /** Capabilities the design does not serve even with nothing failed. */
  readonly unservedCapabilities: readonly DrillCapability[];
  /** Client → store flows of the whole design the failure breaks (a failed store included). */
  readonly brokenFlows: readonly DrillFlow[];
  readonly workingFlows: readonly DrillFlow[];
  /** Nodes the clients reached before and reach no more (the failed ones excluded), in diagram order. */
  readonly unreachable: readonly string[];
}

/** Where a request's data ends up: stores of every kind, caches included. */
const STORE_KINDS: ReadonlySet<NodeKind> = new Set(['cache', 'database', 'object_storage', 'search']);

const brief = (c: Capability): DrillCapability => ({ id: c.id, title: c.title, core: c.core });

export function failureDrill(graph: ArchitectureGraph, capabilities: readonly Capability[], failed: ReadonlySet<string>): DrillReport {
  const cut = withNodesCut(graph, failed);
  const before = assessCoverage(graph, capabilities).outcomes;
  const after = assessCoverage(cut, capabilities).outcomes;
  const brokenCapabilities: DrillCapability[] = [];
  const workingCapabilities: DrillCapability[] = [];
  const unservedCapabilities: DrillCapability[] = [];
  before.forEach((outcome, i) => {
    const list = !outcome.met ? unservedCapabilities : after[i]?.met === true ? workingCapabilities : brokenCapabilities;
    list.push(brief(outcome.capability));
  });

  const flow = requestFlow(graph);
  const stores = graph.nodes.filter((n) => STORE_KINDS.has(n.kind));
  const brokenFlows: DrillFlow[] = [];
  const workingFlows: DrillFlow[] = [];
  for (const client of graph.ofKind('client')) {
    const whole = reachableFrom(flow, [client.id]);
    const remaining = failed.has(client.id) ? new Set<string>() : reachableFrom(flow, [client.id], failed);
    for (const store of stores) {
      if (!whole.has(store.id)) continue;
      (remaining.has(store.id) ? workingFlows : brokenFlows).push({ client, store });
    }
  }

  const reachedBefore = reachableFrom(flow, flow.entries);
  const reachedAfter = reachableFrom(flow, flow.entries, failed);
  const unreachable = graph.nodes.filter((n) => reachedBefore.has(n.id) && !reachedAfter.has(n.id) && !failed.has(n.id)).map((n) => n.id as string);

  return { brokenCapabilities, workingCapabilities, unservedCapabilities, brokenFlows, workingFlows, unreachable };
}
