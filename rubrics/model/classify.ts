import type { DataModel, DbRole, NodeKind } from '../vocabulary';
import { NODE_KINDS } from '../vocabulary';
import { techsIn, type TechEntry } from './tech';
import { firstPhrase, hasAny, hasPhrase, PhraseIndex, phraseWords, toWords, type Words } from './text';

/**
 * Node classification, strongest evidence first:
 *   1. an explicit class (`:::cache`, `:::db`, `class X queue`, …: what the editor palette inserts)
 *   2. a technology named in the label (Postgres ⇒ database, Kafka ⇒ stream)
 *   3. label words ("Load Balancer", "Feed Cache", "Upload Service")
 *   4. the node shape (a cylinder is a datastore)
 *   5. the titles of the enclosing subgraphs ("Clients", "Workers", "Data tier: Postgres")
 *   6. graph position (applied by `build.ts`: a node consuming from a queue is a worker, …)
 * Step 6 only runs for nodes the first five left as `other`.
 */

const CLASS_KINDS: Readonly<Record<string, NodeKind>> = {
  ...Object.fromEntries(NODE_KINDS.map((k) => [k, k])),
  db: 'database',
  datastore: 'database',
  store: 'database',
  sql: 'database',
  nosql: 'database',
  rdbms: 'database',
  replica: 'database',
  primary: 'database',
  lb: 'load_balancer',
  loadbalancer: 'load_balancer',
  balancer: 'load_balancer',
  proxy: 'load_balancer',
  gateway: 'api_gateway',
  apigateway: 'api_gateway',
  gw: 'api_gateway',
  web: 'web_server',
  webserver: 'web_server',
  svc: 'service',
  app: 'service',
  api: 'service',
  server: 'service',
  microservice: 'service',
  workers: 'worker',
  consumer: 'worker',
  job: 'worker',
  storage: 'object_storage',
  blob: 'object_storage',
  bucket: 'object_storage',
  objectstorage: 'object_storage',
  mq: 'queue',
  broker: 'queue',
  topic: 'stream',
  kafka: 'stream',
  log: 'stream',
  index: 'search',
  obs: 'monitoring',
  observability: 'monitoring',
  metrics: 'monitoring',
  logs: 'monitoring',
  ext: 'external',
  thirdparty: 'external',
  third_party: 'external',
  user: 'client',
  users: 'client',
  browser: 'client',
  mobile: 'client',
};

const CLASS_DATA_MODELS: Readonly<Record<string, DataModel>> = {
  sql: 'relational',
  relational: 'relational',
  rdbms: 'relational',
  document: 'document',
  wide_column: 'wide_column',
  widecolumn: 'wide_column',
  key_value: 'key_value',
  keyvalue: 'key_value',
  kv: 'key_value',
  graph: 'graph',
  time_series: 'time_series',
  timeseries: 'time_series',
};

/** Ordered: the first kind whose phrases appear wins, so specific phrases come first. */
const KIND_WORDS: ReadonlyArray<readonly [NodeKind, readonly string[]]> = [
  ['external', ['third party', '3rd party', 'external', 'payment provider', 'payment processor', 'payment gateway', 'email provider', 'sms provider', 'push provider', 'push notification service', 'llm provider', 'model provider', 'partner api']],
  ['load_balancer', ['load balancer', 'load balancers', 'loadbalancer', 'load balancing', 'lb', 'lbs', 'balancer', 'reverse proxy', 'l4', 'l7', 'ingress', 'proxy']],
  ['api_gateway', ['api gateway', 'api gw', 'apigw', 'gateway', 'gateways', 'bff', 'edge api']],
  ['cdn', ['cdn', 'content delivery network', 'edge cache', 'edge network', 'pop', 'pops']],
  ['dns', ['dns', 'domain name', 'geodns', 'geo dns']],
  ['object_storage', ['object storage', 'object store', 'blob storage', 'blob store', 'blobstore', 'blob', 'blobs', 'bucket', 'buckets', 'media storage', 'media store', 'file storage', 'file store', 'image store', 'video store', 'photo store', 'static assets', 'asset storage']],
  ['cache', ['cache', 'caches', 'caching', 'cached', 'memcache', 'cache cluster', 'in memory cache']],
  ['stream', ['stream', 'streams', 'event stream', 'event log', 'event bus', 'commit log', 'topic', 'topics', 'log stream', 'firehose', 'changelog', 'cdc']],
  ['queue', ['queue', 'queues', 'mq', 'message queue', 'message broker', 'broker', 'task queue', 'job queue', 'work queue', 'pub sub', 'pubsub', 'fan out queue']],
  ['search', ['search index', 'search engine', 'search cluster', 'inverted index', 'full text search', 'search']],
  ['database', ['db', 'dbs', 'database', 'databases', 'datastore', 'data store', 'rdbms', 'sql', 'nosql', 'ledger', 'table', 'tables', 'store', 'storage', 'persistence', 'primary db', 'replica', 'read replica', 'read replicas', 'warehouse', 'data warehouse', 'tsdb']],
  ['monitoring', ['monitoring', 'metrics', 'logging', 'logs', 'log aggregation', 'tracing', 'observability', 'alerting', 'dashboards', 'apm']],
  ['worker', ['worker', 'workers', 'consumer', 'consumers', 'processor', 'processors', 'job', 'jobs', 'background', 'cron', 'scheduler', 'batch', 'pipeline', 'transcoder', 'transcoders', 'transcoding', 'encoder', 'encoders', 'indexer', 'indexers', 'crawler', 'crawlers', 'fetcher', 'fetchers', 'aggregator', 'aggregators', 'fanout', 'fan out', 'dispatcher', 'sender', 'senders']],
  ['web_server', ['web server', 'web servers', 'webserver', 'web tier', 'http server', 'static server', 'frontend server']],
  ['client', ['client', 'clients', 'user', 'users', 'browser', 'browsers', 'mobile', 'mobile app', 'ios', 'android', 'spa', 'desktop app', 'customer', 'customers', 'end user', 'end users', 'driver app', 'rider app', 'phone', 'device', 'devices', 'player', 'players', 'viewer', 'viewers']],
  ['service', ['service', 'services', 'svc', 'microservice', 'microservices', 'api', 'apis', 'server', 'servers', 'backend', 'app', 'apps', 'application', 'app server', 'app servers', 'application server', 'monolith', 'handler', 'function', 'functions', 'lambda', 'engine', 'manager', 'coordinator']],
];

const KIND_INDEX = new PhraseIndex<NodeKind>(KIND_WORDS.map(([kind, phrases]) => [phrases, kind] as const));
const KIND_PHRASES: ReadonlyMap<NodeKind, readonly string[]> = new Map(KIND_WORDS);

/** Words that make a label a compute component even if it also names a datastore ("Search Service"). */
const COMPUTE_SUFFIXES: readonly string[] = ['service', 'services', 'svc', 'api', 'server', 'servers', 'microservice', 'backend', 'app'];
const WORKER_WORDS: readonly string[] = ['worker', 'workers', 'consumer', 'consumers', 'processor', 'processors', 'indexer', 'indexers', 'aggregator', 'aggregators', 'writer', 'writers', 'transcoder', 'transcoders', 'encoder', 'encoders', 'crawler', 'crawlers', 'fetcher', 'fetchers', 'builder', 'builders', 'updater', 'updaters', 'dispatcher', 'dispatchers', 'sender', 'senders', 'scheduler', 'fan out', 'fanout'];
const DATASTORE_KINDS: ReadonlySet<NodeKind> = new Set(['cache', 'database', 'object_storage', 'queue', 'stream', 'search', 'monitoring']);

const SHAPE_KINDS: Readonly<Record<string, NodeKind>> = {
  cylinder: 'database',
  cyl: 'database',
  'lin-cyl': 'database',
  'h-cyl': 'database',
  das: 'database',
  disk: 'database',
  database: 'database',
  db: 'database',
  // `A[[Queue]]` (subroutine) is a common way to draw a queue; only used when nothing else decides.
  subroutine: 'queue',
};

/** Drops `shard: api_key`-style clauses so key names ("api_key") are not read as kind words. */
export function withoutKeyClauses(label: string): string {
  return label.replace(/\b(?:shard(?:ed|ing)?|partition(?:ed|ing)?|pk|key|hash)\b[^·•|,;()[\]]*/gi, ' ');
}

export function kindFromClasses(classes: readonly string[]): NodeKind | undefined {
  for (const cls of classes) {
    const kind = CLASS_KINDS[cls.toLowerCase().replace(/-/g, '_')] ?? CLASS_KINDS[cls.toLowerCase().replace(/[-_]/g, '')];
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/** Where the last of the phrases ends in the words (-1 when absent): English puts the head noun last. */
function lastPosition(words: Words, phrases: readonly string[]): number {
  let best = -1;
  for (const phrase of phrases) {
    const needle = phraseWords(phrase);
    const at = words.lastIndexOf(needle);
    if (at >= 0) best = Math.max(best, at + needle.length);
  }
  return best;
}

export function kindFromWords(words: Words): NodeKind | undefined {
  const kind = KIND_INDEX.matches(words)[0];
  if (kind === undefined) return undefined;
  const phrases = KIND_PHRASES.get(kind) ?? [];
  if (DATASTORE_KINDS.has(kind)) {
    // "Search Service" is a service, "Queue Worker" a worker, but "Service DB" a database.
    const worker = hasAny(words, WORKER_WORDS);
    const compute = hasAny(words, COMPUTE_SUFFIXES);
    if (!worker && !compute) return kind;
    const storeAt = lastPosition(words, phrases);
    if (worker && lastPosition(words, WORKER_WORDS) > storeAt) return 'worker';
    if (compute && lastPosition(words, COMPUTE_SUFFIXES) > storeAt) return 'service';
  }
  return kind;
}

export function kindFromShape(shape: string): NodeKind | undefined {
  return SHAPE_KINDS[shape];
}

export interface ClassifyInput {
  readonly label: string;
  readonly shape: string;
  readonly classes: readonly string[];
  readonly techs: readonly TechEntry[];
  /** Enclosing subgraph titles, innermost first. */
  readonly subgraphTitles: readonly string[];
}

/** Kind from evidence 1–5; `undefined` when none applies (position decides, else `other`). */
export function classifyKind(input: ClassifyInput): NodeKind | undefined {
  const fromClass = kindFromClasses(input.classes);
  if (fromClass !== undefined) return fromClass;
  const words = toWords(withoutKeyClauses(input.label));
  const fromWords = kindFromWords(words);
  const decisiveTech = input.techs.find((tech) => !tech.ambiguous);
  if (decisiveTech !== undefined) {
    // A compute label naming its datastore ("Feed Service (Postgres)") is still the service.
    const strongCompute = hasAny(words, COMPUTE_SUFFIXES) || hasAny(words, WORKER_WORDS);
    if (fromWords !== undefined && strongCompute && !DATASTORE_KINDS.has(fromWords) && DATASTORE_KINDS.has(decisiveTech.kind) && fromWords !== 'client') {
      return fromWords;
    }
    return decisiveTech.kind;
  }
  if (fromWords !== undefined) return fromWords;
  const ambiguousTech = input.techs[0];
  if (ambiguousTech !== undefined) return ambiguousTech.kind;
  const fromShape = kindFromShape(input.shape);
  if (fromShape !== undefined) return fromShape;
  for (const title of input.subgraphTitles) {
    const fromTitle = kindFromWords(toWords(title));
    if (fromTitle !== undefined) return fromTitle;
    const titleTech = techsIn(toWords(title))[0];
    if (titleTech !== undefined) return titleTech.kind;
  }
  return undefined;
}

const DATA_MODEL_WORDS: ReadonlyArray<readonly [DataModel, readonly string[]]> = [
  ['relational', ['sql', 'relational', 'rdbms', 'acid']],
  ['document', ['document', 'document store', 'document db', 'docdb', 'json store']],
  ['wide_column', ['wide column', 'column family', 'columnar', 'wide row']],
  ['key_value', ['key value', 'kv', 'kv store', 'key value store']],
  ['graph', ['graph', 'graph db', 'graph database']],
  ['time_series', ['time series', 'timeseries', 'tsdb']],
  ['search', ['search', 'search index', 'inverted index']],
];

export function dataModelOf(label: string, classes: readonly string[], techs: readonly TechEntry[]): DataModel {
  for (const cls of classes) {
    const model = CLASS_DATA_MODELS[cls.toLowerCase().replace(/-/g, '_')];
    if (model !== undefined) return model;
  }
  const techModel = techs.find((tech) => tech.dataModel !== undefined)?.dataModel;
  if (techModel !== undefined) return techModel;
  const words = toWords(label);
  if (hasPhrase(words, 'nosql')) {
    return DATA_MODEL_WORDS.find(([model, phrases]) => model !== 'relational' && hasAny(words, phrases))?.[0] ?? 'unknown';
  }
  return DATA_MODEL_WORDS.find(([, phrases]) => hasAny(words, phrases))?.[0] ?? 'unknown';
}

const REPLICA_WORDS: readonly string[] = ['replica', 'replicas', 'read replica', 'read replicas', 'follower', 'followers', 'secondary', 'standby', 'slave', 'slaves', 'reader'];
const PRIMARY_WORDS: readonly string[] = ['primary', 'master', 'leader', 'writer', 'main'];

export function roleOf(label: string, classes: readonly string[]): DbRole | undefined {
  const lowered = classes.map((c) => c.toLowerCase());
  if (lowered.includes('replica')) return 'replica';
  if (lowered.includes('primary')) return 'primary';
  // A MongoDB "replica set" is a replicated cluster, not a replica.
  const words = toWords(label.replace(/replica[\s-]*sets?/gi, 'cluster'));
  const replica = firstPhrase(words, REPLICA_WORDS);
  const primary = firstPhrase(words, PRIMARY_WORDS);
  if (primary !== undefined && replica !== undefined) return 'primary';
  if (replica !== undefined) return 'replica';
  if (primary !== undefined) return 'primary';
  return undefined;
}
