/**
 * The fixed vocabulary shared by the model, the rules, the prompt files and the UI.
 * Every list is a readonly tuple so each type is a closed string union.
 */

export const NODE_KINDS = [
  'client',
  'dns',
  'cdn',
  'load_balancer',
  'api_gateway',
  'web_server',
  'service',
  'worker',
  'cache',
  'database',
  'object_storage',
  'queue',
  'stream',
  'search',
  'monitoring',
  'external',
  'other',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Each kind as a reader-facing noun (coverage findings, the "how it was read" list, override lines). */
export const KIND_TITLES: Readonly<Record<NodeKind, string>> = {
  client: 'client',
  dns: 'DNS',
  cdn: 'CDN',
  load_balancer: 'load balancer',
  api_gateway: 'API gateway',
  web_server: 'web server',
  service: 'service',
  worker: 'worker',
  cache: 'cache',
  database: 'database',
  object_storage: 'object storage',
  queue: 'queue',
  stream: 'stream',
  search: 'search index',
  monitoring: 'monitoring',
  external: 'external service',
  other: 'component',
};

export const DATA_MODELS = [
  'relational',
  'document',
  'wide_column',
  'key_value',
  'graph',
  'time_series',
  'search',
  'vector',
  'unknown',
] as const;
export type DataModel = (typeof DATA_MODELS)[number];

export const DB_ROLES = ['primary', 'replica'] as const;
export type DbRole = (typeof DB_ROLES)[number];

export const EDGE_STYLES = ['solid', 'dotted', 'thick', 'invisible'] as const;
export type EdgeStyle = (typeof EDGE_STYLES)[number];

export const EDGE_MEANINGS = ['replication', 'async_publish', 'read', 'write', 'request', 'unknown'] as const;
export type EdgeMeaning = (typeof EDGE_MEANINGS)[number];

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['availability', 'scalability', 'data', 'performance', 'operability'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How each category is named to the candidate (report, feedback, Progress, Markdown export). */
export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  availability: 'Availability',
  scalability: 'Scalability',
  data: 'Data',
  performance: 'Performance',
  operability: 'Operability',
};

/** One id per rule module under `rubrics/rules/`. */
export const RULE_IDS = [
  'single-point-of-failure',
  'load-balancing',
  'database-choice',
  'caching',
  'cdn-object-storage',
  'sharding',
  'replication',
  'async-processing',
  'stateless-services',
  'realtime-transport',
  'observability',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Each rule as a reader-facing title (glossary, findings, reference designs). */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'single-point-of-failure': 'Single points of failure',
  'load-balancing': 'Load balancing',
  'database-choice': 'Database choice',
  caching: 'Caching',
  'cdn-object-storage': 'CDN and object storage',
  sharding: 'Sharding',
  replication: 'Replication',
  'async-processing': 'Asynchronous processing',
  'stateless-services': 'Stateless services',
  'realtime-transport': 'Real-time transport',
  observability: 'Observability',
};

/** Which score category each rule feeds. */
export const RULE_CATEGORY: Readonly<Record<RuleId, Category>> = {
  'single-point-of-failure': 'availability',
  'load-balancing': 'availability',
  'database-choice': 'data',
  caching: 'performance',
  'cdn-object-storage': 'performance',
  sharding: 'scalability',
  replication: 'data',
  'async-processing': 'scalability',
  'stateless-services': 'scalability',
  'realtime-transport': 'performance',
  observability: 'operability',
};

/**
 * Concept ids: one glossary entry each (`prompts/glossary.yaml`). Rules cite them in findings,
 * prompts list the ones they exercise, and progress is tracked per concept.
 */
export const CONCEPT_IDS = [
  'dns',
  'load-balancing',
  'scaling',
  'single-point-of-failure',
  'tier-separation',
  'sql-vs-nosql',
  'replication',
  'caching',
  'cdn',
  'object-storage',
  'stateless-services',
  'multi-region',
  'queues-and-streams',
  'delegation',
  'sharding',
  'realtime-transport',
  'concurrency',
  'observability',
  'chaos-testing',
  'idempotency',
  'rate-limiting',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export const REALTIME_TRANSPORTS = ['websocket', 'sse', 'long_polling', 'short_polling'] as const;
export type RealtimeTransport = (typeof REALTIME_TRANSPORTS)[number];

/** How strongly a prompt needs a feature: `required` is graded as a mistake when missing. */
export const NEEDS = ['required', 'recommended', 'none'] as const;
export type Need = (typeof NEEDS)[number];
