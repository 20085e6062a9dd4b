import type { NodeKind } from '../vocabulary';
import type { ArchEdge, ArchNode, ArchitectureGraph } from '../model/types';
import { requestFlow, type IndexedFlow } from './flow';
import { isRedundant } from './redundancy';

export interface SinglePoint {
  readonly node: ArchNode;
  /**
   * `on-path`: every request path from the entries to something served runs through it;
   * `sole-copy`: requests are served from it and it is the only copy of its data;
   * `off-path`: the only copy of some data, but no request waits on it (fed by a queue, a batch).
   */
  readonly reason: 'on-path' | 'sole-copy' | 'off-path';
  /** What requests can no longer reach when it fails (for `on-path`). */
  readonly cutOff: readonly string[];
}

/** Never ours to make redundant, or not a component requests run through ('other': firewalls, VPCs, IAM). */
const NEVER_SPOF: ReadonlySet<NodeKind> = new Set(['client', 'external', 'monitoring', 'dns', 'cdn', 'other']);
export const DATA_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'object_storage', 'search']);
/** Where a synchronous request stops: it is answered there, or handed off to be done later. */
const SYNC_STOPS: ReadonlySet<NodeKind> = new Set(['database', 'object_storage', 'search', 'queue', 'stream', 'external', 'monitoring']);
const ENTRY_SERVERS: ReadonlySet<NodeKind> = new Set(['load_balancer', 'api_gateway', 'web_server', 'service']);
/** Components that serve the requests reaching them (with the data stores, what a request needs). */
const SERVING: ReadonlySet<NodeKind> = new Set(['service', 'web_server', 'worker', 'api_gateway']);
const MESSAGING: ReadonlySet<NodeKind> = new Set(['queue', 'stream']);

/**
 * The synchronous request flow from the entries: the request flow, not followed past a store, a
 * queue or stream (work behind it is done later, no request waits on it) or a third party.
 * Returns each node's successors in that flow and whether the entries reach it.
 */
function synchronousFlow(graph: ArchitectureGraph): { order: Int32Array; preds: number[][]; reached: Uint8Array } {
  const flow = requestFlow(graph).indexed;
  const n = flow.size;
  const reached = new Uint8Array(n);
  const preds: number[][] = [];
  for (let v = 0; v <= n; v++) preds.push([]);
  // Depth-first from a virtual root (n) joined to every entry; postorder, reversed, is a
  // topological-enough order for the dominator iteration.
  const post: number[] = [];
  const cursor = new Int32Array(n);
  const stack: number[] = [];
  const replyBroker = new Uint8Array(n);
  graph.nodes.forEach((node, v) => {
    if (MESSAGING.has(node.kind) && (carriesReplies(node, graph) || mediates(node))) replyBroker[v] = 1;
  });
  const expands = (v: number): boolean => !SYNC_STOPS.has((graph.nodes[v] as ArchNode).kind) || replyBroker[v] === 1;
  // Past a request/reply broker, only to the services that answer through it (a two-way or request/reply edge).
  const handoffs = handedOff(graph, flow);
  const follows = (v: number, w: number): boolean => {
    if (handoffs.has(v * (n + 1) + w)) return false;
    if (replyBroker[v] === 0 || mediates(graph.nodes[v] as ArchNode)) return true;
    const broker = (graph.nodes[v] as ArchNode).id;
    const other = (graph.nodes[w] as ArchNode).id;
    return [...graph.outgoing(broker), ...graph.incoming(broker)].some((e) => (e.from === other || e.to === other) && answers(e));
  };
  for (const entry of flow.entries) {
    (preds[entry] as number[]).push(n);
    if (reached[entry] === 1) continue;
    reached[entry] = 1;
    stack.push(entry);
    while (stack.length > 0) {
      const v = stack[stack.length - 1] as number;
      const from = flow.start[v] as number;
      const i = cursor[v] as number;
      if (expands(v) && from + i < (flow.start[v + 1] as number)) {
        cursor[v] = i + 1;
        const w = flow.next[from + i] as number;
        if (!follows(v, w)) continue;
        (preds[w] as number[]).push(v);
        if (reached[w] === 0) {
          reached[w] = 1;
          stack.push(w);
        }
        continue;
      }
      stack.pop();
      post.push(v);
    }
  }
  return { order: Int32Array.from(post.reverse()), preds, reached };
}

/** Words that say an arrow hands work off rather than waits for it: "async", "publishes OrderPlaced", "emits". ("payment event" or "Event: query" may be the request itself.) */
const HANDOFF = /\b(?:async(?:hronous(?:ly)?)?|publish(?:es|ed)?|emits?|enqueues?|fire[\s-]and[\s-]forget|pub\s*\/?\s*sub)\b/i;

const NO_HANDOFFS: ReadonlySet<number> = new Set();

/**
 * Pairs (v, w), encoded `v * (size + 1) + w`, where every arrow drawn from v to w hands work off
 * without a queue drawn between them ("API -. async .-> Notifier", "Orders -->|publishes event|
 * Billing"): the request does not wait for w, as if the queue were drawn.
 */
function handedOff(graph: ArchitectureGraph, flow: IndexedFlow): ReadonlySet<number> {
  const stride = flow.size + 1;
  const keyOf = (edge: ArchEdge): number => flow.indexOf(edge.from) * stride + flow.indexOf(edge.to);
  let handoff: Set<number> | undefined;
  const isHandoff = (edge: ArchEdge): boolean => {
    if (edge.meaning !== 'async_publish' || edge.bidirectional || !HANDOFF.test(edge.label ?? '')) return false;
    // Both ends must be in the flow (monitoring is not), or the key would not name a pair.
    if (flow.indexOf(edge.from) < 0 || flow.indexOf(edge.to) < 0) return false;
    const target = graph.node(edge.to)?.kind ?? 'other';
    const source = graph.node(edge.from)?.kind ?? 'other';
    return !MESSAGING.has(target) && target !== 'client' && source !== 'client';
  };
  for (const edge of graph.edges) if (isHandoff(edge)) (handoff ??= new Set()).add(keyOf(edge));
  if (handoff === undefined) return NO_HANDOFFS;
  // Another arrow between the same two components, not a handoff, is a call the request waits on.
  for (const edge of graph.edges) if (!isHandoff(edge)) handoff.delete(keyOf(edge));
  return handoff;
}

/**
 * Immediate dominators over the synchronous flow (Cooper, Harvey and Kennedy's iteration): `idom[v]`
 * is the last node every path from the entries to `v` passes through; the virtual root (index
 * `size`) when none does, -1 for nodes the entries do not reach.
 */
function immediateDominators(size: number, order: Int32Array, preds: readonly (readonly number[])[]): Int32Array {
  const root = size;
  const rank = new Int32Array(size + 1).fill(-1);
  rank[root] = 0;
  order.forEach((v, i) => (rank[v] = i + 1));
  const idom = new Int32Array(size + 1).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while ((rank[a] as number) > (rank[b] as number)) a = idom[a] as number;
      while ((rank[b] as number) > (rank[a] as number)) b = idom[b] as number;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of order) {
      let next = -1;
      for (const p of preds[v] as number[]) {
        if (idom[p] === -1) continue;
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== idom[v]) {
        idom[v] = next;
        changed = true;
      }
    }
  }
  return idom;
}

/**
 * Single points of failure on the directed request flow: a non-redundant component (not a
 * client, third party, monitoring, DNS or CDN) that dominates something requests are served by —
 * every path from the entries to it runs through the component — or that serves requests itself
 * itself. What requests need: the data stores and serving components (services, web servers,
 * gateways, workers, queues) the synchronous flow reaches, and a cache that is the only store
 * behind the services using it. A data store no request reaches (fed by a queue or a
 * batch job) is reported as `off-path`, never as a point of failure of the requests.
 */
export function singlePointsOfFailure(graph: ArchitectureGraph): readonly SinglePoint[] {
  let found = memo.get(graph);
  if (found === undefined) {
    found = Object.freeze(findSinglePoints(graph));
    memo.set(graph, found);
  }
  return found;
}

const memo = new WeakMap<ArchitectureGraph, readonly SinglePoint[]>();

function findSinglePoints(graph: ArchitectureGraph): SinglePoint[] {
  const flow = requestFlow(graph);
  const size = flow.indexed.size;
  if (flow.entries.length === 0 || batchPipeline(graph, flow.entries)) return offPath(graph, new Uint8Array(size));
  const { order, preds, reached } = synchronousFlow(graph);
  const idom = immediateDominators(size, order, preds);
  const nodes = graph.nodes;
  const isEntry = new Uint8Array(size);
  for (const e of flow.indexed.entries) isEntry[e] = 1;
  const kindOf = (v: number): NodeKind => (nodes[v] as ArchNode).kind;
  const targets = Array.from(order).filter(
    (v) =>
      DATA_KINDS.has(kindOf(v)) ||
      (kindOf(v) === 'cache' && (soleStore(v, graph) || keepsSessions(nodes[v] as ArchNode))) ||
      (SERVING.has(kindOf(v)) && isEntry[v] === 0 && !offTheUsersFlow(nodes[v] as ArchNode)) ||
      namedBroker(nodes[v] as ArchNode),
  );
  const isTarget = new Uint8Array(size);
  for (const t of targets) isTarget[t] = 1;
  // What each node cuts off: the targets it strictly dominates.
  const cutOff = new Map<number, number[]>();
  for (const t of targets) {
    for (let d = idom[t] as number; d !== size && d >= 0; d = idom[d] as number) {
      const list = cutOff.get(d);
      if (list === undefined) cutOff.set(d, [t]);
      else list.push(t);
    }
  }
  const found: SinglePoint[] = [];
  nodes.forEach((node, v) => {
    if (NEVER_SPOF.has(node.kind) || node.planned === true || reached[v] === 0 || isRedundant(node, graph)) return;
    // With no client drawn, the component requests enter through is on every path; a source that
    // serves nothing (a seed list, a producer script) is where requests come from, not a hop.
    if (isEntry[v] === 1 && !ENTRY_SERVERS.has(node.kind)) return;
    const cut = cutOff.get(v);
    if (cut !== undefined) {
      found.push({ node, reason: 'on-path', cutOff: cut.map((t) => (nodes[t] as ArchNode).id) });
    } else if (isTarget[v] === 1) {
      const isData = DATA_KINDS.has(node.kind) || node.kind === 'cache';
      if (isData && node.role !== 'replica') found.push({ node, reason: 'sole-copy', cutOff: [] });
      else if (!isData) found.push({ node, reason: 'on-path', cutOff: [node.id] });
    }
  });
  return [...found, ...offPath(graph, reached)];
}

/** Products that run pipelines on a schedule or a DAG: Airflow, Dagster, Prefect, Luigi, Data Factory, … */
const ORCHESTRATOR_TECH: ReadonlySet<string> = new Set(['airflow', 'data-pipeline-service']);
/** A box named for what drives a batch pipeline: a scheduler, cron, an ETL/ELT step, a DAG. */
const ORCHESTRATOR = /\b(?:schedul(?:er|ers|ing)|cron|crontab|cron ?jobs?|etl|elt|dags?)\b/i;

/**
 * A pipeline no user request runs through: no client, DNS, CDN, balancer or gateway is drawn, so
 * the flow starts at servers nothing calls (a feed, a source API), and a scheduler or orchestrator
 * (Airflow, cron, Dagster, "ETL") drives it. Its components are batch jobs and the stores they
 * fill (the guide: components off every request path are not SPOFs); only the off-path reading
 * of its single-copy stores remains.
 */
function batchPipeline(graph: ArchitectureGraph, entries: readonly string[]): boolean {
  if (!entries.every((id) => ENTRY_SOURCES.has(graph.node(id)?.kind ?? 'other'))) return false;
  // Sources that only feed jobs ("API Service --> Main Processor --> Loader …"): data flowing into a pipeline, not requests served.
  const flow = requestFlow(graph);
  const feedsJobsOnly = (id: string): boolean => {
    const next = flow.successors(id);
    return next.length > 0 && next.every((s) => PIPELINE_STAGES.has(graph.node(s)?.kind ?? 'other'));
  };
  if (entries.every(feedsJobsOnly)) return true;
  return graph.nodes.some(
    (node) =>
      node.kind !== 'client' &&
      (node.tech.some((t) => ORCHESTRATOR_TECH.has(t)) || ORCHESTRATOR.test(node.label)) &&
      graph.neighbours(node.id).length > 0,
  );
}

const PIPELINE_STAGES: ReadonlySet<NodeKind> = new Set(['worker']);

/** The kinds the flow starts at when nothing in front of them (client, DNS, CDN, balancer, gateway) is drawn. */
const ENTRY_SOURCES: ReadonlySet<NodeKind> = new Set(['service', 'web_server']);

/** A job run on a clock, not on a request: "every 15 min", "nightly", "cron", a "Scheduled jobs" group. */
const SCHEDULED = /\bevery\s+(?:\d+\s*)?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?|weeks?|night)\b|\b(?:cron|crontab|cronjobs?|scheduled|nightly|hourly|daily|weekly|periodic|background|batch)\b/i;

/**
 * What the system's staff use (an admin module, a back office) serves them, not the users'
 * requests; so do the back-office stages of a payment (clearing, settlement, reconciliation,
 * chargebacks), which run after the payer has had an answer.
 */
const STAFF_FACING = /\b(?:admin|administration|back ?office|moderation|clearing|settlements?|reconcil(?:e|es|er|ers|iation|iations)|chargebacks?)\b/i;

/**
 * A serving component no user request waits on, whatever arrows reach it: a worker run on a
 * schedule or placed in a background group, or a component named for the staff (the guide's
 * "batch jobs … admin consoles"). It still counts when it stands between users and something else.
 */
function offTheUsersFlow(node: ArchNode): boolean {
  if (node.kind === 'worker' && [node.label, ...node.subgraphTitles].some((text) => SCHEDULED.test(text))) return true;
  return STAFF_FACING.test(node.label);
}

/** "Request/Reply", "RPC": the caller waits on the broker for the answer. */
const REQUEST_REPLY = /\brequest\s*[/-]?\s*(?:reply|response)\b|\brpc\b/i;

/** A broker carrying request/reply (RPC) traffic: the request waits for what comes back through it. */
const carriesReplies = (node: ArchNode, graph: ArchitectureGraph): boolean =>
  graph.incoming(node.id).some((e) => REQUEST_REPLY.test(e.label ?? '')) || graph.outgoing(node.id).some((e) => REQUEST_REPLY.test(e.label ?? ''));

/**
 * An enterprise service bus (ESB) mediates the calls between services: it routes each request to
 * the service that answers it and carries the answer back, so the request waits on everything
 * behind it.
 */
const mediates = (node: ArchNode): boolean => node.tech.includes('esb');

const answers = (edge: ArchEdge): boolean => edge.bidirectional || REQUEST_REPLY.test(edge.label ?? '');

/**
 * A queue or stream the request publishes to is on its path when the diagram names a broker that
 * runs as one box (RabbitMQ, NATS, …); a generic "Queue" box is read as whichever managed queue
 * the candidate would pick, and is not held against them.
 */
const namedBroker = (node: ArchNode): boolean => MESSAGING.has(node.kind) && node.tech.length > 0;

/** A cache that keeps sessions or one-time codes is their only copy: losing it logs every user out. */
const SESSION_STATE = /\b(?:sessions?|session data|session store|otp|one-time (?:codes?|passwords?)|login state)\b/i;
const keepsSessions = (node: ArchNode): boolean => SESSION_STATE.test(node.label);

/** A cache is the only store of its data when none of the services using it reaches a durable store. */
function soleStore(cache: number, graph: ArchitectureGraph): boolean {
  const { start, next, backStart, backNext } = requestFlow(graph).indexed;
  if (backStart[cache] === backStart[cache + 1]) return false;
  for (let k = backStart[cache] as number; k < (backStart[cache + 1] as number); k++) {
    const user = backNext[k] as number;
    for (let j = start[user] as number; j < (start[user + 1] as number); j++) if (DATA_KINDS.has((graph.nodes[next[j] as number] as ArchNode).kind)) return false;
  }
  return true;
}

/** Data stores no request reaches, kept in a single copy. */
function offPath(graph: ArchitectureGraph, reached: Uint8Array): SinglePoint[] {
  const out: SinglePoint[] = [];
  graph.nodes.forEach((node, v) => {
    if (reached[v] === 1 || !DATA_KINDS.has(node.kind) || node.planned === true || isRedundant(node, graph)) return;
    if (node.role === 'replica') return;
    if (graph.neighbours(node.id).length === 0) return;
    out.push({ node, reason: 'off-path', cutOff: [] });
  });
  return out;
}
