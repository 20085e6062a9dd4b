import type { NodeKind } from '../vocabulary';
import { boundedMemo } from '../memo';
import type { ParsedEdge, ParsedFlowchart, ParsedVertex } from '../parse/types';
import { flagsIn } from './annotations';
import { alsoKindsOf, FRONT_END_WORDS, isStoreShape, namesPerson, storeShapesAreDecoration } from './classify';
import { namesClusterService, namesPod } from './kubernetes';
import { edgeMeaningOf, edgeStyleOf } from './edges';
import { techsIn, type TechEntry } from './tech';
import { hasAny, toWords, withoutNegated, type Words } from './text';
import { flagMask, flagsOfMask, vertexFacts, type VertexFacts } from './vertexFacts';
import {
  asNodeId,
  type ArchEdge,
  type ArchNode,
  type ArchSubgraph,
  type AnnotationFlag,
  type ArchitectureGraph,
  type DatabaseNode,
  type NodeAnnotations,
} from './types';

const CONSUME_WORDS = ['consume', 'consumes', 'consumed', 'consumer', 'poll', 'polls', 'subscribe', 'subscribes', 'pull', 'pulls', 'dequeue', 'read', 'reads'];
/** A compute node naming its datastore ("Orders service · DynamoDB") does not inherit the store's redundancy. */
const COMPUTE_KINDS: ReadonlySet<NodeKind> = new Set(['client', 'service', 'worker', 'web_server', 'api_gateway', 'load_balancer']);
const ENTRY_TARGETS: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway', 'web_server', 'service']);

interface SubgraphIndex {
  readonly subgraphs: readonly ArchSubgraph[];
  /** Innermost subgraph of each vertex. */
  readonly innermost: ReadonlyMap<string, string>;
  readonly byId: ReadonlyMap<string, ArchSubgraph>;
}

function indexSubgraphs(parsed: ParsedFlowchart, vertexIds: ReadonlySet<string>): SubgraphIndex {
  const byParsedId = new Map(parsed.subgraphs.map((s) => [s.id, s]));
  const depth = (id: string): number => {
    let d = 0;
    for (let cur = byParsedId.get(id); cur?.parent !== undefined && d < 64; cur = byParsedId.get(cur.parent)) d++;
    return d;
  };
  const innermost = new Map<string, string>();
  for (const sub of parsed.subgraphs) {
    const subDepth = depth(sub.id);
    for (const member of sub.nodeIds) {
      if (!vertexIds.has(member)) continue;
      const current = innermost.get(member);
      if (current === undefined || subDepth > depth(current)) innermost.set(member, sub.id);
    }
  }
  const collectMembers = (id: string, seen: Set<string>, members: Set<string>): Set<string> => {
    if (seen.has(id)) return members;
    seen.add(id);
    for (const m of byParsedId.get(id)?.nodeIds ?? []) {
      if (byParsedId.has(m)) collectMembers(m, seen, members);
      else if (vertexIds.has(m)) members.add(m);
    }
    return members;
  };
  const subgraphs = parsed.subgraphs.map(
    (s): ArchSubgraph =>
      Object.freeze({
        id: s.id,
        title: s.title,
        ...(s.parent === undefined ? {} : { parent: s.parent }),
        nodeIds: Object.freeze([...collectMembers(s.id, new Set(), new Set())].map(asNodeId)),
      }),
  );
  return { subgraphs: Object.freeze(subgraphs), innermost, byId: new Map(subgraphs.map((s) => [s.id, s])) };
}

function titlesOf(subgraphId: string | undefined, index: SubgraphIndex): string[] {
  const titles: string[] = [];
  for (let cur = subgraphId === undefined ? undefined : index.byId.get(subgraphId); cur !== undefined && titles.length < 64; cur = cur.parent === undefined ? undefined : index.byId.get(cur.parent)) {
    titles.push(cur.title);
  }
  return titles;
}

/** Edges whose endpoint is a subgraph stand for edges to every node inside it. */
function expandEdges(parsed: ParsedFlowchart, index: SubgraphIndex, vertexIds: ReadonlySet<string>): readonly ParsedEdge[] {
  const endpoints = (id: string): readonly string[] => index.byId.get(id)?.nodeIds ?? (vertexIds.has(id) ? [id] : []);
  const out: ParsedEdge[] = [];
  for (const edge of parsed.edges) {
    if (!index.byId.has(edge.from) && !index.byId.has(edge.to)) {
      if (vertexIds.has(edge.from) && vertexIds.has(edge.to)) out.push(edge);
      continue;
    }
    for (const from of endpoints(edge.from)) for (const to of endpoints(edge.to)) out.push({ ...edge, from, to });
  }
  return out;
}

interface Draft {
  readonly vertex: ParsedVertex;
  kind: NodeKind | undefined;
  readonly subgraph: string | undefined;
  readonly titles: readonly string[];
  readonly facts: VertexFacts;
  /** Edges with this vertex at either end (a self-loop once), in diagram order. */
  readonly touching: ParsedEdge[];
  /** Role implied by replication edges between databases, when the label states none. */
  roleHint: 'primary' | 'replica' | undefined;
  /** Set by the author's `%% sysdrill:` line: no reading by position changes it. */
  readonly setByAuthor: boolean;
}

/** Flags stated by an edge label, as a mask; labels repeat ("reads", "writes"), so each is read once. */
const edgeFlags = boundedMemo((label: string): number => flagMask(flagsIn(toWords(withoutNegated(label)))));

const STORE_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'cache', 'search', 'object_storage', 'queue', 'stream']);
const SERVING_KINDS: ReadonlySet<NodeKind> = new Set(['load_balancer', 'api_gateway', 'service', 'web_server']);
const scopes = new Map<NodeKind, number>();

/**
 * Which facts an edge's words may lend the nodes at its ends: what the edge describes. A
 * replication or failover note speaks of the stores (or balancer pair) it joins, a TTL or an
 * invalidation of the cache, a health check or session affinity of the balancer and its
 * servers; state kept in memory or statelessness is only ever said of a node by its own label.
 */
function edgeScope(kind: NodeKind): number {
  let scope = scopes.get(kind);
  if (scope === undefined) {
    const allowed = new Set<AnnotationFlag>(['delivery_guarantee', 'websocket', 'sse', 'long_polling', 'short_polling', 'logs', 'metrics', 'tracing']);
    if (STORE_KINDS.has(kind) || kind === 'load_balancer') for (const f of ['sync_replication', 'async_replication', 'failover', 'replica_lag', 'multi_az', 'multi_region'] as const) allowed.add(f);
    if (kind === 'cache' || kind === 'cdn') for (const f of ['ttl', 'invalidation'] as const) allowed.add(f);
    if (SERVING_KINDS.has(kind)) for (const f of ['health_check', 'sticky'] as const) allowed.add(f);
    scope = flagMask([...allowed]);
    scopes.set(kind, scope);
  }
  return scope;
}

/** Graph position, for nodes no label, class, shape or subgraph classified. */
function kindFromPosition(id: string, drafts: ReadonlyMap<string, Draft>, touching: readonly ParsedEdge[]): NodeKind {
  const kindOf = (other: string): NodeKind | undefined => drafts.get(other)?.kind;
  const visible = touching.filter((e) => e.stroke !== 'invisible');
  const incoming = visible.filter((e) => e.to === id);
  const outgoing = visible.filter((e) => e.from === id);
  const fromMessaging = incoming.some((e) => kindOf(e.from) === 'queue' || kindOf(e.from) === 'stream');
  const pullsMessaging = outgoing.some(
    (e) => (kindOf(e.to) === 'queue' || kindOf(e.to) === 'stream') && hasAny(toWords(e.label), CONSUME_WORDS),
  );
  if (fromMessaging || pullsMessaging) return 'worker';
  if (incoming.length === 0 && outgoing.some((e) => ENTRY_TARGETS.has(kindOf(e.to) ?? 'other'))) return 'client';
  if (incoming.some((e) => kindOf(e.from) === 'load_balancer' || kindOf(e.from) === 'api_gateway')) return 'service';
  // A plain box with an unknown name that takes part in the flow is a component doing the work.
  const plain = PLAIN_SHAPES.has(drafts.get(id)?.vertex.shape ?? '');
  // One nothing calls is a source of requests or data ("Seed URLs", "Event sources"), not a server.
  // One in front of the balancer or gateway (a waiting room, a WAF) is part of the edge, not a server behind it.
  const fronts = outgoing.some((e) => ENTRY_TIER.has(kindOf(e.to) ?? 'other'));
  if (plain && !fronts && incoming.some((e) => e.from !== e.to && kindOf(e.from) !== 'monitoring')) return 'service';
  return 'other';
}

const PLAIN_SHAPES: ReadonlySet<string> = new Set(['square', 'rect', 'default', 'round', 'rounded', 'stadium', 'hexagon', 'subroutine', 'fr-rect', 'proc', 'process']);

const ENTRY_TIER: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway']);
const WEAK_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'web_server', 'search', 'other']);
const ACTOR_SHAPES: ReadonlySet<string> = new Set(['stadium']);
const SERVER_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'web_server', 'worker']);
const BARE_APP = /^\W*(?:apps?|applications?)(?:\s*\d+)?\W*$/i;
const COMPUTE_TIER: ReadonlySet<NodeKind> = new Set([...ENTRY_TIER, 'service', 'web_server', 'worker', 'other']);

/**
 * A node nobody calls that calls DNS, a CDN, a balancer or a gateway is where requests start:
 * a client, whatever its label ("Rider and driver apps", "Search box"); so is an uncalled
 * stadium-shaped node that calls anything ("Client services with cache library"). Explicit
 * classes and named technologies are kept.
 */
function isEntryPoint(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>, touching: readonly ParsedEdge[]): boolean {
  if (draft.kind === undefined || draft.kind === 'client') return false;
  if (draft.facts.kindFromClass || draft.facts.techs.length > 0) return false;
  // Infrastructure named by its words (Kubernetes, a VPN, a firewall) runs or guards the system; it sends no requests.
  if (draft.facts.kind === 'other') return false;
  const visible = touching.filter((e) => e.stroke !== 'invisible');
  if (visible.some((e) => e.to === id && e.from !== id && !e.bidirectional)) return false;
  // A box named as a component with a two-way line to one of our servers ("WS1 <--> Asset
  // Service") is called by it as much as it calls. (An unnamed "Backoffice" there is still a client.)
  if (draft.facts.kind !== undefined && visible.some((e) => e.bidirectional && e.from !== e.to && SERVER_KINDS.has(drafts.get(e.from === id ? e.to : e.from)?.kind ?? 'other'))) return false;
  const calls = visible.filter((e) => e.from === id);
  // The stadium `([…])` is the usual way to draw the actor that starts requests.
  if (ACTOR_SHAPES.has(draft.vertex.shape) && calls.length > 0) return true;
  // So is a box called just "App" or "Application 2" that nothing calls and that calls our
  // servers: the app people use ("App → DB" stays the app server).
  if (BARE_APP.test(draft.vertex.label) && calls.some((e) => COMPUTE_TIER.has(drafts.get(e.to)?.kind ?? 'other'))) return true;
  // A person drawn in whatever shape ("👤 User" in a cylinder) who calls the front door is the user.
  if (!calls.some((e) => ENTRY_TIER.has(drafts.get(e.to)?.kind ?? 'other'))) return false;
  if (namesPerson(draft.vertex.label)) return true;
  // A service that also writes our own database or cache ("Rules config service" feeding the
  // gateways from its Postgres) is one of our components, not someone calling in.
  return WEAK_KINDS.has(draft.kind) && !calls.some((e) => OWN_DATA.has(drafts.get(e.to)?.kind ?? 'other'));
}

/** Stores only our own components reach (object storage is left out: clients upload to it directly). */
const OWN_DATA: ReadonlySet<NodeKind> = new Set(['database', 'cache']);

const OUR_SIDE: ReadonlySet<NodeKind> = new Set(['service', 'worker', 'web_server', 'api_gateway', 'load_balancer']);

/**
 * A "payment gateway" or "SMS gateway" is usually the provider we call out to; one the user's
 * requests reach first and that passes them on to our own services is our gateway in front of
 * them. Only a label ending in "gateway", with no named product, is read again this way.
 */
function isOurGateway(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'external' || draft.facts.kindFromClass || draft.facts.techs.length > 0) return false;
  const words = toWords(draft.vertex.label).trim().split(' ');
  if (!['gateway', 'gateways', 'gw'].includes(words[words.length - 1] ?? '')) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const kindOf = (other: string): NodeKind | undefined => drafts.get(other)?.kind;
  const calledByClient = visible.some((e) => e.to === id && kindOf(e.from) === 'client');
  const callsOurs = visible.some((e) => e.from === id && !e.bidirectional && OUR_SIDE.has(kindOf(e.to) ?? 'other'));
  return calledByClient && callsOurs;
}

/**
 * A party outside the system that the drawing only shows sending requests through our front door
 * (DNS, CDN, balancer, gateway) — a regulator, a partner bank — is a caller the system serves: a
 * client. Arrows into a service or a pipeline may be data drawn flowing from a third party we
 * call, so those stay external, as does one named by its product (Stripe).
 */
function isOutsideCaller(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'external' || draft.facts.kindFromClass || draft.facts.techs.length > 0) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const callsIn = (e: ParsedEdge): boolean => e.from === id && !e.bidirectional && ENTRY_TIER.has(drafts.get(e.to)?.kind ?? 'other');
  return visible.length > 0 && visible.every(callsIn);
}

const OUR_STORES: ReadonlySet<NodeKind> = new Set(['database', 'cache', 'object_storage']);

/**
 * Words can name a third party ("Bank API", "Card Schemes Service"), but a box our own users
 * call that is joined to our own database, cache or object store is our own API in front of it.
 * Third parties drawn feeding our stores (a data source in a pipeline) are not called by users,
 * and one named by its product stays the provider. Arrow directions are not read: a read may be
 * drawn from the store to its reader.
 */
function isOursByItsStores(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'external' || draft.facts.kindFromClass || draft.facts.techs.length > 0) return false;
  const neighbours = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible').map((e) => drafts.get(e.from === id ? e.to : e.from)?.kind ?? 'other');
  return neighbours.includes('client') && neighbours.some((kind) => OUR_STORES.has(kind));
}

/**
 * A front end the user calls that itself calls several of our services is the front-end server
 * composing their answers, not an app on the user's device.
 */
function isFanOutFrontEnd(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'client' || draft.facts.kindFromClass || draft.facts.techs.length > 0) return false;
  if (!hasAny(toWords(draft.vertex.label), FRONT_END_WORDS)) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const kindOf = (other: string): NodeKind | undefined => drafts.get(other)?.kind;
  const calledByClient = visible.some((e) => e.to === id && kindOf(e.from) === 'client');
  const services = new Set(visible.filter((e) => e.from === id && (kindOf(e.to) === 'service' || kindOf(e.to) === 'worker')).map((e) => e.to));
  return calledByClient && services.size >= FAN_OUT;
}

const FAN_OUT = 3;

const ALERT_WORDS: readonly string[] = ['alert', 'alerts', 'alerting', 'alarm', 'alarms', 'on call', 'pager'];

/**
 * A topic that carries alerts ("SNS · failure alert", or fed only by monitoring: "CloudWatch
 * -->|Alert| SNS") is the alerting channel of the monitoring, not a queue carrying the system's work.
 */
function isAlertChannel(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'queue' || draft.facts.kindFromClass) return false;
  if (hasAny(toWords(draft.vertex.label), ALERT_WORDS)) return true;
  const feeds = draft.touching.filter((e) => e.to === id && e.from !== id && e.stroke !== 'invisible');
  return feeds.length > 0 && feeds.every((e) => drafts.get(e.from)?.kind === 'monitoring');
}

const COPIES = /replicat|sync|fail ?over|standby|backup|mirror|copy|copies/i;
const CYLINDERS: ReadonlySet<string> = new Set(['cylinder', 'cyl', 'lin-cyl', 'h-cyl', 'das', 'disk', 'database', 'db']);

/**
 * A box named like a store ("ledger", "Orders store") but drawn as a plain box, that is joined to
 * a database drawn as a cylinder, is the service in front of that database, not a second store.
 */
function isStoreFront(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'database' || draft.facts.kindFromClass || draft.facts.techs.length > 0 || draft.facts.labelRole !== undefined) return false;
  if (!PLAIN_SHAPES.has(draft.vertex.shape)) return false;
  return draft.touching.some((e) => {
    const other = drafts.get(e.from === id ? e.to : e.from);
    // A primary drawn copying to its replica is two stores, whatever their shapes.
    return other !== undefined && other.kind === 'database' && CYLINDERS.has(other.vertex.shape) && e.from !== e.to && !COPIES.test(e.label);
  });
}

/** What names a front end; without a server word it is taken to run on the user's device. */
const SERVES_FRONT_ENDS: ReadonlySet<NodeKind> = new Set(['load_balancer', 'web_server']);

/**
 * A "Service" drawn handing requests only to pods ("Frontend Service --> Frontend Pod") is the
 * Kubernetes Service object: the cluster's balancer in front of its pods, not an application.
 */
function isClusterService(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'service' || draft.facts.kindFromClass || !namesClusterService(draft.vertex.label)) return false;
  const calls = draft.touching.filter((e) => e.from === id && e.to !== id && e.stroke !== 'invisible' && !e.bidirectional);
  return calls.length > 0 && calls.some((e) => namesPod(drafts.get(e.to)?.vertex.label ?? '')) && calls.every((e) => namesPod(drafts.get(e.to)?.vertex.label ?? '') || drafts.get(e.to)?.kind === 'load_balancer' || isClusterServiceLabel(drafts.get(e.to)));
}

const isClusterServiceLabel = (draft: Draft | undefined): boolean => draft !== undefined && draft.kind === 'service' && namesClusterService(draft.vertex.label);

/**
 * A front end read as the user's app is a server when the drawing serves it from behind the
 * balancer or reverse proxy ("Nginx --> Frontend") and never calls that proxy itself: clients are
 * never behind the system's own balancer. (A front end that calls the proxy and gets an arrow
 * back is drawn request and response.)
 */
function isServedFrontEnd(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'client' || draft.facts.kindFromClass) return false;
  const words = toWords(`${draft.vertex.label} ${draft.titles.join(' ')}`);
  if (!hasAny(words, FRONT_END_WORDS)) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const calls = new Set(visible.filter((e) => e.from === id).map((e) => e.to));
  return visible.some((e) => {
    if (e.to !== id || e.bidirectional || calls.has(e.from)) return false;
    const caller = drafts.get(e.from)?.kind;
    return caller !== undefined && SERVES_FRONT_ENDS.has(caller);
  });
}

const BARE_WEB_SERVER = /^\W*(?:nginx|caddy|apache|httpd)(?:\s+(?:web\s+)?server)?(?:\s*\d+)?\W*$/i;
const isBareWebServer = (draft: Draft | undefined): boolean => draft !== undefined && BARE_WEB_SERVER.test(draft.vertex.label);

/**
 * A bare "Nginx" (or Caddy, Apache) that a load balancer already sits in front of, and that hands
 * requests to one app server, is that server's web server ("HAProxy → Nginx → App"), not a
 * second balancer. One that spreads requests over several servers still balances.
 */
function isWebServerBehindBalancer(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'load_balancer' || draft.facts.kindFromClass || !isBareWebServer(draft)) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const downstream = new Set(visible.filter((e) => e.from === id && OUR_SIDE.has(drafts.get(e.to)?.kind ?? 'other')).map((e) => e.to));
  if (downstream.size > 1) return false;
  const seen = new Set([id]);
  let frontier = [id];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const e of drafts.get(at)?.touching ?? []) {
        if (e.to !== at || e.from === at || e.stroke === 'invisible' || seen.has(e.from)) continue;
        const caller = drafts.get(e.from);
        if (caller?.kind === 'load_balancer' && !isBareWebServer(caller)) return true;
        seen.add(e.from);
        next.push(e.from);
      }
    }
    frontier = next;
  }
  return false;
}

/** Job-queue libraries whose workers take their jobs from a Redis broker. */
const JOB_QUEUE_LIBRARIES: ReadonlySet<string> = new Set(['celery', 'sidekiq', 'bullmq']);
const JOB_WORDS: readonly string[] = ['enqueue', 'enqueues', 'enqueued', 'queue', 'queues', 'jobs', 'tasks', 'broker'];
const CACHE_WORDS: readonly string[] = ['cache', 'caching', 'cached', 'session', 'sessions'];

/**
 * A Redis that Celery, Sidekiq or BullMQ workers are drawn taking work from, or that edges name
 * as the job queue ("Enqueues tasks"), is those workers' broker: a queue. One whose own label
 * says cache or sessions keeps that role.
 */
function isJobBroker(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'cache' || draft.facts.kindFromClass || !draft.facts.techs.some((t) => t.name === 'redis')) return false;
  if (hasAny(toWords(draft.vertex.label), CACHE_WORDS)) return false;
  return draft.touching.some((e) => {
    if (e.from === e.to || e.stroke === 'invisible') return false;
    const other = drafts.get(e.from === id ? e.to : e.from);
    if (other?.facts.techs.some((t) => JOB_QUEUE_LIBRARIES.has(t.name)) === true) return true;
    return e.label !== '' && hasAny(toWords(e.label), JOB_WORDS);
  });
}

/**
 * A search index that only monitoring feeds and reads (Logstash → Elasticsearch → Kibana) is the
 * log index of an ELK stack: part of the monitoring, not a search the system's requests use.
 * (Databases and volumes behind a monitoring tool stay stores: they hold its data, they do not
 * make it.)
 */
function isLogIndex(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>): boolean {
  if (draft.kind !== 'search' || draft.facts.kindFromClass) return false;
  const visible = draft.touching.filter((e) => e.from !== e.to && e.stroke !== 'invisible');
  const isMonitoring = (other: string): boolean => drafts.get(other)?.kind === 'monitoring';
  return visible.some((e) => e.to === id && isMonitoring(e.from)) && visible.every((e) => isMonitoring(e.from === id ? e.to : e.from));
}

type PositionRule = (id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>) => boolean;

/** Kinds read again from where a node sits, in this order, once every node has a first kind. */
const RECLASSIFIED_BY_POSITION: ReadonlyArray<readonly [PositionRule, NodeKind]> = [
  [isClusterService, 'load_balancer'],
  [isWebServerBehindBalancer, 'web_server'],
  [isServedFrontEnd, 'web_server'],
  [isOurGateway, 'api_gateway'],
  [isOursByItsStores, 'service'],
  [isOutsideCaller, 'client'],
  [isFanOutFrontEnd, 'web_server'],
  [isAlertChannel, 'monitoring'],
  [isLogIndex, 'monitoring'],
  [isStoreFront, 'service'],
  [isJobBroker, 'queue'],
];

function freezeNode(draft: Draft, kind: NodeKind): ArchNode {
  const { vertex, titles, facts, touching, roleHint } = draft;
  let flagBits = facts.labelFlags;
  const scope = edgeScope(kind);
  for (const edge of touching) if (edge.label !== '') flagBits |= edgeFlags(edge.label) & scope;
  const flags = flagsOfMask(flagBits);
  const annotations: NodeAnnotations = Object.freeze(facts.shardKey === undefined ? { flags } : { shardKey: facts.shardKey, flags });
  const node: { -readonly [K in keyof DatabaseNode]?: DatabaseNode[K] } & Record<string, unknown> = {
    id: asNodeId(vertex.id),
    label: vertex.label,
    kind: kind as 'database',
    tech: facts.techNames,
    instances: facts.instances,
    redundantByDefault:
      isRedundantByDefault(facts.techs, kind) || isGenericObjectStore(vertex.label, facts.techs, kind) || isSaidManaged(vertex.label, facts.techs, kind) || runsOnManagedPlatform(titles, kind),
    subgraphTitles: titles,
    shape: vertex.shape,
    classes: vertex.classes,
    annotations,
  };
  if (draft.subgraph !== undefined) node.subgraph = draft.subgraph;
  if (facts.planned) node.planned = true;
  if (draft.setByAuthor) node.kindSetByAuthor = true;
  const alsoKinds = alsoKindsOf(vertex.label, kind);
  if (alsoKinds.length > 0) node.alsoKinds = alsoKinds;
  if (kind === 'database') node.dataModel = facts.dataModel;
  if (ROLE_KINDS.has(kind)) {
    const role = facts.labelRole ?? roleHint;
    if (role !== undefined) node.role = role;
  }
  return Object.freeze(node) as ArchNode;
}

/** Stores drawn as a primary and its replicas: "Orders DB primary", "Redis replica". */
const ROLE_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'cache']);

function isRedundantByDefault(techs: readonly TechEntry[], kind: NodeKind): boolean {
  return techs.some((t) => t.redundantByDefault && (t.kind === kind || !COMPUTE_KINDS.has(kind))) || kind === 'cdn' || kind === 'dns';
}

const OBJECT_STORE_WORDS = /\b(?:object[\s-]?(?:storage|stores?)|blob[\s-]?(?:storage|stores?)|blobs|buckets?)\b/i;

/**
 * "Object storage", "Blob storage", "Media bucket" with no product named: read as the managed
 * object store every candidate means (S3, GCS, Azure Blob), not as one self-run disk. A product
 * named (MinIO, Ceph) or a file system keeps its own reading.
 */
function isGenericObjectStore(label: string, techs: readonly TechEntry[], kind: NodeKind): boolean {
  return kind === 'object_storage' && techs.length === 0 && OBJECT_STORE_WORDS.test(label);
}

/** "managed", "fully managed", "serverless" — not "self-managed" or "unmanaged". */
const MANAGED_WORDS = /(?<![\w-])(?<!self[\s-])(?:fully[\s-])?managed\b|\bserverless\b/i;

/** Kinds whose managed offerings are spread over zones by construction (a managed database may still be one instance). */
const MANAGED_BY_DESIGN: ReadonlySet<NodeKind> = new Set(['load_balancer', 'api_gateway', 'queue', 'stream', 'object_storage']);

/** "Load balancer · managed", "Managed queue": the cloud's own, with no product named to say otherwise. */
function isSaidManaged(label: string, techs: readonly TechEntry[], kind: NodeKind): boolean {
  return MANAGED_BY_DESIGN.has(kind) && techs.length === 0 && MANAGED_WORDS.test(withoutNegated(label));
}

const PLATFORM_RUN: ReadonlySet<NodeKind> = new Set(['service', 'worker', 'web_server']);
const MESSAGING: ReadonlySet<NodeKind> = new Set(['queue', 'stream']);

/** Whether a box of `kind` is one of what a product of `productKind` runs or holds. */
const runsKind = (productKind: NodeKind, kind: NodeKind): boolean =>
  productKind === kind || (PLATFORM_RUN.has(productKind) && PLATFORM_RUN.has(kind)) || (MESSAGING.has(productKind) && MESSAGING.has(kind));

/**
 * Boxes drawn inside a group titled by the managed platform or the cluster that runs them
 * ("Cloud Functions (2nd Gen)", "Cloud Run", "AWS Lambda"; topics in a "Kafka" group, tables in a
 * "DynamoDB" group): the platform keeps their copies, as it would if each label named it,
 * whatever framework the box names (FastAPI, Express).
 */
function runsOnManagedPlatform(titles: readonly string[], kind: NodeKind): boolean {
  return titles.some((title) => platformsNamedBy(title).some((t) => runsKind(t.kind, kind)));
}

/** The managed platforms and clusters a group title names; read once per title, not once per box in it. */
const platformsNamedBy = boundedMemo((title: string): readonly TechEntry[] => techsIn(toWords(title)).filter((t) => t.availability !== 'single' && !t.vendor));

/** Everything the graph answers about one node, found with a single lookup. */
interface NodeEntry {
  readonly node: ArchNode;
  readonly matchWords: Words;
  readonly outgoing: ArchEdge[];
  readonly incoming: ArchEdge[];
  /** Visible edges touching the node, in diagram order (a self-loop once). */
  readonly touching: ArchEdge[];
  neighbours: readonly ArchNode[] | undefined;
}

const NO_EDGES: readonly never[] = Object.freeze([]);

/** The other ends of a node's visible edges, each once, in the order the edges are drawn. */
function neighboursOf(entry: NodeEntry, entries: ReadonlyMap<string, NodeEntry>): readonly ArchNode[] {
  const seen = new Set<ArchNode>();
  for (const edge of entry.touching) {
    const other = entries.get(edge.from === entry.node.id ? edge.to : edge.from)?.node;
    if (other !== undefined && other !== entry.node) seen.add(other);
  }
  return Object.freeze([...seen]);
}

function makeGraph(nodes: readonly ArchNode[], edges: readonly ArchEdge[], subgraphs: readonly ArchSubgraph[], matchWords: readonly Words[]): ArchitectureGraph {
  const entries = new Map<string, NodeEntry>();
  const byKind = new Map<NodeKind, ArchNode[]>();
  nodes.forEach((node, i) => {
    entries.set(node.id, { node, matchWords: matchWords[i] as Words, outgoing: [], incoming: [], touching: [], neighbours: undefined });
    for (const kind of [node.kind, ...(node.alsoKinds ?? [])]) {
      const sameKind = byKind.get(kind);
      if (sameKind === undefined) byKind.set(kind, [node]);
      else sameKind.push(node);
    }
  });
  for (const edge of edges) {
    if (edge.style === 'invisible') continue;
    const from = entries.get(edge.from);
    const to = entries.get(edge.to);
    from?.outgoing.push(edge);
    to?.incoming.push(edge);
    from?.touching.push(edge);
    if (to !== from) to?.touching.push(edge);
  }
  const empty: readonly never[] = NO_EDGES;
  return Object.freeze({
    nodes,
    edges,
    subgraphs,
    node: (id: string) => entries.get(id)?.node,
    outgoing: (id: string) => entries.get(id)?.outgoing ?? empty,
    incoming: (id: string) => entries.get(id)?.incoming ?? empty,
    neighbours: (id: string) => {
      const entry = entries.get(id);
      if (entry === undefined) return empty;
      entry.neighbours ??= neighboursOf(entry, entries);
      return entry.neighbours;
    },
    ofKind: (...kinds: readonly NodeKind[]) => (kinds.length === 1 ? (byKind.get(kinds[0] as NodeKind) ?? empty) : [...new Set(kinds.flatMap((k) => byKind.get(k) ?? []))]),
    matchWords: (node: ArchNode) => {
      const entry = entries.get(node.id);
      return entry?.node === node ? entry.matchWords : toWords(`${node.label} ${node.id}`);
    },
  });
}

/**
 * The same graph with every edge touching `cut` removed: those nodes keep their kind and place but
 * carry no request (a failure drill). Nothing is reclassified, unlike rebuilding from the diagram.
 */
export function withNodesCut(graph: ArchitectureGraph, cut: ReadonlySet<string>): ArchitectureGraph {
  const edges = graph.edges.filter((e) => !cut.has(e.from) && !cut.has(e.to));
  return makeGraph(graph.nodes, Object.freeze(edges), graph.subgraphs, graph.nodes.map((n) => graph.matchWords(n)));
}

/** Builds the typed, frozen architecture graph from parsed flowchart data. */
export function buildArchitecture(parsed: ParsedFlowchart): ArchitectureGraph {
  const vertexIds = new Set(parsed.vertices.map((v) => v.id));
  const index = indexSubgraphs(parsed, vertexIds);
  const edges = expandEdges(parsed, index, vertexIds);
  const drafts = draftsOf(parsed, index, edges);
  // expandEdges keeps only edges between vertices, so both ends always have a draft.
  const froms = edges.map((edge) => drafts.get(edge.from) as Draft);
  const tos = edges.map((edge) => drafts.get(edge.to) as Draft);
  edges.forEach((edge, i) => {
    const from = froms[i] as Draft;
    const to = tos[i] as Draft;
    from.touching.push(edge);
    if (to !== from) to.touching.push(edge);
  });
  // Each draft is keyed by its vertex id.
  const all = [...drafts.values()];
  const unread = all.filter((draft) => draft.kind === undefined);
  const groups = unread.length === 0 ? undefined : kindsByGroup(drafts);
  for (const draft of unread) draft.kind = (groups === undefined ? undefined : groupKind(draft, groups)) ?? kindFromPosition(draft.vertex.id, drafts, draft.touching);
  const readable = all.filter((draft) => !draft.setByAuthor);
  for (const draft of readable) {
    if (isEntryPoint(draft.vertex.id, draft, drafts, draft.touching)) draft.kind = 'client';
  }
  // Each pass reads the kinds the passes before it settled; within a pass, all see the same kinds.
  for (const [applies, kind] of RECLASSIFIED_BY_POSITION) {
    const matched = readable.filter((draft) => applies(draft.vertex.id, draft, drafts));
    for (const draft of matched) draft.kind = kind;
  }
  const archEdges = edges.map((edge, i) => {
    const from = froms[i] as Draft;
    const to = tos[i] as Draft;
    const archEdge = archEdgeOf(edge, from.kind ?? 'other', to.kind ?? 'other');
    if (archEdge.meaning === 'replication' && from.kind === 'database' && to.kind === 'database') {
      from.roleHint ??= 'primary';
      to.roleHint = 'replica';
    }
    return archEdge;
  });
  const nodes: ArchNode[] = [];
  const matchWords: Words[] = [];
  for (const draft of all) {
    nodes.push(freezeNode(draft, draft.kind ?? 'other'));
    matchWords.push(draft.facts.matchWords);
  }
  return makeGraph(Object.freeze(nodes), Object.freeze(archEdges), index.subgraphs, matchWords);
}

const isWired = (draft: Draft): boolean => draft.touching.some((e) => e.stroke !== 'invisible');

/**
 * Per group (subgraph), how many connected members their own words, shape or class read as each
 * kind. (A stray box must not change how the others are read.)
 */
function kindsByGroup(drafts: ReadonlyMap<string, Draft>): ReadonlyMap<string, ReadonlyMap<NodeKind, number>> {
  const groups = new Map<string, Map<NodeKind, number>>();
  for (const draft of drafts.values()) {
    const kind = draft.setByAuthor ? draft.kind : draft.facts.kind;
    if (draft.subgraph === undefined || kind === undefined || !isWired(draft)) continue;
    let counts = groups.get(draft.subgraph);
    if (counts === undefined) groups.set(draft.subgraph, (counts = new Map()));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return groups;
}

/**
 * The kind two thirds or more of the box's group were read as from their own words (an unnamed
 * box among databases is one of them); `undefined` when fewer than two were read or they differ.
 */
function groupKind(draft: Draft, groups: ReadonlyMap<string, ReadonlyMap<NodeKind, number>>): NodeKind | undefined {
  const counts = draft.subgraph === undefined ? undefined : groups.get(draft.subgraph);
  if (counts === undefined) return undefined;
  let read = 0;
  for (const n of counts.values()) read += n;
  if (read < 2) return undefined;
  for (const [kind, n] of counts) if (n * 3 >= read * 2 && kind !== 'other' && kind !== 'client') return kind;
  return undefined;
}

function draftsOf(parsed: ParsedFlowchart, index: SubgraphIndex, edges: readonly ParsedEdge[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const titlesBySubgraph = new Map<string | undefined, readonly string[]>();
  // Read from the connected boxes only: a stray box must not change how the drawing's shapes are read.
  let wired: ReadonlySet<string> | undefined;
  const isConnected = (vertex: { readonly id: string }): boolean => (wired ??= new Set(edges.filter((e) => e.stroke !== 'invisible').flatMap((e) => [e.from, e.to]))).has(vertex.id);
  const decoration = storeShapesAreDecoration(parsed.vertices, isConnected);
  for (const vertex of parsed.vertices) {
    const subgraph = index.innermost.get(vertex.id);
    let titles = titlesBySubgraph.get(subgraph);
    if (titles === undefined) {
      titles = Object.freeze(titlesOf(subgraph, index));
      titlesBySubgraph.set(subgraph, titles);
    }
    const facts = vertexFacts(decoration && isStoreShape(vertex.shape) ? { ...vertex, shape: 'default' } : vertex, titles);
    const setKind = parsed.kindOverrides?.[vertex.id];
    drafts.set(vertex.id, { vertex, kind: setKind ?? facts.kind, subgraph, titles, facts, touching: [], roleHint: undefined, setByAuthor: setKind !== undefined });
  }
  return drafts;
}

function archEdgeOf(edge: ParsedEdge, fromKind: NodeKind, toKind: NodeKind): ArchEdge {
  const style = edgeStyleOf(edge.stroke);
  const meaning = edgeMeaningOf(edge.label, fromKind, toKind, style);
  const from = asNodeId(edge.from);
  const to = asNodeId(edge.to);
  const directed = edge.bidirectional || edge.arrow !== 'open';
  const archEdge: ArchEdge =
    edge.label === ''
      ? { from, to, style, bidirectional: edge.bidirectional, directed, meaning }
      : { from, to, label: edge.label, style, bidirectional: edge.bidirectional, directed, meaning };
  return Object.freeze(archEdge);
}

/** An architecture graph as plain data: what crosses a worker boundary (the graph's lookups are functions). */
export interface ArchitectureData {
  readonly nodes: readonly ArchNode[];
  readonly edges: readonly ArchEdge[];
  readonly subgraphs: readonly ArchSubgraph[];
  readonly matchWords: readonly Words[];
}

export function architectureData(graph: ArchitectureGraph): ArchitectureData {
  return { nodes: graph.nodes, edges: graph.edges, subgraphs: graph.subgraphs, matchWords: graph.nodes.map((node) => graph.matchWords(node)) };
}

/** The graph again from its data (indexing only: nothing is classified twice). */
export function architectureFromData(data: ArchitectureData): ArchitectureGraph {
  return makeGraph(data.nodes, data.edges, data.subgraphs, data.matchWords);
}
