import type { NodeKind } from '../vocabulary';
import type { ArchEdge, ArchNode, ArchitectureGraph, NodeId } from '../model/types';

/**
 * The directed request flow: which node hands a request to which, from where requests start.
 *
 * Edges are followed as drawn (`<-->` both ways), with two readings an interviewer makes without
 * thinking: an edge drawn from a store to compute (`DB --> App`, `Cache --> Svc`, `S3 --> CDN`)
 * is the compute reading the store, and an edge drawn into a client is a response to it. A line
 * with no arrowhead (`---`) runs in the kinds' natural order (client → dns/cdn → balancer/gateway
 * → web/service → stores and messaging → workers), both ways when that order does not decide.
 * Replication edges carry data, not requests; monitoring observes and serves nothing; invisible
 * links are layout.
 */
export interface RequestFlow {
  /** Node `i` of the indexed form. */
  readonly ids: readonly NodeId[];
  /** Where requests start (see `entryNodes`). */
  readonly entries: readonly NodeId[];
  successors(id: string): readonly NodeId[];
  predecessors(id: string): readonly NodeId[];
  /** The same flow over node numbers, for linear-time analyses. */
  readonly indexed: IndexedFlow;
}

/**
 * Compressed adjacency: the successors of node `v` are `next[start[v]]` … `next[start[v + 1] - 1]`,
 * each once, in the order the edges are drawn.
 */
export interface IndexedFlow {
  readonly size: number;
  readonly start: Int32Array;
  readonly next: Int32Array;
  /** The predecessors the same way: `backNext[backStart[v]]` … `backNext[backStart[v + 1] - 1]`. */
  readonly backStart: Int32Array;
  readonly backNext: Int32Array;
  readonly entries: Int32Array;
  indexOf(id: string): number;
}

/** Position of each kind in a request's natural journey; `undefined` where it has none. */
const NATURAL_RANK: Readonly<Partial<Record<NodeKind, number>>> = {
  client: 0,
  dns: 1,
  cdn: 1,
  load_balancer: 2,
  api_gateway: 2,
  web_server: 3,
  service: 3,
  cache: 4,
  database: 4,
  object_storage: 4,
  search: 4,
  queue: 4,
  stream: 4,
  worker: 5,
  external: 5,
};

export const naturalRank = (kind: NodeKind): number | undefined => NATURAL_RANK[kind];

const STORES: ReadonlySet<NodeKind> = new Set(['cache', 'database', 'object_storage', 'search']);
/** Kinds a store answers rather than calls: an edge from a store to one of them is a read drawn backwards. */
const READERS: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway', 'web_server', 'service', 'worker']);
const OFF_FLOW: ReadonlySet<NodeKind> = new Set(['monitoring']);
const ENTRY_TIER: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway']);

/** An edge into a client that delivers something ("Send Email", "push") is not a response to a request. */
const DELIVERY = /\b(?:send|sends|sent|e-?mails?|notif(?:y|ies|ication|ications)|push(?:es)?|sms|alerts?|deliver(?:s|y)?)\b/i;

/** "Send Email" delivers; "sends the response" still answers the client's request. */
const ANSWER = /\b(?:respon(?:se|ses|d|ds)|repl(?:y|ies)|results?|returns?)\b/i;
const isDelivery = (label: string): boolean => DELIVERY.test(label) && !ANSWER.test(label);

/** People who run the system rather than use it: their consoles are not the user-facing flow. */
const INTERNAL_ACTOR = /\b(?:admins?|administrators?|operators?|ops|staff|employees?|analysts?|back ?office|internal|moderators?|support agents?)\b/i;

/** A client box standing for the system's own staff (an admin console, operators' tools). */
export const isStaff = (node: ArchNode): boolean => node.kind === 'client' && INTERNAL_ACTOR.test(node.label);

/**
 * An arrow into a client from a component named for delivering to it ("Notification Service -->
 * App", "Push Service --> Mobile") is a delivery, not an answer: the client did not call it.
 * (A WebSocket gateway pushing to its clients holds their connection and keeps its arrow.)
 */
function isDeliveryToClient(edge: ArchEdge, from: ArchNode, to: ArchNode): boolean {
  if (to.kind !== 'client' || from.kind === 'client' || edge.bidirectional || !edge.directed) return false;
  return DELIVERY.test(from.label) && !REALTIME_CONNECTION.test(from.label);
}

const REALTIME_CONNECTION = /\b(?:web ?sockets?|ws|socket(?:\.io)?|sse|real-?time|gateway|connection)\b/i;

export type FlowDirection = 'forward' | 'backward' | 'both' | 'none';

/** Which way requests travel along one edge, given the kinds at its ends. */
export function flowDirection(edge: Pick<ArchEdge, 'style' | 'bidirectional' | 'directed' | 'meaning' | 'label'>, fromKind: NodeKind, toKind: NodeKind): FlowDirection {
  if (edge.style === 'invisible' || edge.meaning === 'replication') return 'none';
  if (OFF_FLOW.has(fromKind) || OFF_FLOW.has(toKind)) return 'none';
  if (edge.bidirectional) return 'both';
  if (!edge.directed) {
    const a = NATURAL_RANK[fromKind];
    const b = NATURAL_RANK[toKind];
    if (a === undefined || b === undefined || a === b) return 'both';
    return a < b ? 'forward' : 'backward';
  }
  if (toKind === 'client' && fromKind !== 'client') return isDelivery(edge.label ?? '') ? 'none' : 'backward';
  if (STORES.has(fromKind) && READERS.has(toKind)) return 'backward';
  return 'forward';
}

/**
 * Where requests start: the clients (the system's users before its staff: an admin console is
 * not the user-facing flow); else the entry tier (DNS, CDN, balancer, gateway) nothing
 * hands requests to; else the servers (web servers, services) that hand requests on and receive
 * none. A pipeline whose sources are workers, stores or feeds has no request entry at all.
 */
function entryNodes(nodes: readonly ArchNode[], inDegree: Int32Array, outDegree: Int32Array): number[] {
  const clients: number[] = [];
  const staff: number[] = [];
  const entryTier: number[] = [];
  const sources: number[] = [];
  nodes.forEach((n, i) => {
    if (n.kind === 'client') (isStaff(n) ? staff : clients).push(i);
    if (inDegree[i] !== 0) return;
    if (ENTRY_TIER.has(n.kind)) entryTier.push(i);
    else if (outDegree[i] !== 0 && (n.kind === 'service' || n.kind === 'web_server')) sources.push(i);
  });
  if (clients.length > 0) return clients;
  if (staff.length > 0) return staff;
  return entryTier.length > 0 ? entryTier : sources;
}

/** The doors requests come in by. A CDN is left out: storage drawn feeding one may be content pushed to the edge. */
const DOORS: ReadonlySet<NodeKind> = new Set(['load_balancer', 'api_gateway']);

/**
 * A balancer or gateway nothing hands requests to, opening onto components the drawn users never
 * reach (they only receive pushes, or use another door), is still where requests come in: its
 * callers are simply not drawn. It starts the flow beside the clients. One in front of what the
 * users already reach adds no way in.
 */
function withUnreachedEntryTier(nodes: readonly ArchNode[], entries: readonly number[], forward: Compressed, inDegree: Int32Array, outDegree: Int32Array): number[] {
  const out = [...entries];
  if (!entries.some((v) => (nodes[v] as ArchNode).kind === 'client')) return out;
  const seen = new Uint8Array(nodes.length);
  const stack = [...entries];
  for (const v of stack) seen[v] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (let k = forward.start[v] as number; k < (forward.start[v + 1] as number); k++) {
      const w = forward.next[k] as number;
      if (seen[w] === 1) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  const opensOnUnreached = (v: number): boolean => {
    for (let k = forward.start[v] as number; k < (forward.start[v + 1] as number); k++) if (seen[forward.next[k] as number] === 1) return false;
    return true;
  };
  nodes.forEach((n, v) => {
    if (seen[v] === 0 && inDegree[v] === 0 && outDegree[v] !== 0 && DOORS.has(n.kind) && opensOnUnreached(v)) out.push(v);
  });
  return out;
}

/** The kinds a request passes before it reaches the stores: client, DNS/CDN, balancer/gateway, servers. */
const REQUEST_TIERS: ReadonlySet<NodeKind> = new Set(['client', 'dns', 'cdn', 'load_balancer', 'api_gateway', 'web_server', 'service']);

/**
 * A diagram drawn as the answer's journey ("Service --> Gateway --> CDN --> User", often
 * `flowchart BT` with the user on top): no arrow leaves a client, and among the arrows between
 * the request tiers (client, DNS/CDN, balancer/gateway, servers) those pointing towards the user
 * outnumber those pointing away (at least two of them, one into a client). Its arrows are read the other way round.
 */
function drawnAsResponses(graph: ArchitectureGraph): boolean {
  let towardsUser = 0;
  let awayFromUser = 0;
  let answered = false;
  for (const edge of graph.edges) {
    if (!edge.directed || edge.bidirectional || edge.style === 'invisible' || edge.meaning === 'replication') continue;
    const from = graph.node(edge.from)?.kind;
    const to = graph.node(edge.to)?.kind;
    if (from === undefined || to === undefined) continue;
    if (from === 'client' && to !== 'client') return false;
    if (to === 'client' && from !== 'client') answered = true;
    if (!REQUEST_TIERS.has(from) || !REQUEST_TIERS.has(to)) continue;
    const a = NATURAL_RANK[from] as number;
    const b = NATURAL_RANK[to] as number;
    if (a > b) towardsUser++;
    else if (a < b) awayFromUser++;
  }
  return answered && towardsUser >= 2 && towardsUser > awayFromUser;
}

const flows = new WeakMap<ArchitectureGraph, RequestFlow>();

/** The request flow of a graph (computed once per graph). */
export function requestFlow(graph: ArchitectureGraph): RequestFlow {
  let flow = flows.get(graph);
  if (flow === undefined) {
    flow = buildFlow(graph);
    flows.set(graph, flow);
  }
  return flow;
}

function buildFlow(graph: ArchitectureGraph): RequestFlow {
  const nodes = graph.nodes;
  const size = nodes.length;
  const numbers = new Map<string, number>();
  nodes.forEach((n, i) => numbers.set(n.id, i));
  const pairs: number[] = [];
  const seen = new Set<number>();
  const add = (a: number, b: number): void => {
    if (a === b) return;
    const key = a * size + b;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push(a, b);
  };
  const flipped = drawnAsResponses(graph);
  const answers: number[] = [];
  for (const edge of graph.edges) {
    const turn = flipped && edge.directed && !edge.bidirectional;
    const a = numbers.get(turn ? edge.to : edge.from);
    const b = numbers.get(turn ? edge.from : edge.to);
    if (a === undefined || b === undefined) continue;
    if (!turn && isDeliveryToClient(edge, nodes[a] as ArchNode, nodes[b] as ArchNode)) continue;
    const direction = flowDirection(edge, (nodes[a] as ArchNode).kind, (nodes[b] as ArchNode).kind);
    if (direction === 'forward' || direction === 'both') add(a, b);
    if (direction === 'backward' && (nodes[b] as ArchNode).kind === 'client') answers.push(b, a);
    else if (direction === 'backward' || direction === 'both') add(b, a);
  }
  const unserved = unservedAnswers(nodes, pairs, answers);
  for (let k = 0; k < unserved.length; k += 2) add(unserved[k] as number, unserved[k + 1] as number);
  const forward = compress(size, pairs, 0);
  const backward = compress(size, pairs, 1);
  const inDegree = new Int32Array(size);
  const outDegree = new Int32Array(size);
  for (let v = 0; v < size; v++) {
    outDegree[v] = (forward.start[v + 1] as number) - (forward.start[v] as number);
    inDegree[v] = (backward.start[v + 1] as number) - (backward.start[v] as number);
  }
  const entries = Int32Array.from(withUnreachedEntryTier(nodes, entryNodes(nodes, inDegree, outDegree), forward, inDegree, outDegree));
  const ids = Object.freeze(nodes.map((n) => n.id));
  const idsOf = (list: Int32Array, from = 0, to = list.length): readonly NodeId[] => {
    const out: NodeId[] = [];
    for (let k = from; k < to; k++) out.push(ids[list[k] as number] as NodeId);
    return Object.freeze(out);
  };
  const neighbourLists = (adj: Compressed): ((id: string) => readonly NodeId[]) => {
    const memo: (readonly NodeId[] | undefined)[] = [];
    return (id) => {
      const v = numbers.get(id);
      if (v === undefined) return NO_IDS;
      let list = memo[v];
      if (list === undefined) {
        list = idsOf(adj.next, adj.start[v], adj.start[v + 1]);
        memo[v] = list;
      }
      return list;
    };
  };
  const indexed: IndexedFlow = Object.freeze({
    size,
    start: forward.start,
    next: forward.next,
    backStart: backward.start,
    backNext: backward.next,
    entries,
    indexOf: (id: string) => numbers.get(id) ?? -1,
  });
  return Object.freeze({
    ids,
    entries: idsOf(entries),
    successors: neighbourLists(forward),
    predecessors: neighbourLists(backward),
    indexed,
  });
}

/**
 * An arrow from a server into a client answers a request the client made. Where the client's own
 * arrows already reach that server (through the balancer), the answer adds no way in: reading it
 * as a call would let requests skip the balancer. Only the answers of servers the client does not
 * otherwise reach stand for its calls. `answers` and the result are (client, server) pairs.
 */
function unservedAnswers(nodes: readonly ArchNode[], pairs: readonly number[], answers: readonly number[]): number[] {
  if (answers.length === 0) return [];
  const adjacency = compress(nodes.length, pairs, 0);
  const reachedBy = new Map<number, Uint8Array>();
  const out: number[] = [];
  for (let k = 0; k < answers.length; k += 2) {
    const client = answers[k] as number;
    const server = answers[k + 1] as number;
    let reached = reachedBy.get(client);
    if (reached === undefined) {
      reached = reachedByRequests(client, adjacency, nodes);
      reachedBy.set(client, reached);
    }
    if (reached[server] === 0) out.push(client, server);
  }
  return out;
}

/** Where a request waits no further: it is answered by a store, handed to a queue, or sent to a third party. */
const ANSWERED_AT: ReadonlySet<NodeKind> = new Set(['cache', 'database', 'object_storage', 'search', 'queue', 'stream', 'external']);

/** What a request from `start` reaches without passing a store, a queue or a third party (a push server fed by a queue is not reached). */
function reachedByRequests(start: number, adjacency: Compressed, nodes: readonly ArchNode[]): Uint8Array {
  const seen = new Uint8Array(nodes.length);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (ANSWERED_AT.has((nodes[v] as ArchNode).kind)) continue;
    for (let k = adjacency.start[v] as number; k < (adjacency.start[v + 1] as number); k++) {
      const w = adjacency.next[k] as number;
      if (seen[w] === 1) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return seen;
}

const NO_IDS: readonly NodeId[] = Object.freeze([]);

interface Compressed {
  readonly start: Int32Array;
  readonly next: Int32Array;
}

/** Adjacency from `pairs` (a, b, a, b, …), keyed on the pair's `side` end (0: a → b, 1: b → a). */
function compress(size: number, pairs: readonly number[], side: 0 | 1): Compressed {
  const start = new Int32Array(size + 1);
  for (let k = side; k < pairs.length; k += 2) start[(pairs[k] as number) + 1] = (start[(pairs[k] as number) + 1] as number) + 1;
  for (let v = 0; v < size; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, size);
  const next = new Int32Array(pairs.length / 2);
  for (let k = 0; k < pairs.length; k += 2) {
    const from = pairs[k + side] as number;
    const to = pairs[k + 1 - side] as number;
    const at = fill[from] as number;
    next[at] = to;
    fill[from] = at + 1;
  }
  return { start, next };
}

/** Nodes reachable along the flow from the start nodes (included), never entering `avoid`. */
export function reachableFrom(flow: RequestFlow, starts: readonly string[], avoid: ReadonlySet<string> = new Set()): ReadonlySet<NodeId> {
  const { indexed, ids } = flow;
  const mark = new Uint8Array(indexed.size);
  for (const id of avoid) {
    const v = indexed.indexOf(id);
    if (v >= 0) mark[v] = 2;
  }
  const stack: number[] = [];
  for (const id of starts) {
    const v = indexed.indexOf(id);
    if (v >= 0 && mark[v] === 0) {
      mark[v] = 1;
      stack.push(v);
    }
  }
  const out = new Set<NodeId>();
  while (stack.length > 0) {
    const v = stack.pop() as number;
    out.add(ids[v] as NodeId);
    for (let k = indexed.start[v] as number; k < (indexed.start[v + 1] as number); k++) {
      const w = indexed.next[k] as number;
      if (mark[w] !== 0) continue;
      mark[w] = 1;
      stack.push(w);
    }
  }
  return out;
}

/** Nodes reachable from the flow's entries. */
export const reachableFromEntries = (flow: RequestFlow): ReadonlySet<NodeId> => reachableFrom(flow, flow.entries);
