import type { NodeKind } from '../vocabulary';
import type { ParsedEdge, ParsedFlowchart, ParsedVertex } from '../parse/types';
import { FLAG_ORDER, flagsIn, shardKeyIn } from './annotations';
import { classifyKind, dataModelOf, kindFromClasses, roleOf } from './classify';
import { edgeMeaningOf, edgeStyleOf } from './edges';
import { instancesOf } from './instances';
import { techsIn, type TechEntry } from './tech';
import { hasAny, toWords } from './text';
import {
  asNodeId,
  type AnnotationFlag,
  type ArchEdge,
  type ArchNode,
  type ArchSubgraph,
  type ArchitectureGraph,
  type DatabaseNode,
  type NodeAnnotations,
  type Instances,
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

function indexSubgraphs(parsed: ParsedFlowchart): SubgraphIndex {
  const byParsedId = new Map(parsed.subgraphs.map((s) => [s.id, s]));
  const depth = (id: string): number => {
    let d = 0;
    for (let cur = byParsedId.get(id); cur?.parent !== undefined && d < 64; cur = byParsedId.get(cur.parent)) d++;
    return d;
  };
  const vertexIds = new Set(parsed.vertices.map((v) => v.id));
  const innermost = new Map<string, string>();
  for (const sub of parsed.subgraphs) {
    for (const member of sub.nodeIds) {
      if (!vertexIds.has(member)) continue;
      const current = innermost.get(member);
      if (current === undefined || depth(sub.id) > depth(current)) innermost.set(member, sub.id);
    }
  }
  const allMembers = (id: string, seen: Set<string>): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const sub = byParsedId.get(id);
    if (!sub) return [];
    return sub.nodeIds.flatMap((m) => (byParsedId.has(m) ? allMembers(m, seen) : vertexIds.has(m) ? [m] : []));
  };
  const subgraphs = parsed.subgraphs.map(
    (s): ArchSubgraph =>
      Object.freeze({
        id: s.id,
        title: s.title,
        ...(s.parent === undefined ? {} : { parent: s.parent }),
        nodeIds: Object.freeze([...new Set(allMembers(s.id, new Set()))].map(asNodeId)),
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
function expandEdges(parsed: ParsedFlowchart, index: SubgraphIndex): readonly ParsedEdge[] {
  const vertexIds = new Set(parsed.vertices.map((v) => v.id));
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
  readonly techs: readonly TechEntry[];
}

/** Flags stated by an edge label; labels repeat ("reads", "writes"), so each is read once per build. */
function edgeFlags(label: string, memo: Map<string, readonly AnnotationFlag[]>): readonly AnnotationFlag[] {
  let flags = memo.get(label);
  if (flags === undefined) {
    flags = label === '' ? [] : flagsIn(toWords(label));
    memo.set(label, flags);
  }
  return flags;
}

function instancesFor(vertex: ParsedVertex, titles: readonly string[]): Instances {
  const own = instancesOf(vertex.label, vertex.shape);
  if (own !== 1) return own;
  const title = titles[0];
  return title === undefined ? 1 : instancesOf(title, 'default');
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
  return 'other';
}

const ENTRY_TIER: ReadonlySet<NodeKind> = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway']);
const WEAK_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'web_server', 'search', 'other']);
const ACTOR_SHAPES: ReadonlySet<string> = new Set(['stadium']);

/**
 * A node nobody calls that calls DNS, a CDN, a balancer or a gateway is where requests start:
 * a client, whatever its label ("Rider and driver apps", "Search box"); so is an uncalled
 * stadium-shaped node that calls anything ("Client services with cache library"). Explicit
 * classes and named technologies are kept.
 */
function isEntryPoint(id: string, draft: Draft, drafts: ReadonlyMap<string, Draft>, touching: readonly ParsedEdge[]): boolean {
  if (draft.kind === undefined || draft.kind === 'client') return false;
  if (kindFromClasses(draft.vertex.classes) !== undefined || draft.techs.length > 0) return false;
  const visible = touching.filter((e) => e.stroke !== 'invisible');
  if (visible.some((e) => e.to === id && e.from !== id && !e.bidirectional)) return false;
  const calls = visible.filter((e) => e.from === id);
  // The stadium `([…])` is the usual way to draw the actor that starts requests.
  if (ACTOR_SHAPES.has(draft.vertex.shape) && calls.length > 0) return true;
  return WEAK_KINDS.has(draft.kind) && calls.some((e) => ENTRY_TIER.has(drafts.get(e.to)?.kind ?? 'other'));
}

function uniqueNames(techs: readonly TechEntry[]): string[] {
  const names: string[] = [];
  for (const t of techs) if (!names.includes(t.name)) names.push(t.name);
  return names;
}

function freezeNode(
  draft: Draft,
  kind: NodeKind,
  touching: readonly ParsedEdge[],
  roleHint: 'primary' | 'replica' | undefined,
  edgeFlagMemo: Map<string, readonly AnnotationFlag[]>,
): ArchNode {
  const { vertex, titles, techs } = draft;
  const flagSet = new Set<AnnotationFlag>(flagsIn(toWords(vertex.label)));
  for (const edge of touching) for (const flag of edgeFlags(edge.label, edgeFlagMemo)) flagSet.add(flag);
  const flags = FLAG_ORDER.filter((f) => flagSet.has(f));
  const shardKey = shardKeyIn(vertex.label) ?? (titles[0] === undefined ? undefined : shardKeyIn(titles[0]));
  const annotations: NodeAnnotations = Object.freeze(shardKey === undefined ? { flags: Object.freeze(flags) } : { shardKey, flags: Object.freeze(flags) });
  const node: { -readonly [K in keyof DatabaseNode]?: DatabaseNode[K] } & Record<string, unknown> = {
    id: asNodeId(vertex.id),
    label: vertex.label,
    kind: kind as 'database',
    tech: Object.freeze(uniqueNames(techs)),
    instances: instancesFor(vertex, titles),
    redundantByDefault:
      techs.some((t) => t.redundantByDefault && (t.kind === kind || !COMPUTE_KINDS.has(kind))) || kind === 'cdn' || kind === 'dns',
    subgraphTitles: titles,
    shape: vertex.shape,
    classes: vertex.classes,
    annotations,
  };
  if (draft.subgraph !== undefined) node.subgraph = draft.subgraph;
  if (kind === 'database') {
    node.dataModel = dataModelOf(vertex.label, vertex.classes, techs);
    const role = roleOf(vertex.label, vertex.classes) ?? roleHint;
    if (role !== undefined) node.role = role;
  }
  return Object.freeze(node) as ArchNode;
}

function makeGraph(nodes: readonly ArchNode[], edges: readonly ArchEdge[], subgraphs: readonly ArchSubgraph[]): ArchitectureGraph {
  const byId = new Map<string, ArchNode>(nodes.map((n) => [n.id, n]));
  const out = new Map<string, ArchEdge[]>();
  const inc = new Map<string, ArchEdge[]>();
  const near = new Map<string, Set<ArchNode>>();
  for (const edge of edges) {
    if (edge.style === 'invisible') continue;
    (out.get(edge.from) ?? out.set(edge.from, []).get(edge.from))?.push(edge);
    (inc.get(edge.to) ?? inc.set(edge.to, []).get(edge.to))?.push(edge);
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (a && b && a !== b) {
      (near.get(a.id) ?? near.set(a.id, new Set()).get(a.id))?.add(b);
      (near.get(b.id) ?? near.set(b.id, new Set()).get(b.id))?.add(a);
    }
  }
  const byKind = new Map<NodeKind, ArchNode[]>();
  for (const node of nodes) (byKind.get(node.kind) ?? byKind.set(node.kind, []).get(node.kind))?.push(node);
  const neighbourLists = new Map([...near].map(([id, set]) => [id, Object.freeze([...set])]));
  const empty: readonly never[] = Object.freeze([]);
  return Object.freeze({
    nodes,
    edges,
    subgraphs,
    node: (id: string) => byId.get(id),
    outgoing: (id: string) => out.get(id) ?? empty,
    incoming: (id: string) => inc.get(id) ?? empty,
    neighbours: (id: string) => neighbourLists.get(id) ?? empty,
    ofKind: (...kinds: readonly NodeKind[]) => (kinds.length === 1 ? (byKind.get(kinds[0] as NodeKind) ?? empty) : kinds.flatMap((k) => byKind.get(k) ?? [])),
  });
}

/** Builds the typed, frozen architecture graph from parsed flowchart data. */
export function buildArchitecture(parsed: ParsedFlowchart): ArchitectureGraph {
  const index = indexSubgraphs(parsed);
  const edges = expandEdges(parsed, index);
  const drafts = new Map<string, Draft>();
  for (const vertex of parsed.vertices) {
    const subgraph = index.innermost.get(vertex.id);
    const titles = Object.freeze(titlesOf(subgraph, index));
    const techs = techsIn(toWords(vertex.label));
    const kind = classifyKind({ label: vertex.label, shape: vertex.shape, classes: vertex.classes, techs, subgraphTitles: titles });
    drafts.set(vertex.id, { vertex, kind, subgraph, titles, techs });
  }
  const touching = new Map<string, ParsedEdge[]>();
  for (const edge of edges) {
    (touching.get(edge.from) ?? touching.set(edge.from, []).get(edge.from))?.push(edge);
    if (edge.to !== edge.from) (touching.get(edge.to) ?? touching.set(edge.to, []).get(edge.to))?.push(edge);
  }
  for (const [id, draft] of drafts) {
    if (draft.kind === undefined) draft.kind = kindFromPosition(id, drafts, touching.get(id) ?? []);
  }
  for (const [id, draft] of drafts) {
    if (isEntryPoint(id, draft, drafts, touching.get(id) ?? [])) draft.kind = 'client';
  }
  const kindOf = (id: string): NodeKind => drafts.get(id)?.kind ?? 'other';
  const archEdges: ArchEdge[] = edges.map((edge) => {
    const style = edgeStyleOf(edge.stroke);
    const meaning = edgeMeaningOf(edge.label, kindOf(edge.from), kindOf(edge.to), style);
    const from = asNodeId(edge.from);
    const to = asNodeId(edge.to);
    const archEdge: ArchEdge =
      edge.label === ''
        ? { from, to, style, bidirectional: edge.bidirectional, meaning }
        : { from, to, label: edge.label, style, bidirectional: edge.bidirectional, meaning };
    return Object.freeze(archEdge);
  });
  const roleHints = new Map<string, 'primary' | 'replica'>();
  for (const edge of archEdges) {
    if (edge.meaning !== 'replication' || kindOf(edge.from) !== 'database' || kindOf(edge.to) !== 'database') continue;
    if (!roleHints.has(edge.from)) roleHints.set(edge.from, 'primary');
    roleHints.set(edge.to, 'replica');
  }
  const edgeFlagMemo = new Map<string, readonly AnnotationFlag[]>();
  const nodes = [...drafts.values()].map((draft) =>
    freezeNode(draft, draft.kind ?? 'other', touching.get(draft.vertex.id) ?? [], roleHints.get(draft.vertex.id), edgeFlagMemo),
  );
  return makeGraph(Object.freeze(nodes), Object.freeze(archEdges), index.subgraphs);
}

