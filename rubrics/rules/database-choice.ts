import { heldStores, namesDerivedCopy, stepTest } from '../coverage/match';
import { techNamed } from '../model/tech';
import type { ArchNode, ArchitectureGraph } from '../model/types';
import type { Entity, GradingParams } from '../params';
import type { DataModel } from '../vocabulary';
import { callsItselfACache, finding, matching, named, namedList } from './finding';
import { bySquashedKey, squashKey } from './shardKeys';
import type { Finding, Rule } from './types';

const RULE = 'database-choice';
const MODEL_NAMES: Readonly<Record<DataModel, string>> = {
  relational: 'relational (SQL)',
  document: 'document',
  wide_column: 'wide-column',
  key_value: 'key-value',
  graph: 'graph',
  time_series: 'time-series',
  search: 'search index',
  vector: 'vector',
  unknown: 'unknown',
};

/** A technology of each model, for a label the grader reads as that model (in place of a placeholder). */
const MODEL_EXAMPLES: Readonly<Record<DataModel, string>> = {
  relational: 'Postgres',
  document: 'MongoDB',
  wide_column: 'Cassandra',
  key_value: 'DynamoDB',
  graph: 'Neo4j',
  time_series: 'TimescaleDB',
  search: 'Elasticsearch',
  vector: 'pgvector',
  unknown: 'Postgres',
};

/** Data models built for one kind of data (unlike a relational or key-value store, which hold anything). */
const SPECIALISED: ReadonlySet<DataModel> = new Set(['search', 'vector', 'time_series', 'graph']);

/** Coordination services are small consistent key-value stores (a shard map, membership, config). */
const COORDINATION: ReadonlySet<string> = new Set(['etcd', 'zookeeper', 'consul']);

/** A coordination service named for an entity keeps it ("Membership & ring · etcd"). */
const isCoordination = (n: ArchNode): boolean => n.kind === 'service' && n.tech.some((t) => COORDINATION.has(t));

/** Nodes that keep data an entity may live in (replicas follow their primary). */
const isStore = (n: ArchNode): boolean =>
  (n.kind === 'database' && n.role !== 'replica') || n.kind === 'search' || n.kind === 'cache';

/** The data model a store offers: declared for databases; search indexes, caches and object stores (a blob per key) by nature. */
function modelOf(n: ArchNode): DataModel {
  if (n.kind === 'database') return n.dataModel;
  if (n.kind === 'search') return 'search';
  return 'key_value';
}

/** Every model a store serves: its own, and what its product also keeps (DynamoDB documents). */
function modelsOf(n: ArchNode): readonly DataModel[] {
  const also = n.kind === 'database' ? n.tech.flatMap((name) => techNamed(name)?.alsoModels ?? []) : [];
  return [modelOf(n), ...also];
}

/** An object store holds an entity only when its label names it ("Snapshots · S3"): media buckets hold no rows. */
const isObjectStore = (n: ArchNode): boolean => n.kind === 'object_storage';

/** A log or queue named for an entity ("Operation log · Kafka") carries it but is not a store it is queried from. */
const isMessaging = (n: ArchNode): boolean => n.kind === 'stream' || n.kind === 'queue';

/**
 * Where an entity lives: the stores whose label names it, else the stores next to the service
 * named for it, else — when the diagram has a single store and nothing names the entity — that
 * store (a lone `DB` box holds everything).
 */
function storesFor(entity: Entity, graph: ArchitectureGraph, entities: readonly Entity[]): readonly ArchNode[] {
  const stores = graph.nodes.filter(isStore);
  const direct = matching(graph, [...stores, ...graph.nodes.filter(isObjectStore), ...graph.nodes.filter(isCoordination)], entity.match);
  if (direct.length > 0) return direct;
  // An entity only a specialised store fits lives in that store, whatever its label says:
  // "Elasticsearch cluster" is the search index.
  if (entity.accept.every((model) => SPECIALISED.has(model))) {
    const fitting = stores.filter((n) => entity.accept.includes(modelOf(n)));
    if (fitting.length > 0) return fitting;
  }
  const owners = matching(graph, graph.ofKind('service', 'worker', 'web_server'), entity.match);
  // A store named for another entity ("Accounts and quotas") holds that one, whoever calls it.
  const namedForOther = (n: ArchNode): boolean => entities.some((other) => other !== entity && matching(graph, [n], other.match).length > 0);
  const owned = owners.flatMap((svc) => graph.neighbours(svc.id).filter((n) => isStore(n) && n.kind !== 'cache' && !namedForOther(n)));
  if (owned.length > 0) return [...new Set(owned)];
  return stores.length === 1 && matching(graph, graph.nodes, entity.match).length === 0 ? stores : [];
}

/**
 * A relational store where the prompt asks for a NoSQL model for scale, but sharded on one of
 * the prompt's good keys: the workload is served, by running the shards oneself.
 */
function isShardedForScale(store: ArchNode, model: DataModel, entity: Entity, params: GradingParams): boolean {
  const key = store.annotations.shardKey;
  if (model !== 'relational' || key === undefined || entity.accept.includes('relational')) return false;
  return bySquashedKey(params.rubric.sharding.goodKeys).has(squashKey(key));
}

/**
 * Stores whose data model a capability already reports: the prompt asks a step to keep some data
 * (`holds`) in a store of given models, and the store the design names for it is of another
 * ("Ledger · Cassandra" for a relational ledger). One cause, one finding: the capability's.
 */
function reportedByCapabilities(graph: ArchitectureGraph, params: GradingParams): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const step of params.rubric.capabilities.flatMap((c) => c.chain)) {
    const models: readonly string[] | undefined = step.dataModel;
    if (step.holds === undefined || models === undefined) continue;
    // The capability names these stores only when nothing in the diagram meets its step.
    if (graph.nodes.some(stepTest(step, graph))) continue;
    for (const id of heldStores(step, graph, true)) {
      const node = graph.node(id);
      if (node !== undefined && !(node.kind === 'database' && models.includes(node.dataModel))) ids.add(id);
    }
  }
  return ids;
}

/**
 * Data the prompt keeps relational (money, orders, trips), part of it named in another kind of
 * store beside the relational one ("Payments · DynamoDB" next to "Orders · Postgres"): one
 * transaction no longer covers it. Copies kept for reads ("Order history") are not the data.
 */
function splitFromRelational(entity: Entity, others: readonly ArchNode[], graph: ArchitectureGraph): Finding[] {
  if (entity.accept.some((m) => m !== 'relational')) return [];
  const split = matching(graph, others, entity.match).filter((n) => n.kind === 'database' && n.dataModel !== 'unknown' && !namesDerivedCopy(graph.matchWords(n)));
  return split.map((store) =>
    finding(RULE, 'major', [store.id], 'sql-vs-nosql', {
      message: `${named(store)} keeps part of ${entity.name} in a ${MODEL_NAMES[modelOf(store)]} store, apart from the relational one.`,
      why: `${entity.reason} Split across two stores, one transaction no longer covers it.`,
      fix: `Keep ${entity.name} in the relational store, or say what ${named(store)} holds that needs no transaction with it.`,
    }),
  );
}

export const databaseChoice: Rule = (graph, params) => {
  const findings: Finding[] = [];
  if (params.entities.length === 0) {
    const unknown = graph.nodes.filter((n) => n.kind === 'database' && n.role !== 'replica' && n.dataModel === 'unknown');
    if (unknown.length > 0) {
      findings.push(
        finding(RULE, 'info', unknown.map((n) => n.id), 'sql-vs-nosql', {
          message: `Name the database technology or data model of ${namedList(unknown)}.`,
          why: 'The choice between relational, document, wide-column or key-value storage drives consistency, query flexibility and how the data scales.',
          fix: 'Put the technology in the label, e.g. `DB[(Orders DB · Postgres)]`.',
        }),
      );
    }
    return findings;
  }
  const reported = reportedByCapabilities(graph, params);
  // A store named for two entities the prompt keeps relational ("Ledger and balances · DynamoDB") is one split, one finding.
  const split = new Set<string>();
  for (const entity of params.entities) {
    const stores = storesFor(entity, graph, params.entities);
    const accepted = entity.accept.map((m) => MODEL_NAMES[m]).join(' or ');
    if (stores.length === 0) {
      const carriers = matching(graph, graph.nodes.filter(isMessaging), entity.match);
      findings.push(
        finding(RULE, 'info', carriers.map((n) => n.id), 'sql-vs-nosql', {
          message:
            carriers.length > 0
              ? `${namedList(carriers)} carries ${entity.name} as a ${carriers[0]?.kind === 'queue' ? 'queue' : 'stream'}, but no database is labelled to keep it.`
              : `No store is labelled for ${entity.name}.`,
          why: entity.reason,
          fix: `Name where ${entity.name} is kept, e.g. \`${entity.id.replace(/[^\w]/g, '_')}DB[(${entity.name} · ${MODEL_EXAMPLES[entity.accept[0] ?? 'unknown']})]\`; a ${accepted} store fits.`,
        }),
      );
      continue;
    }
    // Where other stores keep the entity, a cache that says it is one ("Seat map cache") holds a
    // copy: it neither fits the entity nor is the mistake.
    const kept = stores.filter((n) => !callsItselfACache(n, graph));
    const keepers = kept.length > 0 ? kept : stores;
    const fits = (s: ArchNode): boolean => modelsOf(s).some((model) => entity.accept.includes(model));
    if (keepers.some(fits)) {
      for (const f of splitFromRelational(entity, keepers.filter((s) => !fits(s) && !reported.has(s.id) && !split.has(s.id)), graph)) {
        f.nodes.forEach((id) => split.add(id));
        findings.push(f);
      }
      continue;
    }
    // A cache in front of the wrong store is not itself the mistake: report the durable stores.
    const durable = keepers.filter((n) => n.kind !== 'cache');
    for (const store of durable.length > 0 ? durable : keepers) {
      if (reported.has(store.id)) continue;
      const model = modelOf(store);
      if (model === 'unknown') {
        findings.push(
          finding(RULE, 'minor', [store.id], 'sql-vs-nosql', {
            message: `${named(store)} stores ${entity.name} but does not say which kind of database it is.`,
            why: entity.reason,
            fix: `Name the technology or data model in the label; a ${accepted} store fits ${entity.name}.`,
          }),
        );
      } else if (isShardedForScale(store, model, entity, params)) {
        findings.push(
          finding(RULE, 'minor', [store.id], 'sql-vs-nosql', {
            message: `${named(store)} keeps ${entity.name} in a relational store sharded by \`${store.annotations.shardKey ?? ''}\`: that scales, but the shards are yours to run; this prompt's data fits ${accepted}.`,
            why: `${entity.reason} Sharded SQL (e.g. Vitess, Citus) works on the right key; resharding, cross-shard queries and schema changes across shards are the cost.`,
            fix: `Keep it and say how shards are added, or store ${entity.name} in a ${accepted} database.`,
          }),
        );
      } else {
        findings.push(
          finding(RULE, 'major', [store.id], 'sql-vs-nosql', {
            message: `${named(store)} keeps ${entity.name} in a ${MODEL_NAMES[model]} store; this prompt calls for ${accepted}.`,
            why: entity.reason,
            fix: `Store ${entity.name} in a ${accepted} database.`,
          }),
        );
      }
    }
  }
  return findings;
};
