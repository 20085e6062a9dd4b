import type { DataModel, DbRole, NodeKind } from '../vocabulary';
import { NODE_KINDS } from '../vocabulary';
import { boundedMemo } from '../memo';
import { techsIn, type TechEntry } from './tech';
import { firstPhrase, hasAny, hasPhrase, phraseKey, splitIdentifiers, toWords, withoutAddresses, type Words } from './text';

/**
 * Node classification, read the way an interviewer reads a box:
 *   1. an explicit class (`:::cache`, `:::db`, `class X queue`, …: what the editor palette inserts)
 *   2. the head noun of the label's naming part (English puts it last: "Customer Service" is a
 *      service, "Orders DB Server" a database; generic nouns such as "server" or "app" give way
 *      to a kind noun before them), weighed with the technology named ("Postgres" ⇒ database)
 *   3. the node shape (a cylinder is a datastore), the node id, the enclosing subgraph titles
 *   4. graph position (applied by `build.ts`: a node consuming from a queue is a worker, …)
 * The naming part is the first segment of the label (segments are separated by `·`, `|`, `:`,
 * brackets, commas or ` - `) that names a kind or a technology; later segments describe it
 * ("Thumbnail Service · Redis cached" is a service that uses a cache).
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
  backend: 'service',
  workers: 'worker',
  consumer: 'worker',
  job: 'worker',
  storage: 'object_storage',
  blob: 'object_storage',
  bucket: 'object_storage',
  objectstorage: 'object_storage',
  mq: 'queue',
  broker: 'queue',
  messaging: 'queue',
  topic: 'stream',
  kafka: 'stream',
  log: 'stream',
  index: 'search',
  obs: 'monitoring',
  observability: 'monitoring',
  metrics: 'monitoring',
  logs: 'monitoring',
  ext: 'external',
  external: 'external',
  thirdparty: 'external',
  third_party: 'external',
  user: 'client',
  users: 'client',
  actor: 'client',
  browser: 'client',
  mobile: 'client',
  frontend: 'client',
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
  vector: 'vector',
};

/** Kind nouns. Where two phrases end on the same word the longer one is meant ("payment gateway"). */
const KIND_WORDS: ReadonlyArray<readonly [NodeKind, readonly string[]]> = [
  ['external', ['third party', '3rd party', 'external', 'external api', 'payment provider', 'payment processor', 'payment gateway', 'payment network', 'card network', 'email provider', 'sms provider', 'sms gateway', 'push provider', 'llm provider', 'model provider', 'partner api', 'external apis', 'external services', 'external service', 'external systems', 'external system', 'third party services', 'third party apis', 'carrier api', 'carrier apis', 'bank', 'banks', 'issuing bank', 'acquiring bank', 'card scheme', 'card schemes', 'visa', 'mastercard', 'identity provider', 'oauth provider', 'social login', 'provider', 'providers']],
  ['load_balancer', ['load balancer', 'load balancers', 'loadbalancer', 'load balancing', 'lb', 'lbs', 'alb', 'balancer', 'balancers', 'reverse proxy', 'l4', 'l7', 'ingress', 'ingress controller', 'proxy', 'proxies', 'tls termination', 'ssl termination', 'https termination', 'tls terminator', 'ssl terminator']],
  ['api_gateway', ['api gateway', 'api gateways', 'api gw', 'apigw', 'gateway', 'gateways', 'gw', 'bff', 'backend for frontend', 'edge api', 'api management', 'apim']],
  ['cdn', ['cdn', 'cdns', 'content delivery network', 'edge cache', 'edge caches', 'edge network', 'pop', 'pops', 'isp caches', 'cache appliances']],
  ['dns', ['dns', 'domain name', 'geodns', 'geo dns', 'name server', 'dns resolver', 'dns resolvers', 'recursive resolver']],
  ['object_storage', ['object storage', 'object store', 'blob storage', 'blob store', 'blobstore', 'blob', 'blobs', 'bucket', 'buckets', 'media storage', 'media store', 'file storage', 'file store', 'file system', 'filesystem', 'image store', 'image storage', 'video store', 'video storage', 'photo store', 'static assets', 'asset storage', 'data lake', 'datalake', 'lake', 'storage', 'shared storage', 'persistent storage', 'volume', 'volumes', 'persistent volume', 'pv', 'pvc', 'static files', 'static file storage']],
  ['cache', ['cache', 'caches', 'caching', 'caching layer', 'memcache', 'cache cluster', 'in memory cache', 'session cache', 'session store', 'session stores', 'session storage']],
  ['stream', ['stream', 'streams', 'event stream', 'event streams', 'event log', 'commit log', 'topic', 'topics', 'log stream', 'firehose', 'changelog', 'data stream']],
  ['queue', ['queue', 'queues', 'mq', 'message queue', 'message queues', 'message broker', 'broker', 'brokers', 'task queue', 'job queue', 'work queue', 'dlq', 'dlqs', 'dead letter queue', 'pub sub', 'pubsub', 'fan out queue', 'bus', 'event bus', 'message bus', 'service bus', 'event broker', 'messaging']],
  ['search', ['search index', 'search engine', 'search cluster', 'inverted index', 'full text search', 'search', 'index']],
  ['database', ['db', 'dbs', 'database', 'databases', 'datastore', 'datastores', 'data store', 'data stores', 'rdbms', 'sql', 'nosql', 'ledger', 'table', 'tables', 'store', 'stores', 'persistence', 'primary db', 'read replica', 'read replicas', 'warehouse', 'data warehouse', 'olap', 'tsdb', 'repository', 'vector store']],
  ['monitoring', ['monitoring', 'monitor', 'metrics', 'logging', 'logs', 'log aggregation', 'log collector', 'log shipper', 'tracing', 'trace', 'traces', 'distributed tracing', 'health check', 'health checks', 'healthcheck', 'healthchecks', 'observability', 'alerting', 'alerts', 'apm', 'telemetry', 'log storage', 'log management', 'exporter', 'exporters']],
  ['worker', ['worker', 'workers', 'consumer', 'consumers', 'producer', 'producers', 'publisher', 'publishers', 'processor', 'processors', 'job', 'jobs', 'background', 'cron', 'cron job', 'scheduler', 'batch', 'batch job', 'pipeline', 'etl', 'transcoder', 'transcoders', 'transcoding', 'encoder', 'encoders', 'indexer', 'indexers', 'loader', 'loaders', 'crawler', 'crawlers', 'scraper', 'scrapers', 'fetcher', 'fetchers', 'aggregator', 'aggregators', 'fanout', 'fan out', 'dispatcher', 'dispatchers', 'sender', 'senders', 'builder', 'builders', 'updater', 'updaters', 'writer', 'writers', 'listener', 'listeners', 'subscriber', 'subscribers', 'poller', 'daemon', 'runner', 'runners', 'processing', 'stream processing', 'stream processor', 'connector', 'connectors', 'sink', 'transformation', 'analytics', 'cdc', 'change data capture']],
  ['web_server', ['web server', 'web servers', 'webserver', 'web tier', 'http server', 'static server', 'frontend server', 'ssr server', 'static site']],
  ['client', ['client', 'clients', 'user', 'users', 'browser', 'browsers', 'mobile', 'mobile app', 'mobile apps', 'mobile client', 'ios', 'android', 'spa', 'desktop app', 'customer', 'customers', 'end user', 'end users', 'driver app', 'rider app', 'phone', 'device', 'devices', 'player', 'players', 'viewer', 'viewers', 'web app', 'webapp', 'web client', 'web ui', 'ui', 'user interface', 'chat interface', 'web interface', 'frontend', 'front end', 'web frontend', 'storefront', 'store front', 'usuario', 'usuarios', 'usuário', 'usuários', 'actor', 'visitor', 'visitors', 'admin', 'admins', 'administrator', 'operator', 'operators', 'analyst', 'analysts', 'employee', 'employees', 'staff', 'source', 'sources', 'data source', 'data sources', 'event source', 'event sources', 'source system', 'source systems', 'internet', 'sensor', 'sensors', 'simulator', 'simulators', 'esp32', 'esp8266', 'arduino', 'microcontroller', 'пользователь', 'пользователи', 'клиент', 'клиенты', 'utilisateur', 'utilisateurs', 'benutzer', 'nutzer', 'kullanıcı', 'kullanıcılar', '用户', '客户端']],
  ['service', ['stream server', 'streaming server', 'media server', 'websocket messaging', 'web socket messaging', 'real time messaging', 'realtime messaging', 'instant messaging', 'chat messaging', 'service', 'services', 'svc', 'ms', 'microservice', 'microservices', 'api', 'apis', 'backend', 'backends', 'app server', 'app servers', 'application server', 'application servers', 'api server', 'api servers', 'monolith', 'handler', 'function', 'functions', 'lambda', 'engine', 'manager', 'management', 'mgmt', 'coordinator', 'controller', 'orchestrator', 'auth', 'authentication', 'authorization', 'limiter', 'rate limiter', 'router', 'resolver', 'registry', 'tracker', 'matcher', 'planner', 'calculator', 'generator', 'validator', 'transformer', 'transformers', 'notifier', 'bot', 'middleware', 'tool', 'tools', 'agent', 'agents', 'assistant', 'llm', 'model', 'models', 'inference', 'embedding', 'embeddings', 'reranker', 'endpoint', 'endpoints', 'autoscaler', 'waiting room', 'virtual waiting room', 'virtual queue', 'admission control']],
  ['other', ['internet gateway', 'nat gateway', 'vpn', 'vpn gateway', 'vpc', 'subnet', 'security group', 'security groups', 'firewall', 'firewalls', 'waf', 'iam', 'secrets manager', 'secret manager', 'secrets management', 'secret management', 'key vault', 'kms', 'key management', 'backup', 'backups', 'shield', 'ddos protection', 'replication', 'kubernetes', 'k8s', 'docker', 'container orchestration', 'master node', 'master nodes', 'worker node', 'worker nodes', 'control plane', 'node pool', 'node group', 'ci cd', 'ci cd pipeline', 'build pipeline', 'deployment pipeline', 'blockchain', 'blockchain node', 'blockchain network', 'smart contract', 'smart contracts', 'container registry', 'image registry', 'docker registry', 'artifact registry']],
];

/** Generic heads: they name a kind only when no kind noun comes before them ("Cache Server" is a cache). */
const WEAK_WORDS: ReadonlyArray<readonly [NodeKind, readonly string[]]> = [
  ['web_server', ['web', 'www']],
  ['database', ['replica', 'replicas']],
  // A dashboard is a screen people look at; "Grafana Dashboards" or one in a "Monitoring" group is the monitoring tool's.
  ['client', ['dashboard', 'dashboards']],
  ['service', ['server', 'servers', 'app', 'apps', 'application', 'applications', 'node', 'nodes', 'instance', 'instances', 'host', 'hosts', 'machine', 'machines', 'vm', 'vms', 'container', 'containers', 'pod', 'pods', 'system', 'platform', 'core', 'logic', 'component']],
];

/** Store nouns so generic that a named technology decides ("Session store · Redis" is a cache). */
const GENERIC_STORE: ReadonlySet<string> = new Set(['store', 'stores', 'storage', 'data store', 'datastore', 'persistence', 'repository']);

/** Service words that name a domain rather than a component ("Auth"): beside a store in one phrase, they say whose store it is. */
const DOMAIN_NOUNS: ReadonlySet<string> = new Set(['auth', 'authentication', 'authorization']);

/** A disk mounted for a product's files (Docker, Kubernetes). */
const VOLUME_NOUNS: ReadonlySet<string> = new Set(['volume', 'volumes', 'persistent volume', 'pv', 'pvc']);

/** Kind nouns that also name data ("jobs", "batch"): a datastore technology beside them decides. */
const ENTITY_NOUNS: ReadonlySet<string> = new Set(['job', 'jobs', 'batch', 'pipeline', 'etl', 'cdc', 'analytics', 'processing']);

/** Job-queue libraries (the workers' code) and the stores they keep their jobs in. */
const JOB_LIBRARIES: ReadonlySet<string> = new Set(['celery', 'sidekiq', 'bullmq', 'job-queue-library']);
const JOB_STORES: ReadonlySet<string> = new Set(['redis', 'upstash', 'elasticache', 'memorystore']);

const API_NOUNS: ReadonlySet<string> = new Set(['api', 'apis', 'service', 'services', 'model', 'models', 'llm']);

interface PhraseKind {
  readonly kind: NodeKind;
  readonly weak: boolean;
  readonly length: number;
  readonly phrase: string;
}

const PHRASE_KINDS: ReadonlyMap<string, PhraseKind> = (() => {
  const map = new Map<string, PhraseKind>();
  const add = (kind: NodeKind, phrases: readonly string[], weak: boolean): void => {
    for (const phrase of phrases) {
      const key = phraseKey(phrase);
      if (!map.has(key)) map.set(key, { kind, weak, length: key.split(' ').length, phrase: key });
    }
  };
  for (const [kind, phrases] of KIND_WORDS) add(kind, phrases, false);
  for (const [kind, phrases] of WEAK_WORDS) add(kind, phrases, true);
  return map;
})();
const LONGEST_PHRASE = Math.max(...[...PHRASE_KINDS.values()].map((p) => p.length));

export interface KindMatch extends PhraseKind {
  /** Index of the word after the phrase. */
  readonly end: number;
}

/** Kind phrases in the words; of phrases ending on the same word, only the longest. */
export function kindMatches(words: Words): readonly KindMatch[] {
  const tokens = words.trim().split(' ').filter((t) => t !== '');
  const out: KindMatch[] = [];
  for (let end = 1; end <= tokens.length; end++) {
    for (let length = Math.min(LONGEST_PHRASE, end); length >= 1; length--) {
      const found = PHRASE_KINDS.get(tokens.slice(end - length, end).join(' '));
      if (found !== undefined) {
        out.push({ ...found, end });
        break;
      }
    }
  }
  return out;
}

/** Heads so generic that a monitoring word before them decides ("Logging Service", "Log storage"). */
const GENERIC_HEADS: ReadonlySet<string> = new Set(['service', 'services', 'storage', 'store', 'server', 'servers', 'system', 'db', 'database']);
/** Roles at the system's edge: a box named for one, then "service", plays that role. */
const EDGE_ROLES: ReadonlySet<NodeKind> = new Set(['api_gateway', 'load_balancer', 'cdn', 'dns']);
const MANAGEMENT_HEADS: ReadonlySet<string> = new Set(['management', 'mgmt']);
/** People and roles named before another noun are modifiers: "User Preferences", "Customer Support". */
const PERSON_NOUNS: ReadonlySet<string> = new Set(['user', 'users', 'customer', 'customers', 'player', 'players', 'viewer', 'viewers', 'device', 'devices', 'admin', 'admins', 'administrator', 'operator', 'operators', 'visitor', 'visitors', 'driver', 'rider', 'analyst', 'analysts', 'employee', 'employees', 'staff']);

const isPersonNoun = (m: KindMatch): boolean => m.kind === 'client' && PERSON_NOUNS.has(m.phrase);

/** "Provider" alone names a third party ("Weather Provider"); before another noun it says what that is about ("Provider Reconciliation"). */
const PARTY_NOUNS: ReadonlySet<string> = new Set(['provider', 'providers']);
const isModifierNoun = (m: KindMatch): boolean => isPersonNoun(m) || (m.kind === 'external' && PARTY_NOUNS.has(m.phrase));

/**
 * The head: the last kind noun, unless only generic nouns come after it. Two nouns joined by
 * "and" ("API Gateway & Load Balancer") are read in the order written; a person noun followed by
 * more words names what the component is about, not a client.
 */
function headOf(all: readonly KindMatch[], tokens: readonly string[] = []): KindMatch | undefined {
  const cut = prepositionAt(all, tokens);
  const matches = cut === undefined ? all : all.filter((m) => m.end <= cut);
  let strong: KindMatch | undefined;
  let weak: KindMatch | undefined;
  // "Monitoring Agent LB": after a monitoring agent, a noun names the host it runs on.
  let agentNamed = false;
  for (const m of matches) {
    if (agentNamed) continue;
    if (m.weak) weak = m;
    // "Monitoring Agent A", "Logging client": the agent or client of a monitoring system is part of it.
    else if (strong?.kind === 'monitoring' && strong.end === m.end - m.length && AGENT_HEADS.has(m.phrase)) agentNamed = true;
    else if (isModifierNoun(m) && m.end < tokens.length && !/^\d+$/.test(tokens[m.end] ?? '') && !matches.some((n) => n.end - n.length === m.end)) continue;
    else if (strong !== undefined && tokens[m.end - m.length - 1] === 'and' && strong.end === m.end - m.length - 1) continue;
    else if (strong?.kind === 'monitoring' && strong.end === m.end - m.length && GENERIC_HEADS.has(m.phrase)) continue;
    // "DNS Management", "Key Management": the management of a component is that component.
    else if (strong !== undefined && !isPersonNoun(strong) && strong.end === m.end - m.length && MANAGEMENT_HEADS.has(m.phrase)) continue;
    // "BFF Service", "API Gateway Service", "DNS Service": the edge role named right before "service" is what the box is.
    else if (strong !== undefined && EDGE_ROLES.has(strong.kind) && strong.end === m.end - m.length && SERVICE_HEADS.has(m.phrase)) continue;
    // "Card Schemes Service", "Bank API": the service or API of a third party named before it.
    else if (strong?.kind === 'external' && strong.end === m.end - m.length && API_NOUNS.has(m.phrase)) continue;
    else strong = m;
  }
  return strong ?? weak;
}

/** Words that open a phrase describing the noun before them ("Agent on LB", "Cache in front of DB", "DB per Service"). */
const PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'for', 'in', 'at', 'with', 'via', 'to', 'from', 'behind', 'per']);

/**
 * Where a prepositional phrase starts after a kind noun: the head is named before it ("Agent on
 * Web", "Load Balancer with Health Checks", "Worker for Email Queue"). A person or a kind of data
 * before it ("Users on Mobile", "Jobs in Queue") does not head the phrase.
 */
function prepositionAt(matches: readonly KindMatch[], tokens: readonly string[]): number | undefined {
  for (let at = 1; at < tokens.length; at++) {
    if (!PREPOSITIONS.has(tokens[at] ?? '')) continue;
    if (matches.some((m) => m.end <= at && !m.weak && !isModifierNoun(m) && !ENTITY_NOUNS.has(m.phrase))) return at;
  }
  return undefined;
}

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

const SEGMENT_BREAK = /[·•|:()[\]{},;]|\s[-–—]+\s|\s\+\s/;

/** A label's segments as words, each with its kind nouns and technologies. */
interface Segment {
  readonly tokens: readonly string[];
  readonly matches: readonly KindMatch[];
  readonly techs: readonly TechEntry[];
  /** Written as one code or repository name ("google-oauth-backend", "orders_api"). */
  readonly identifier: boolean;
}

const CODE_NAME = /^\s*[a-z0-9]+(?:[-_][a-z0-9]+)+\s*$/;

/**
 * A line break usually separates a name from its description ("Analytics DB<br>Metrics & logs"),
 * but sometimes breaks a name ("API<br>Gateway"): lines are joined where a kind phrase spans the break.
 */
function linesOf(segment: string): string[] {
  const lines = segment.split('\n');
  const out: string[] = [];
  let current = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const before = toWords(splitIdentifiers(current)).trim().split(' ').length;
    const spans = kindMatches(toWords(splitIdentifiers(`${current} ${line}`))).some((m) => m.end > before && m.end - m.length < before);
    if (spans || completesName(current, line)) current = `${current} ${line}`;
    else {
      out.push(current);
      current = line;
    }
  }
  out.push(current);
  return out;
}

/**
 * A line that is nothing but one kind noun ends the name above it ("SQS Orchestrator<br/>Queue",
 * "Orders<br/>DB"), unless the name above already says another kind: "Global Load Balancer<br/>GeoDNS"
 * is a balancer described by how it routes.
 */
function completesName(above: string, line: string): boolean {
  const tokens = toWords(splitIdentifiers(line)).trim().split(' ');
  const matches = kindMatches(toWords(splitIdentifiers(line)));
  const lone = matches[0];
  if (tokens.length === 0 || matches.length !== 1 || lone === undefined || lone.weak || lone.length !== tokens.length) return false;
  const aboveWords = toWords(splitIdentifiers(above));
  // A person or role named above the noun ("User<br/>Service", "Admin<br/>Portal") only modifies it.
  // Only whole phrases count: the "API" inside "API Gateway" names no service.
  const aboveMatches = kindMatches(aboveWords);
  const inside = (m: KindMatch): boolean => aboveMatches.some((n) => n.length > m.length && n.end >= m.end && n.end - n.length <= m.end - m.length);
  const aboveKinds = aboveMatches.filter((m) => !m.weak && !isPersonNoun(m) && !inside(m)).map((m) => m.kind);
  return aboveKinds.length === 0 || aboveKinds.includes(lone.kind) || techsIn(aboveWords).some((t) => t.kind === lone.kind);
}

/** A label's segments, read once per label: each kind question about the label asks for them again. */
const segmentsOf: (label: string) => readonly Segment[] = boundedMemo(readSegments);

function readSegments(label: string): Segment[] {
  const text = joinedKindNouns(withoutAddresses(withoutKeyClauses(label)).replace(/\s*&\s*/g, ' and '));
  return text
    .split(SEGMENT_BREAK)
    .flatMap(linesOf)
    .map((part) => {
      const raw = toWords(part);
      const split = toWords(splitKeepingTechnologies(part));
      const techs = split === raw ? techsIn(raw) : [...new Set([...techsIn(raw), ...techsIn(split)])];
      return { tokens: split.trim().split(' '), matches: kindMatches(split), techs, identifier: CODE_NAME.test(part) };
    })
    .filter((s) => s.matches.length > 0 || s.techs.length > 0);
}

/**
 * "Gateway/API", "App/Web", "API Gateway / Load Balancer": two kind nouns joined by a slash are
 * two names, read in the order written like "and"; a slash inside a name ("Pub/Sub", "TCP/IP") stays.
 */
function joinedKindNouns(text: string): string {
  return text.replace(/([A-Za-z]+)\s*\/\s*(?=([A-Za-z]+(?:[ \t]+[A-Za-z]+)*))/g, (whole, left: string, right: string) =>
    PHRASE_KINDS.has(left.toLowerCase()) && startsWithKindPhrase(right) ? `${left} and ` : whole,
  );
}

/** The words open with a kind phrase ("Load Balancer …", "API …"). */
function startsWithKindPhrase(words: string): boolean {
  const tokens = words.toLowerCase().split(/\s+/).slice(0, LONGEST_PHRASE);
  return tokens.some((_, i) => PHRASE_KINDS.has(tokens.slice(0, i + 1).join(' ')));
}

/** Splits CamelCase and snake_case names, but not a technology's own name ("KeyDB" is not a "Key DB"). */
function splitKeepingTechnologies(part: string): string {
  return part
    .split(/(\s+)/)
    .map((token) => (/[a-z][A-Z]/.test(token) && techsIn(toWords(token)).length > 0 ? token.toLowerCase() : splitIdentifiers(token)))
    .join('');
}

const COMPUTE: ReadonlySet<NodeKind> = new Set(['service', 'worker', 'web_server', 'api_gateway', 'load_balancer', 'client', 'external']);
const STORE_FAMILY: ReadonlySet<NodeKind> = new Set(['cache', 'database', 'object_storage', 'queue', 'stream', 'search']);

/** Store nouns that say nothing of the kind of store: the product keeping it decides. */
const GENERIC_STORE_HEADS: ReadonlySet<string> = new Set(['table', 'tables', 'store', 'stores', 'data store', 'data stores', 'datastore']);

export interface WordsVerdict {
  readonly kind: NodeKind;
  /** Only generic nouns ("server", "app") decided it: shape, id and titles may overrule. */
  readonly weak: boolean;
}

/** Kind from a label's words and named technologies; `undefined` when they name none. */
export function kindFromLabel(label: string): WordsVerdict | undefined {
  const segments = namingFirst(segmentsOf(label));
  const primary = segments[0];
  if (primary === undefined) return undefined;
  const head = headOf(primary.matches, primary.tokens);
  const decisive = (techs: readonly TechEntry[]): TechEntry | undefined => techs.find((t) => !t.ambiguous);
  const primaryTech = decisive(primary.techs) ?? primary.techs[0];
  const laterTechs = segments.slice(1).flatMap((s) => s.techs);
  if (head !== undefined && !head.weak) {
    // "Google Analytics", "App Engine": a head noun that is part of a product's name is that product.
    const named = productNaming(head, primary);
    if (named !== undefined) return { kind: named.kind, weak: false };
    // "Keycloak Identity Provider", "Authelia OIDC Provider": a role noun of a third party, but the
    // product named says whose it is (Keycloak runs on our side).
    if (head.kind === 'external' && primaryTech !== undefined && !primaryTech.ambiguous && primaryTech.kind !== 'external') return { kind: primaryTech.kind, weak: false };
    // "Log Alert Processor", "Metrics Aggregator", "Log Search": a job or index of the logs or metrics is part of the monitoring.
    if (OBSERVED_JOBS.has(head.kind) && OBSERVED_DATA.has(primary.tokens[0] ?? '') && primaryTech === undefined) return { kind: 'monitoring', weak: false };
    // "Users (Postgres)", "Encoding jobs · SQS": the words name what is kept, the technology what keeps it.
    const entity = head.kind === 'client' || ENTITY_NOUNS.has(head.phrase);
    const store = entity ? decisive([...primary.techs, ...laterTechs].filter((t) => STORE_FAMILY.has(t.kind))) : undefined;
    if (store !== undefined) return { kind: watchesTechnology(head) ? 'monitoring' : store.kind, weak: false };
    // "Prefix table · Redis cluster", "Session store · Redis": a generic store noun, kept by the product named.
    const keeper = GENERIC_STORE_HEADS.has(head.phrase) ? [...primary.techs, ...laterTechs].find((t) => STORE_FAMILY.has(t.kind)) : undefined;
    if (keeper !== undefined) return { kind: keeper.kind, weak: false };
    // "Auth PostgreSQL", "Auth Redis": a store named in one phrase with the domain it keeps is that domain's store.
    const domainStore = DOMAIN_NOUNS.has(head.phrase) ? primary.techs.find((t) => STORE_FAMILY.has(t.kind)) : undefined;
    if (domainStore !== undefined) return { kind: domainStore.kind, weak: false };
    // "Logstash client", "Datadog agent": what runs a monitoring tool beside a component ships to it.
    if (AGENT_HEADS.has(head.phrase) && primaryTech?.kind === 'monitoring' && !primaryTech.ambiguous) return { kind: 'monitoring', weak: false };
    // "Queue Service · Kafka": a messaging noun before "service", and the broker named, is the broker.
    const broker = messagingServiceTech(primary, head, laterTechs);
    if (broker !== undefined) return { kind: broker, weak: false };
    // "OpenShift Router · HAProxy Ingress": a router described as the edge tier is that tier.
    if (ROUTING_NOUNS.has(head.phrase)) {
      const edge = segments.slice(1).map(kindFromSegment).find((k) => k !== undefined && EDGE_TIER.has(k));
      if (edge !== undefined) return { kind: edge, weak: false };
    }
    // "Groq API (External)", "Maps Service - 3rd party": a later segment that only says whose it is.
    if (OWNABLE.has(head.kind) && segments.slice(1).some(isThirdPartyTag)) return { kind: 'external', weak: false };
    // "Stripe API", "AWS SES Email Service": the API of a third party.
    if (API_NOUNS.has(head.phrase) && primaryTech?.kind === 'external') return { kind: 'external', weak: false };
    // "Email Service (SendGrid)": the one product named is the service. Several named
    // ("Email Service · SendGrid, SES") make it ours, choosing between providers.
    if (API_NOUNS.has(head.phrase) && primary.techs.length === 0 && namesOneThirdParty(segments.slice(1))) return { kind: 'external', weak: false };
    // "CDN Static Assets & Media": a CDN named first is the component; the rest is its content.
    if (!COMPUTE.has(head.kind) && primary.matches.some((m) => m.kind === 'cdn')) return { kind: 'cdn', weak: false };
    if (COMPUTE.has(head.kind)) return { kind: head.kind, weak: false };
    // "Persistent Volumes · kafka_data", "Postgres volume": a volume is the disk, whatever product keeps its files there.
    if (VOLUME_NOUNS.has(head.phrase)) return { kind: 'object_storage', weak: false };
    if (GENERIC_STORE.has(head.phrase)) {
      const named = primaryTech ?? laterTechs.find((t) => STORE_FAMILY.has(t.kind));
      if (named !== undefined && STORE_FAMILY.has(named.kind)) return { kind: named.kind, weak: false };
    }
    // "Notification Logs (NoSQL)": a later segment that only says "NoSQL" or "SQL" says it is a database.
    if (!STORE_FAMILY.has(head.kind) && segments.slice(1).some(isDatabaseTag)) return { kind: 'database', weak: false };
    // "Kafka UI · Stream Monitoring", "Redis exporter metrics": what watches a technology is monitoring.
    if (head.kind === 'monitoring') return { kind: 'monitoring', weak: false };
    const tech = decisive(primary.techs) ?? decisive(laterTechs.filter((t) => STORE_FAMILY.has(t.kind) && STORE_FAMILY.has(head.kind)));
    // "Cloudflare WAF": the product noun says which of a vendor's products the box is.
    if (tech?.vendor === true) return { kind: head.kind, weak: false };
    // "SQLite Cache": a database product used as a cache is the cache.
    if (head.kind === 'cache' && tech?.kind === 'database') return { kind: 'cache', weak: false };
    return { kind: tech?.kind ?? head.kind, weak: false };
  }
  // "Redis / BullMQ", "Redis (Sidekiq)": a job library named beside the store it keeps its jobs in is that store read as the job queue.
  const named = segments.flatMap((segment) => segment.techs);
  if (named.some((t) => JOB_LIBRARIES.has(t.name)) && named.some((t) => JOB_STORES.has(t.name))) return { kind: 'queue', weak: false };
  // "Nginx (web)", "Web (Nginx)": a server that can balance or serve, called "web", serves the pages.
  const servesPages = (tech: TechEntry | undefined): boolean => tech?.ambiguous === true && WEB_SERVING.has(tech.name);
  if ((primaryTech === undefined || servesPages(primaryTech)) && named.some(servesPages) && segments.some((segment) => headOf(segment.matches, segment.tokens)?.kind === 'web_server')) return { kind: 'web_server', weak: false };
  // "Cloudflare<br>DNS / WAF": a product noun on the next line says which of a vendor's products it is.
  const product = primaryTech?.vendor === true ? segments.slice(1).map((s) => headOf(s.matches, s.tokens)).find((h) => h !== undefined && !h.weak) : undefined;
  if (product !== undefined) return { kind: product.kind, weak: false };
  if (primaryTech !== undefined) return { kind: primaryTech.kind, weak: false };
  // "Pod / Ingress-nginx": a generic first line ("Pod", "Server") is named by the line after it.
  const later = segments.slice(1).map((segment) => kindFromSegment(segment)).find((kind) => kind !== undefined);
  if (later !== undefined) return { kind: later, weak: false };
  if (head !== undefined) return { kind: head.kind, weak: true };
  return undefined;
}

/** What the first word of a job's name says it works on when that job belongs to the monitoring. */
const OBSERVED_DATA: ReadonlySet<string> = new Set(['log', 'logs', 'metrics', 'metric', 'alert', 'alerts', 'trace', 'traces', 'tracing']);
const OBSERVED_JOBS: ReadonlySet<NodeKind> = new Set(['worker', 'search']);

const aliasTokens = new Map<string, readonly string[]>();

function tokensOfAlias(alias: string): readonly string[] {
  let tokens = aliasTokens.get(alias);
  if (tokens === undefined) {
    tokens = Object.freeze(toWords(alias).trim().split(' '));
    aliasTokens.set(alias, tokens);
  }
  return tokens;
}

/** The product whose written name (two words or more) covers the head noun, if one does. */
function productNaming(head: KindMatch, segment: Segment): TechEntry | undefined {
  const first = head.end - head.length;
  for (const tech of segment.techs) {
    if (tech.ambiguous === true || tech.kind === head.kind) continue;
    for (const alias of tech.aliases) {
      const words = tokensOfAlias(alias);
      if (words.length < 2) continue;
      for (let at = Math.max(0, head.end - words.length); at <= first; at++) {
        if (words.every((word, i) => segment.tokens[at + i] === word)) return tech;
      }
    }
  }
  return undefined;
}

/**
 * "google-oauth-backend<br/>Gateway + Auth": a first line written as a code or repository name is
 * what the component is called; a later segment with a kind noun says what it is.
 */
function namingFirst(segments: readonly Segment[]): readonly Segment[] {
  const [first] = segments;
  if (first === undefined || !first.identifier) return segments;
  const at = segments.findIndex((s, i) => i > 0 && s.matches.some((m) => !m.weak));
  return at < 0 ? segments : [segments[at] as Segment, ...segments.filter((_, i) => i !== at)];
}

/**
 * Roles a label gives a component besides its kind, where one box commonly plays two: "API Gateway
 * & Load Balancer", "API Gateway US<br/>Load Balancer", "Redis Pub/Sub + Cache". Only pairs from
 * one family count (the edge tier; caches and brokers), so a description ("Order Service · uses
 * a cache") never adds a role.
 */
export function alsoKindsOf(label: string, kind: NodeKind): readonly NodeKind[] {
  let read = alsoKindsByKind.get(kind);
  if (read === undefined) {
    const family = DUAL_ROLES.find(([primaries]) => primaries.has(kind));
    read = family === undefined ? () => NO_KINDS : boundedMemo((text: string) => readAlsoKinds(text, kind, family[1]));
    alsoKindsByKind.set(kind, read);
  }
  return read(label);
}

/** Every rebuild while typing asks again for each unchanged label: each kind reads each label once. */
const alsoKindsByKind = new Map<NodeKind, (label: string) => readonly NodeKind[]>();

function readAlsoKinds(label: string, kind: NodeKind, secondaries: ReadonlySet<NodeKind>): readonly NodeKind[] {
  const named = new Set<NodeKind>();
  for (const segment of segmentsOf(label)) {
    for (const m of segment.matches) if (!m.weak && m.kind !== kind && secondaries.has(m.kind)) named.add(m.kind);
    for (const t of segment.techs) if (!t.ambiguous && t.kind !== kind && secondaries.has(t.kind)) named.add(t.kind);
  }
  return named.size === 0 ? NO_KINDS : Object.freeze([...named]);
}

const NO_KINDS: readonly NodeKind[] = Object.freeze([]);
const DUAL_ROLES: ReadonlyArray<readonly [ReadonlySet<NodeKind>, ReadonlySet<NodeKind>]> = [
  [new Set(['load_balancer', 'api_gateway', 'web_server', 'cdn']), new Set(['load_balancer', 'api_gateway', 'cdn'])],
  [new Set(['cache', 'queue', 'stream', 'database']), new Set(['cache', 'queue'])],
];

/** "Kafka UI", "RabbitMQ Management UI": the screen of a technology is a tool watching it. */
const TOOL_SCREENS: ReadonlySet<string> = new Set(['ui', 'web ui', 'user interface', 'web interface']);
const watchesTechnology = (head: KindMatch): boolean => head.kind === 'client' && TOOL_SCREENS.has(head.phrase);

/** Servers that may front an application as its balancer or serve its pages themselves. */
const WEB_SERVING: ReadonlySet<string> = new Set(['nginx', 'caddy', 'apache']);

const AGENT_HEADS: ReadonlySet<string> = new Set(['client', 'clients', 'agent', 'agents']);
const ROUTING_NOUNS: ReadonlySet<string> = new Set(['router', 'routing']);
const EDGE_TIER: ReadonlySet<NodeKind> = new Set(['load_balancer', 'api_gateway']);
const MESSAGING_KINDS: ReadonlySet<NodeKind> = new Set(['queue', 'stream']);
const SERVICE_HEADS: ReadonlySet<string> = new Set(['service', 'services']);

/** The broker a "Queue Service · Kafka"-style name gives: a messaging noun right before "service", and a broker named. */
function messagingServiceTech(segment: Segment, head: KindMatch, laterTechs: readonly TechEntry[]): NodeKind | undefined {
  if (!SERVICE_HEADS.has(head.phrase)) return undefined;
  const before = segment.matches.find((m) => m.end === head.end - head.length);
  if (before === undefined || !MESSAGING_KINDS.has(before.kind)) return undefined;
  return [...segment.techs, ...laterTechs].find((t) => !t.ambiguous && MESSAGING_KINDS.has(t.kind))?.kind;
}

/** The segments name exactly one product, and it is a third party's. */
function namesOneThirdParty(segments: readonly Segment[]): boolean {
  const products = segments.flatMap((segment) => productNames(segment.tokens.join(' '), segment.techs));
  return products.length === 1 && segments.some((segment) => segment.techs.some((t) => t.kind === 'external' && !t.ambiguous));
}

/** The product names written in the words (an alias inside a longer one written there counts once). */
function productNames(words: string, techs: readonly TechEntry[]): string[] {
  const padded = ` ${words} `;
  const found = [...new Set(techs.flatMap((t) => t.aliases.map(phraseKey).filter((a) => padded.includes(` ${a} `))))];
  return found.filter((a) => !found.some((b) => b !== a && ` ${b} `.includes(` ${a} `)));
}

/** The kind a later segment names on its own: a strong kind noun or an unambiguous technology. */
function kindFromSegment(segment: Segment): NodeKind | undefined {
  const head = headOf(segment.matches, segment.tokens);
  if (head !== undefined && !head.weak) return head.kind;
  return (segment.techs.find((t) => !t.ambiguous) ?? segment.techs[0])?.kind;
}

/** Kinds a third party may provide: what we call, not what we run in front of our own services. */
const OWNABLE: ReadonlySet<NodeKind> = new Set(['service', 'worker', 'web_server', 'api_gateway', 'other']);

/** A segment that is nothing but a third-party phrase ("External", "third-party", "External API"). */
function isThirdPartyTag(segment: Segment): boolean {
  const [only] = segment.matches;
  return segment.matches.length === 1 && only?.kind === 'external' && only.length === segment.tokens.length;
}

const DATABASE_TAGS: ReadonlySet<string> = new Set(['sql', 'nosql', 'rdbms', 'db', 'database']);
function isDatabaseTag(segment: Segment): boolean {
  return segment.techs.length === 0 && segment.tokens.length === 1 && DATABASE_TAGS.has(segment.tokens[0] ?? '');
}

/** The kind of a non-ambiguous technology named in the label's naming part, if any. */
function namedTechnology(label: string): NodeKind | undefined {
  const primary = segmentsOf(label)[0];
  return primary?.techs.find((t) => !t.ambiguous)?.kind;
}

/** Kind from words alone (no technology), e.g. a subgraph title. */
export function kindFromWords(words: Words): NodeKind | undefined {
  return headOf(kindMatches(words), words.trim().split(' '))?.kind;
}

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
const STORE_SHAPES: ReadonlySet<string> = new Set(['cylinder', 'cyl', 'lin-cyl', 'h-cyl', 'das', 'disk', 'database', 'db']);

export function kindFromShape(shape: string): NodeKind | undefined {
  return SHAPE_KINDS[shape];
}

export function isStoreShape(shape: string): boolean {
  return STORE_SHAPES.has(shape);
}

/** Words that name a component other than a store outright ("Payment API", "Client (Browser)"), no technology or person noun deciding. */
function namesNonStore(label: string): boolean {
  const verdict = kindFromLabel(label);
  return verdict !== undefined && !verdict.weak && !STORE_FAMILY.has(verdict.kind) && verdict.kind !== 'other' && namedTechnology(label) === undefined && !namesPerson(label) && storeNamedIn(label) === undefined && storeTechnologyIn(label) === undefined;
}

/**
 * Some authors draw every box as a cylinder. When several of a diagram's store shapes are named
 * as APIs, services or clients (and they are a third of its store shapes or more), the shape is
 * decoration there: it says nothing about the boxes whose words name no kind ("Shipment Exec").
 */
export function storeShapesAreDecoration(vertices: readonly DrawnVertex[], wired: (vertex: DrawnVertex) => boolean): boolean {
  const named = vertices.filter((vertex) => STORE_SHAPES.has(vertex.shape) && storeShapeNamesNonStore(vertex));
  // Cheap test first: most drawings have no store shape named as a component at all.
  if (named.length < 2) return false;
  const nonStores = named.filter(wired).length;
  const stores = vertices.filter((vertex) => STORE_SHAPES.has(vertex.shape) && wired(vertex)).length;
  return nonStores >= 2 && nonStores * 3 >= stores;
}

interface DrawnVertex {
  readonly id: string;
  readonly label: string;
  readonly lines?: string;
  readonly shape: string;
}

const namesNonStoreOnce = boundedMemo(namesNonStore);

const storeShapeNamesNonStore = (vertex: DrawnVertex): boolean => namesNonStoreOnce(vertex.lines ?? vertex.label);

export interface ClassifyInput {
  readonly id?: string;
  readonly label: string;
  readonly shape: string;
  readonly classes: readonly string[];
  /** Technologies named in the label (kept for callers; the label is read again by segment). */
  readonly techs?: readonly TechEntry[];
  /** Enclosing subgraph titles, innermost first. */
  readonly subgraphTitles: readonly string[];
}

/** "Cloud Provider - AWS/GCP/Azure", "AWS Cloud": the cloud the whole system runs in, not a third party it calls. */
const HOSTING_CLOUD = /\b(?:cloud|aws|gcp|azure|amazon web services|google cloud)\b/i;

function kindFromTitles(titles: readonly string[]): NodeKind | undefined {
  for (const title of titles) {
    const verdict = kindFromLabel(title);
    if (verdict === undefined || verdict.weak) continue;
    // A "Kubernetes" or "VPC" subgraph holds components of every kind: it names none of them.
    if (verdict.kind === 'other' || (verdict.kind === 'external' && HOSTING_CLOUD.test(title))) continue;
    return verdict.kind;
  }
  return undefined;
}

/** A store kind a label names with a strong noun anywhere in it ("Caching Service" → cache). */
function storeNamedIn(label: string): NodeKind | undefined {
  for (const segment of segmentsOf(label)) {
    const found = segment.matches.find((m) => !m.weak && STORE_FAMILY.has(m.kind));
    if (found !== undefined) return found.kind;
  }
  return undefined;
}

/** A store technology a later segment names ("Connection registry · Redis cluster" → cache). */
function storeTechnologyIn(label: string): NodeKind | undefined {
  for (const segment of segmentsOf(label)) {
    const found = segment.techs.find((t) => STORE_FAMILY.has(t.kind));
    if (found !== undefined) return found.kind;
  }
  return undefined;
}

/** "etc", "…", "more": a placeholder for further boxes of the same sort, not a component. */
const PLACEHOLDER = /^\s*(?:etc\.?|\.{2,}|…|and more|more|others?)\s*$/i;

function isPlaceholder(label: string): boolean {
  return PLACEHOLDER.test(label);
}

/** "postgres_data", "grafana-data": a product's name plus `_data` is the volume it keeps its files on (Docker Compose). */
const VOLUME_NAME = /^\s*([a-z][a-z0-9]*)[_-](?:data|volume|vol)\s*$/i;

function isProductVolume(label: string): boolean {
  const product = VOLUME_NAME.exec(label)?.[1];
  return product !== undefined && techsIn(toWords(product)).length > 0;
}

/**
 * Real diagrams mostly use classes for colour, painting a whole group one way ("class Kafka,
 * Grafana, Ingress external"; "class Postgres, Redis storage"): a class is read like a subgraph
 * title. What the label's own words name strongly wins over it, unless a technology the label
 * names is of the class's kind ("Prefix table · Redis" painted `cache` is the Redis cache). A
 * "service" painted external is the provider's service; a client painted external is the outside
 * caller the system serves, still a client.
 */
function kindWithClass(fromClass: NodeKind, verdict: WordsVerdict | undefined, label: string): NodeKind {
  const named = namedTechnology(label);
  if (named !== undefined) return named;
  if (verdict === undefined || verdict.weak || verdict.kind === fromClass) return fromClass;
  if (fromClass === 'external' && verdict.kind === 'service') return 'external';
  if (segmentsOf(label).some((segment) => segment.techs.some((t) => t.kind === fromClass))) return fromClass;
  return verdict.kind;
}

/**
 * Plain compute words a third party's box is drawn with: inside a third-party group ("External
 * Services", "Third party"), a "Service", "Gateway", "API server" or "Worker" is the provider's.
 * (A class painted "external" is often only a colour: there a gateway stays ours.)
 */
const THIRD_PARTY_COMPUTE: ReadonlySet<NodeKind> = new Set(['service', 'api_gateway', 'web_server', 'worker']);

/** Plain compute kinds: what a box read only from words like "service", "worker" or "server" gets; its group can say what it really is (a client module, a monitoring tool). */
const PLAIN_COMPUTE: ReadonlySet<NodeKind> = new Set(['service', 'worker', 'web_server']);

/**
 * A group named for the client's side ("Client Side", "Game Client", "Clients"), not for users or
 * sources, nor for our side serving them ("Client Services", "Client API").
 */
const SERVER_SIDE = /\b(?:services?|servers?|apis?|backends?|microservices?|workers?)\b/i;
const CLIENT_SIDE = /\bclients?(?:[\s-]*side)?\b(?![\s-]*(?:services?|apis?|backends?|servers?|management)\b)/i;

/** Whether the node's class decided its kind (its words did not overrule it). */
export function classDecides(input: ClassifyInput): boolean {
  const fromClass = kindFromClasses(input.classes);
  return fromClass !== undefined && kindWithClass(fromClass, kindFromLabel(input.label), input.label) === fromClass;
}

/** Words that name the front end of an application. */
export const FRONT_END_WORDS: readonly string[] = ['frontend', 'front end', 'front', 'storefront', 'web frontend', 'web app', 'webapp', 'web ui', 'ui', 'spa', 'user interface'];

/** Where a front end is said to run on our side: a container, a pod, or a web server that serves it. */
const HOSTED = /\b(?:nginx|apache|caddy|httpd|containers?|pods?|docker)\b/i;

/** "Frontend (React/Vue) · Nginx", "Container frontend": a front end served from our container is the web server that serves it. */
function isHostedFrontEnd(verdict: WordsVerdict | undefined, label: string): boolean {
  return verdict?.kind === 'client' && HOSTED.test(label) && hasAny(toWords(label), FRONT_END_WORDS);
}

/** Kind from class, words, technology, shape, id and titles; `undefined` when none applies. */
export function classifyKind(input: ClassifyInput): NodeKind | undefined {
  const kind = readKind(input);
  return kind === 'client' && isHostedFrontEnd(kindFromLabel(input.label), input.label) ? 'web_server' : kind;
}

function readKind(input: ClassifyInput): NodeKind | undefined {
  if (isPlaceholder(input.label)) return 'other';
  if (isProductVolume(input.label)) return 'object_storage';
  const fromClass = kindFromClasses(input.classes);
  const verdict = kindFromLabel(input.label);
  // "Game Engine", "Input Handler" inside a "Client Side" group are modules of the client app,
  // whatever colour class they are painted with ("Customer Service" there still says it is a service).
  if (verdict !== undefined && PLAIN_COMPUTE.has(verdict.kind) && namedTechnology(input.label) === undefined && !SERVER_SIDE.test(input.label) && input.subgraphTitles.some((title) => CLIENT_SIDE.test(title))) return 'client';
  if (fromClass !== undefined) return kindWithClass(fromClass, verdict, input.label);
  const store = STORE_SHAPES.has(input.shape);
  // "Email Service", "MIGS Gateway", "Payment API" under "External Services" is the provider, not
  // ours; a named data technology there (MongoDB Atlas, S3, Kafka) keeps its own kind.
  if (verdict !== undefined && THIRD_PARTY_COMPUTE.has(verdict.kind) && namedTechnology(input.label) === undefined && kindFromTitles(input.subgraphTitles) === 'external') return 'external';
  // Elasticsearch in a "Logging" or "ELK" group is the log index of that stack; a plain service
  // or worker in an "Observability" group ("Laravel Telescope", "Alert Service") is one of its tools.
  if (verdict !== undefined && (verdict.kind === 'search' || (PLAIN_COMPUTE.has(verdict.kind) && namedTechnology(input.label) === undefined)) && kindFromTitles(input.subgraphTitles) === 'monitoring') return 'monitoring';
  // A person word on a part drawn inside a server's or store's group ("Customer" among the
  // "Microservices", "users, rooms, …" inside "MySQL") names what the part is about: a user is
  // never drawn inside the system's own tiers.
  const inTier = store ? undefined : personInTier(verdict, input);
  if (inTier !== undefined) return inTier;
  if (verdict !== undefined && !verdict.weak) {
    // A cylinder named "Caching Service" is the cache it names, and one labelled "Users" is a table
    // of users, not the users; but a cylinder labelled "Payment API" or "Client (Browser)" is the
    // API or the client, drawn in whatever shape the author liked. (A named technology keeps its
    // own kind: "etcd" in a cylinder is still the coordination service.)
    if (store && (verdict.kind === 'client' || verdict.kind === 'service') && namedTechnology(input.label) === undefined) return storeNamedIn(input.label) ?? storeTechnologyIn(input.label) ?? (namesPerson(input.label) ? 'database' : verdict.kind);
    return verdict.kind;
  }
  if (store) return 'database';
  const fromId = input.id !== undefined && input.id !== input.label ? kindFromLabel(splitIdentifiers(input.id)) : undefined;
  const title = kindFromTitles(input.subgraphTitles);
  if (verdict !== undefined) return title ?? verdict.kind;
  if (fromId !== undefined && !fromId.weak) return personInTier(fromId, input, splitIdentifiers(input.id ?? '')) ?? fromId.kind;
  return kindFromShape(input.shape) ?? title ?? fromId?.kind;
}

/**
 * Tiers that hold the system's own parts: a person word inside one of them is not a user. (Not
 * workers: a "Producers" group names a role in a flow, and the user may be the one producing.)
 */
const OWN_TIERS: ReadonlySet<NodeKind> = new Set(['service', 'web_server', 'api_gateway', 'load_balancer', 'database', 'cache', 'object_storage', 'queue', 'stream', 'search']);

/** The kind of the innermost group when `words` name a person and that group is one of the system's tiers. */
function personInTier(verdict: WordsVerdict | undefined, input: ClassifyInput, words: string = input.label): NodeKind | undefined {
  if (verdict?.kind !== 'client' || namedTechnology(words) !== undefined || !namesPerson(words)) return undefined;
  const innermost = input.subgraphTitles[0];
  const title = innermost === undefined ? undefined : kindFromTitles([innermost]);
  return title !== undefined && OWN_TIERS.has(title) ? title : undefined;
}

export function namesPerson(words: string): boolean {
  const primary = segmentsOf(words)[0];
  const head = primary === undefined ? undefined : headOf(primary.matches, primary.tokens);
  return head !== undefined && isPersonNoun(head);
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

/** "3 replicas", "with replicas", "replicas: 2" say the store is replicated, not that it is a replica. */
const REPLICATED = /\b(?:\d+|n|two|three|with|and|has|plus)\s+(?:read\s+)?(?:replicas?|standbys?|followers?|secondaries)\b|(?:^|\s)\+\s*(?:\d+\s+)?(?:read\s+)?replicas?\b|\breplicas?\s*[:=×x]\s*\d+/gi;

/** "Shard 1", "Node 2": a numbered name, not a count ("Shard 1 · Replica 2" is a replica, not one replica). */
const NUMBERED_PART = /\b(?:shards?|partitions?|nodes?|zones?|az|regions?)[\s#-]*\d+\b/gi;

/** A social graph's followers ("Followers DB", "Follower graph"), not a leader's follower copies. */
const SOCIAL_FOLLOWERS = /\bfollowers\b|\bfollower(?=[\s-]*(?:\/|graph|lists?|ids?|edges?|tables?|relations?|counts?|service|feeds?|followee))/gi;

export function roleOf(label: string, classes: readonly string[]): DbRole | undefined {
  const lowered = classes.map((c) => c.toLowerCase());
  if (lowered.includes('replica')) return 'replica';
  if (lowered.includes('primary')) return 'primary';
  // A MongoDB "replica set" is a replicated cluster, not a replica.
  const words = toWords(label.replace(/replica[\s-]*sets?/gi, 'cluster').replace(NUMBERED_PART, ' ').replace(REPLICATED, ' ').replace(SOCIAL_FOLLOWERS, ' '));
  const replica = firstPhrase(words, REPLICA_WORDS);
  const primary = firstPhrase(words, PRIMARY_WORDS);
  if (primary !== undefined && replica !== undefined) return 'primary';
  if (replica !== undefined) return 'replica';
  if (primary !== undefined) return 'primary';
  return undefined;
}
