import { boundedMemo } from '../memo';
import { isMultiple } from '../model/instances';
import { namesClusterService, namesKubernetesCluster, namesLoadBalancerType, namesPod } from '../model/kubernetes';
import { requestFlow } from './flow';
import { TECHNOLOGIES } from '../model/tech';
import { withoutAddresses, withoutNegated } from '../model/text';
import type { ArchEdge, ArchNode, ArchitectureGraph } from '../model/types';
import type { NodeKind } from '../vocabulary';

/**
 * Whether a node survives losing one machine: several instances shown, a managed service that
 * is replicated by default, a failover pair (a replication / failover edge to a node of the same
 * kind), or a label stating a standby / multi-AZ deployment.
 */
export function isRedundant(node: ArchNode, graph: ArchitectureGraph): boolean {
  if (isMultiple(node.instances) || node.redundantByDefault || isServerlessGateway(node, graph) || isClusterServiceBalancer(node, graph) || isCloudLoadBalancerService(node) || isLocalCache(node, graph)) return true;
  let known = redundantMemo.get(graph);
  if (known === undefined) {
    known = new Map();
    redundantMemo.set(graph, known);
  }
  let redundant = known.get(node.id);
  if (redundant === undefined) {
    redundant = partnered(node, graph);
    known.set(node.id, redundant);
  }
  return redundant;
}

/** "Rules cache · local", "in-process cache in each gateway": a copy inside every caller, not a box of its own. */
const LOCAL_COPY = /\b(?:local|in[\s-]process|in[\s-]proc|embedded|sidecar|per[\s-](?:instance|gateway|server|node|pod|host|process)|(?:in|on) each (?:gateway|server|instance|node|pod|host))\b/i;

/** A local cache is as many as the callers that each hold one: redundant when they are. */
export function isLocalCache(node: ArchNode, graph: ArchitectureGraph): boolean {
  if (node.kind !== 'cache' || !LOCAL_COPY.test(node.label)) return false;
  const callers = graph.incoming(node.id).map((e) => graph.node(e.from));
  return callers.length > 0 && callers.every((caller) => caller !== undefined && isMultiple(caller.instances));
}

/**
 * An unnamed "API Gateway" wired to Lambda functions is the cloud's managed gateway (AWS API
 * Gateway, Azure API Management): serverless functions are not put behind a self-hosted one.
 */
function isServerlessGateway(node: ArchNode, graph: ArchitectureGraph): boolean {
  return node.kind === 'api_gateway' && node.tech.length === 0 && graph.neighbours(node.id).some((n) => n.tech.includes('lambda'));
}

/**
 * A Kubernetes Service balancing pods ("Frontend Service --> Frontend Pod") is a virtual address
 * every node of the cluster answers, not one machine.
 */
function isClusterServiceBalancer(node: ArchNode, graph: ArchitectureGraph): boolean {
  return node.kind === 'load_balancer' && namesClusterService(node.label) && graph.outgoing(node.id).some((e) => namesPod(graph.node(e.to)?.label ?? ''));
}

/**
 * A Service of type LoadBalancer inside a Kubernetes cluster ("LoadBalancer<br>Store-Front" under
 * "Azure Kubernetes Service (AKS)") is the balancer the cloud provisions for it, a managed one.
 */
function isCloudLoadBalancerService(node: ArchNode): boolean {
  if (node.kind !== 'load_balancer' || !node.subgraphTitles.some(namesKubernetesCluster)) return false;
  return [node.label, ...node.subgraphTitles].some(namesLoadBalancerType);
}

/** Several rules ask about the same nodes of one graph: each answer is worked out once. */
const redundantMemo = new WeakMap<ArchitectureGraph, Map<string, boolean>>();

function partnered(node: ArchNode, graph: ArchitectureGraph): boolean {
  const flags = node.annotations.flags;
  if (node.kind === 'database' && (flags.includes('multi_az') || flags.includes('failover'))) return true;
  if (drawnReplicas(node, graph).length > 0) return true;
  return hasFailoverPartner(node, graph) || siblingsOf(graph).has(node.id) || failoverPairsOf(graph).has(node.id);
}

/**
 * Role words naming one box of a failover pair. Each pairs with a different word of the list; a
 * standby-like word (secondary, passive, standby, …) also with the same name unmarked ("LB" +
 * "Standby LB"). "Primary", "main", "master", "active" and "backup" need a marked partner: "Backup
 * Service" beside "Service" may be a service that takes backups.
 */
const FAILOVER_ROLE = /\b(primary|main|master|active|backup|secondary|tertiary|passive|standby|slave|replica|failover)\b/g;
const PAIRS_WITH_UNMARKED: ReadonlySet<string> = new Set(['secondary', 'tertiary', 'passive', 'standby', 'slave', 'replica', 'failover']);

const failoverMemo = new WeakMap<ArchitectureGraph, ReadonlySet<string>>();

/** A label's failover role words and the name left once they are dropped. */
const failoverNaming = boundedMemo((label: string): { readonly roles: readonly string[]; readonly base: string } => {
  const lowered = withoutAddresses(label).toLowerCase();
  const roles = [...lowered.matchAll(FAILOVER_ROLE)].map((m) => m[1] as string);
  return { roles, base: baseName(lowered.replace(FAILOVER_ROLE, ' ')) };
});

/**
 * Boxes of one kind named apart only by failover roles ("Primary LB" + "Secondary LB", "Active
 * Server" + "Passive Server", "Main Gateway" + "Backup Gateway", "Nginx" + "Nginx standby"): the
 * names say they are one redundant pair. Data stores are left to their primary/replica reading
 * (a replica serves reads; whether it takes over is what the drawing's replication shows).
 */
export function failoverPairsOf(graph: ArchitectureGraph): ReadonlySet<string> {
  let found = failoverMemo.get(graph);
  if (found === undefined) {
    found = findFailoverPairs(graph);
    failoverMemo.set(graph, found);
  }
  return found;
}

interface Named {
  readonly node: ArchNode;
  readonly role: string | undefined;
  readonly base: string;
}

function findFailoverPairs(graph: ArchitectureGraph): ReadonlySet<string> {
  const named: Named[] = [];
  for (const node of graph.nodes) {
    if (HOLDS_DATA.has(node.kind)) continue;
    const { roles, base } = failoverNaming(node.label);
    if (roles.length > 1 || base === '') continue;
    named.push({ node, role: roles[0], base });
  }
  const out = new Set<string>();
  // Two boxes with no role word are no pair: without one, there is nothing to group.
  if (!named.some(({ role }) => role !== undefined)) return out;
  for (const group of groupByKindAndName(named, ({ node }) => node.kind, ({ base }) => base)) {
    group.forEach(({ node, role }) => {
      const paired = group.some((other) => {
        if (other.node === node || other.role === role) return false;
        if (role !== undefined && other.role !== undefined) return true;
        const marked = role ?? other.role;
        return marked !== undefined && PAIRS_WITH_UNMARKED.has(marked);
      });
      if (paired) out.add(node.id);
    });
  }
  return out;
}

/** Items of one kind and one name together (those without a name left out), groups in the order their first item comes. */
function groupByKindAndName<T>(items: Iterable<T>, kindOf: (item: T) => NodeKind, nameOf: (item: T) => string | undefined): T[][] {
  const byKind = new Map<NodeKind, Map<string, T[]>>();
  const groups: T[][] = [];
  for (const item of items) {
    const name = nameOf(item);
    if (name === undefined) continue;
    const kind = kindOf(item);
    let byName = byKind.get(kind);
    if (byName === undefined) byKind.set(kind, (byName = new Map()));
    const group = byName.get(name);
    if (group === undefined) {
      const created = [item];
      byName.set(name, created);
      groups.push(created);
    } else group.push(item);
  }
  return groups;
}

/**
 * The replicas drawn for a store, whatever the edge between them says:
 * - joined to it: a primary's replicas ("SQL Write Primary -.- SQL Read Replicas", "Redis primary
 *   --> Redis replica"), or, for a store that does not call itself the primary, a replica that
 *   says whose copy it is ("Posts DB --> Posts DB replica");
 * - beside it: the same store in the replica role, called by one of the store's callers ("API -->
 *   PostgreSQL Master", "API --> PostgreSQL Read Replica": writes go to the primary, reads to the
 *   replica). A replica no one calls is not counted: a box without edges takes no part.
 */
export function drawnReplicas(node: ArchNode, graph: ArchitectureGraph): readonly ArchNode[] {
  const sameKindReplicas = replicasByKind(graph).get(node.kind);
  if (node.role === 'replica' || sameKindReplicas === undefined) return [];
  const isReplica = (other: ArchNode): boolean => other.id !== node.id && other.kind === node.kind && other.role === 'replica';
  const joined = graph.neighbours(node.id).filter((n) => isReplica(n) && (node.role === 'primary' || isCopyNamedFor(n, node, graph)));
  const copies = (other: ArchNode): boolean => (node.role === 'primary' ? sameStore(node, other) : isCopyNamedFor(other, node, graph));
  const candidates = sameKindReplicas.filter((other) => isReplica(other) && !joined.includes(other) && copies(other));
  if (candidates.length === 0) return joined;
  const flow = requestFlow(graph);
  const callers = new Set(flow.predecessors(node.id));
  return [...joined, ...candidates.filter((other) => flow.predecessors(other.id).some((id) => callers.has(id)))];
}

/** The graph's replica-role nodes by kind: most graphs have none, and then no node has a drawn replica. */
const replicasByKindMemo = new WeakMap<ArchitectureGraph, ReadonlyMap<NodeKind, readonly ArchNode[]>>();

function replicasByKind(graph: ArchitectureGraph): ReadonlyMap<NodeKind, readonly ArchNode[]> {
  let byKind = replicasByKindMemo.get(graph);
  if (byKind === undefined) {
    const map = new Map<NodeKind, ArchNode[]>();
    for (const n of graph.nodes) if (n.role === 'replica') map.set(n.kind, [...(map.get(n.kind) ?? []), n]);
    byKind = map;
    replicasByKindMemo.set(graph, byKind);
  }
  return byKind;
}

/**
 * Whether a replica says it copies `store`, which does not call itself the primary: the same
 * product, or a replica naming no product whose name is the store's ("Posts DB replica" of "Posts
 * DB · Postgres"), or a bare "Read replica" joined to no other store of that kind.
 */
function isCopyNamedFor(replica: ArchNode, store: ArchNode, graph: ArchitectureGraph): boolean {
  if (store.tech.length > 0 && replica.tech.length > 0) return sameStore(store, replica);
  if (replica.tech.length > 0) return false;
  const replicaWords = nameWords(replica);
  if (replicaWords.length === 0) return graph.neighbours(replica.id).every((n) => n.id === store.id || n.kind !== store.kind);
  const storeWords = new Set(nameWords(store));
  return replicaWords.every((word) => storeWords.has(word));
}

const nameWordsOfLabel: (label: string) => readonly string[] = boundedMemo((label: string) =>
  baseName(withoutAddresses(label).toLowerCase().replace(STORE_ROLE_WORDS, ' '))
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== ''),
);

const nameWords = (node: ArchNode): readonly string[] => nameWordsOfLabel(node.label);

const STORE_ROLE_WORDS = /\b(?:primary|master|leader|writer|main|replicas?|read|write|secondary|standby|slaves?|followers?|reader)\b/g;

function sameStore(a: ArchNode, b: ArchNode): boolean {
  if (a.tech.length > 0 || b.tech.length > 0) return a.tech.some((name) => b.tech.includes(name));
  const name = (node: ArchNode): string => baseName(withoutAddresses(node.label).toLowerCase().replace(STORE_ROLE_WORDS, ' '));
  return name(a) === name(b);
}

/**
 * The name a numbered copy shares with its siblings: "App Server 2" → "app server", "App1" → "app",
 * "API Replica 1<br>FastAPI" → "api replica fastapi" (the number ends the name line, not the label);
 * "Server N<br>Erlang" is the last of "Server 1", "Server 2", … like a number; "app1 FastAPI" →
 * "app fastapi" (a number glued to the name's first word, before its description).
 */
export const baseName: (label: string) => string = boundedMemo((label: string) => readBaseName(label));

function readBaseName(label: string): string {
  return withoutAddresses(label)
    // Each copy's own address ("IP: 10.244.0.10:3000") tells the copies apart, not their role.
    .replace(/\b(?:ip\s*:?\s*)?\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/gi, ' ')
    // A capital letter after a machine's noun marks the copy ("Web Server A Nginx", "Web Server B
    // Nginx"); after a service's name it names a different service ("Service A gRPC").
    .replace(/(?<=\b(?:[Ss]erver|[Nn]ode|[Hh]ost|[Ii]nstance|[Mm]achine|VM|vm|[Pp]od|[Cc]ontainer|[Rr]eplica|[Bb]ox))\s[A-H](?=\s)/g, ' ')
    .toLowerCase()
    .replace(REGION_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:[\s_#-]*(?:\d+|\(\d+\))|\s+[a-z])$/, '')
    .replace(/\s(?:#?\d+|\(\d+\)|n)(?=\s)/g, '')
    // A number glued by a dash or underscore to a name inside the label ("Pod: api-gateway-1 …").
    .replace(/(?<=[a-z])[-_]\d{1,2}(?=\s)/g, '')
    .replace(/^([a-z]{2,})[_-]?\d{1,2}(?=\s)/, '$1')
    .trim();
}

/** Copies per region or zone ("Gateway US", "Gateway EU") are siblings too. */
const REGION_WORDS = /\b(?:us|eu|apac|asia|emea|latam|east|west|north|south|central|region|zone|az)(?:[\s-]*\d+)?\b/g;

/** Numbered partitions of a store ("Shard 1", "Tenant 2 Schema") hold different data: they are not copies. */
const HOLDS_DATA: ReadonlySet<NodeKind> = new Set(['database', 'cache', 'search', 'object_storage', 'queue', 'stream']);
const PARTITION_WORDS = /\b(?:shards?|partitions?|tenants?|schemas?|buckets?|range|keyspace)\b/i;

const siblingMemo = new WeakMap<ArchitectureGraph, ReadonlySet<string>>();

/**
 * Nodes drawn as copies of one role: the same kind and the same name once a trailing number or
 * letter is dropped ("App Server 1", "App Server 2"; two boxes both called "Worker"), sharing
 * what hands them requests (the balancer in front, the queue they consume) or a subgraph. Each is
 * redundant. Sharing only what they call is no sign of copies: one "Auth Middleware" per
 * microservice, each fetching keys from the same JWKS endpoint, serves a different service.
 *
 * Copies of a whole stack count too: when each of two copies hands requests to its own box of one
 * name ("Server 1 --> Nginx --> App Server", "Server 2 --> Nginx --> App Server"), those boxes
 * are copies of each other, tier after tier. Stores are left out of that reading: a database per
 * server is one store per owner, whether its data is copied is what its replication shows.
 */
export function siblingsOf(graph: ArchitectureGraph): ReadonlySet<string> {
  let found = siblingMemo.get(graph);
  if (found === undefined) {
    found = findSiblings(graph);
    siblingMemo.set(graph, found);
  }
  return found;
}

/** The boxes (by number) of one kind and one base name, in drawing order; partitions of a store are left out. */
function sameNameGroups(graph: ArchitectureGraph): number[][] {
  const nameOf = (v: number): string | undefined => {
    const node = graph.nodes[v] as ArchNode;
    if (HOLDS_DATA.has(node.kind) && PARTITION_WORDS.test(node.label)) return undefined;
    const base = baseName(node.label);
    return base === '' ? undefined : base;
  };
  return groupByKindAndName(graph.nodes.keys(), (v) => (graph.nodes[v] as ArchNode).kind, nameOf);
}

/** Whether each member's keys (each listed once per member) include one another member has too. */
function sharesKey<K>(keys: readonly Iterable<K>[]): boolean[] {
  const members = new Map<K, number>();
  for (const list of keys) for (const key of list) members.set(key, (members.get(key) ?? 0) + 1);
  return keys.map((list) => {
    for (const key of list) if ((members.get(key) ?? 0) >= 2) return true;
    return false;
  });
}

/** Boxes are numbered as in the graph and its request flow. */
function findSiblings(graph: ArchitectureGraph): ReadonlySet<string> {
  const flow = requestFlow(graph).indexed;
  const nodes = graph.nodes;
  const callersOf = (v: number): Int32Array => flow.backNext.subarray(flow.backStart[v], flow.backStart[v + 1]);
  const groupOf = new Int32Array(nodes.length).fill(-1);
  const candidates = sameNameGroups(graph)
    .filter((group) => group.length >= 2)
    .map((group, g) => {
      for (const v of group) groupOf[v] = g;
      const kind = (nodes[group[0] as number] as ArchNode).kind;
      const callers = group.map(callersOf);
      // Same-named stores each used by its own caller ("PostgreSQL" under each microservice in a
      // "Data Layer" group) are one store per owner: sharing the group does not make them copies.
      const perOwner = HOLDS_DATA.has(kind) && ownEach(callers);
      return { group, kind, callers, perOwner };
    });
  const copy = new Uint8Array(nodes.length);
  // Sharing a caller or a subgraph does not depend on which boxes are copies: read once.
  for (const { group, callers, perOwner } of candidates) {
    const byCaller = sharesKey(callers);
    const subgraphs = group.map((v) => (nodes[v] as ArchNode).subgraph);
    const bySubgraph = sharesKey(subgraphs.map((subgraph) => (subgraph === undefined || perOwner ? [] : [subgraph])));
    group.forEach((v, i) => {
      if (byCaller[i] === true || bySubgraph[i] === true) copy[v] = 1;
    });
  }
  // A caller that is itself one of several copies stands for its copies (stores excepted); each
  // box found a copy may make the boxes it calls copies in turn.
  const stacked = candidates.filter(({ kind }) => !HOLDS_DATA.has(kind));
  for (let grew = true; grew; ) {
    grew = false;
    for (const { group, callers } of stacked) {
      if (group.every((v) => copy[v] === 1)) continue;
      const copiedCallers = callers.map((list) => {
        const classes = new Set<number>();
        for (const u of list) if (copy[u] === 1) classes.add(groupOf[u] as number);
        return classes;
      });
      const byCopies = sharesKey(copiedCallers);
      group.forEach((v, i) => {
        if (byCopies[i] !== true || copy[v] === 1) return;
        copy[v] = 1;
        grew = true;
      });
    }
  }
  const out = new Set<string>();
  nodes.forEach((node, v) => {
    if (copy[v] === 1) out.add(node.id);
  });
  return out;
}

/** At least two members have callers, and no caller is shared between members. */
function ownEach(callers: readonly Int32Array[]): boolean {
  const withCallers = callers.filter((list) => list.length > 0);
  if (withCallers.length < 2) return false;
  const seen = new Set<number>();
  for (const list of withCallers) {
    for (const caller of list) {
      if (seen.has(caller)) return false;
    }
    for (const caller of list) seen.add(caller);
  }
  return true;
}

const FAILOVER_LABEL = /fail ?over|standby|vrrp|keepalived|active.?passive/i;
/** A heartbeat joins a failover pair only between two boxes of one role: a server's heartbeat to a registry is a health check. */
const HEARTBEAT = /heart ?beats?/i;
const roleName = (node: ArchNode): string => failoverNaming(node.label).base;

/**
 * The other end of a replication edge copies this node when it is of the same kind, or when it
 * is a store drawn only as a copy: "Cache node 1 -. replicates .-> Replica 1", a replica-role
 * cylinder naming no technology of its own, is that cache's replica.
 */
function copies(node: ArchNode, other: ArchNode, edge: ArchEdge): boolean {
  if (other.kind === node.kind) return true;
  const stores = node.kind === 'cache' || node.kind === 'database';
  return stores && edge.meaning === 'replication' && other.kind === 'database' && other.role === 'replica' && other.tech.length === 0;
}

/**
 * A node of the same kind joined by a replication edge (primary/replica) or a failover-labelled
 * edge; a heartbeat edge only to a box of the same role ("LB 1 -- heartbeat --- LB 2", not "SFU
 * Server -- heartbeat --> Webhook Server").
 */
export function hasFailoverPartner(node: ArchNode, graph: ArchitectureGraph): boolean {
  const partnered = (otherId: string, edge: ArchEdge): boolean => {
    const other = graph.node(otherId);
    if (!other || other.id === node.id || !copies(node, other, edge)) return false;
    const said = withoutNegated(edge.label ?? '');
    if (edge.meaning === 'replication' || FAILOVER_LABEL.test(said)) return true;
    return HEARTBEAT.test(said) && roleName(node) === roleName(other);
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
    .map((e) => [graph.node(e.to), e] as const)
    .flatMap(([n, e]) => (n !== undefined && n.id !== node.id && copies(node, n, e) ? [n] : []));
  const inc = graph
    .incoming(node.id)
    .filter((e) => e.meaning === 'replication')
    .map((e) => graph.node(e.from))
    .filter((n): n is ArchNode => n !== undefined && n.kind === node.kind && n.id !== node.id && n.kind === 'database' && n.role === 'replica');
  return [...new Set([...out, ...inc, ...(node.kind === 'database' ? drawnReplicas(node, graph) : [])])];
}

const REPLICATED_PRODUCTS: ReadonlySet<string> = new Set(TECHNOLOGIES.filter((t) => t.replicated === true).map((t) => t.name));

/**
 * Whether a database is shown kept in several copies: a replica itself or joined to one, several
 * instances, a failover partner or Multi-AZ note, or a managed product sold with its replicas
 * (Aurora, Spanner, Cosmos DB, DynamoDB global tables). A store that is merely redundant by design
 * (Cassandra's ring, plain DynamoDB, a warehouse) is not drawn replicated.
 */
export function showsReplication(node: ArchNode, graph: ArchitectureGraph): boolean {
  if (node.kind !== 'database') return false;
  const flags = node.annotations.flags;
  if (node.role === 'replica' || isMultiple(node.instances) || flags.includes('multi_az') || flags.includes('failover')) return true;
  return node.tech.some((name) => REPLICATED_PRODUCTS.has(name)) || replicasOf(node, graph).length > 0 || hasFailoverPartner(node, graph);
}
