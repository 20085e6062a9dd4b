import type { AnnotationFlag } from './types';
import { anyPhraseTest, hasPhrase, PhraseIndex, type Words } from './text';

/**
 * Facts stated in labels: the shard / partition key (`shard: user_id`, `sharded by user_id`,
 * `partition key = conversation_id`, `hash(user_id)`) and flags such as TTL, health checks,
 * sticky sessions, synchronous replication or the real-time transport.
 */

/** A name that can only be a key: snake_case with an underscore ("user_id"). */
const SNAKE_CASE = '[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+';
/** The same or camelCase ("userId"); case-sensitive, so only in a pattern without the `i` flag. */
const IDENTIFIER = `${SNAKE_CASE}|[a-z]+[A-Z][A-Za-z0-9]*`;
/** A composite key's second part looks like a key too: "user_id, created_at", not "user_id, primary + 2 replicas". */
const SECOND_PART = `(?:\\s*,\\s*(?:${SNAKE_CASE}|(?:ts|timestamp|date|day|hour|time|bucket|month|week|seq|sequence)\\b))?`;
const KEY = `([A-Za-z_][\\w.]*(?:-[\\w.]+)*${SECOND_PART})`;
/**
 * A key needs a declaration form: `shard: x`, `shard key x`, `sharded by x`, `partition key = x`,
 * `pk: x`, `key=x`, `hash(x)`, `keyed by x`, or an identifier right after the word (`shard
 * user_id`). Nouns such as "shard map" or "sharding metadata" are not keys.
 */
const SHARD_KEY_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:shard(?:ed|ing)?|partition(?:ed|ing)?)(?:\\s+key)?\\s*[:=]\\s*(?:hash\\s*\\(\\s*)?${KEY}`, 'i'),
  new RegExp(`\\b(?:shard(?:ed|ing)?|partition(?:ed|ing)?)\\s+(?:by|on)\\s+(?:hash\\s*\\(\\s*)?${KEY}`, 'i'),
  new RegExp(`\\b(?:partition|shard|hash|distribution|sharding|partitioning)\\s+key\\s*(?:[:=]|is)?\\s*${KEY}`, 'i'),
  new RegExp(`\\bpk\\s*[:=]\\s*${KEY}`, 'i'),
  new RegExp(`\\bkey\\s*=\\s*${KEY}`, 'i'),
  new RegExp(`\\bhash\\s*\\(\\s*${KEY}\\s*\\)`, 'i'),
  new RegExp(`\\bkeyed\\s+(?:by|on)\\s+${KEY}`, 'i'),
  // Without a colon or "by", only a name that can be nothing but a key: "shard user_id", "key member_id".
  new RegExp(`\\b(?:[Ss]hard(?:ed)?|[Pp]artition(?:ed)?|[Kk]ey)\\s+(${IDENTIFIER})\\b`),
];

const NOT_A_KEY: ReadonlySet<string> = new Set(['key', 'by', 'on', 'the', 'a', 'and', 'with', 'per', 'across', 'cluster', 'db']);

export function normaliseKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .replace(/[\s-]+/g, '_')
    .trim();
}

const MAY_DECLARE_KEY = /shard|partition|pk|key|hash/i;

/** "hash(key)", "key hash", "hash of the key", "shard: key": the entry's own key, hashed (a cache or key-value store). */
const KEY_HASH_WORDING = /\bhash\s*\(\s*(?:the\s+)?(?:cache\s+)?keys?\s*\)|\b(?:cache\s+)?key\s+hash(?:es|ing)?\b|\bhash(?:es|ing)?\s+of\s+(?:the\s+)?(?:cache\s+)?keys?\b/gi;
const KEY_ALONE = /([:=]\s*)key\b(?!\s*[:=(])/gi;
/** "Consistent hashing ring", "consistent hashing on user_id": keys hashed onto the nodes. */
const CONSISTENT_HASHING = new RegExp(`\\bconsistent[\\s-]+hash(?:ing)?(?:\\s+(?:on|by|of)\\s+${KEY})?`, 'i');

export function shardKeyIn(text: string): string | undefined {
  if (!MAY_DECLARE_KEY.test(text)) return undefined;
  const worded = text.replace(KEY_HASH_WORDING, 'key_hash').replace(KEY_ALONE, '$1key_hash');
  for (const pattern of SHARD_KEY_PATTERNS) {
    const key = pattern.exec(worded)?.[1];
    if (key !== undefined && !NOT_A_KEY.has(key.toLowerCase())) return normaliseKey(key);
  }
  const consistent = CONSISTENT_HASHING.exec(text);
  if (consistent === null) return undefined;
  const key = consistent[1];
  return key === undefined || /^keys?$/i.test(key) || NOT_A_KEY.has(key.toLowerCase()) ? 'key_hash' : normaliseKey(key);
}

const FLAG_PHRASES: ReadonlyArray<readonly [AnnotationFlag, readonly string[]]> = [
  ['ttl', ['ttl', 'expiry', 'expire', 'expires', 'expiration', 'time to live', 'lru', 'eviction', 'refreshed every', 'refresh every', 'refreshes every', 'reloaded every', 'rebuilt every', 'rebuilt hourly', 'rebuilt daily', 'refreshed hourly']],
  ['invalidation', ['invalidate', 'invalidates', 'invalidation', 'write through', 'write behind', 'write back', 'cache aside', 'evict on write', 'delete on write', 'purge']],
  ['health_check', ['health check', 'health checks', 'healthcheck', 'healthchecks', 'health', 'healthz', 'liveness', 'readiness', 'heartbeat', 'heartbeats']],
  ['sticky', ['sticky', 'sticky session', 'sticky sessions', 'session affinity', 'affinity', 'ip hash', 'pinned', 'pin']],
  ['stateless', ['stateless']],
  ['in_memory_state', ['in memory', 'in local memory', 'local memory', 'kept in memory', 'held in memory', 'in process', 'in ram', 'local session', 'local sessions', 'local state', 'local counters', 'stateful']],
  ['sync_replication', ['sync', 'synchronous', 'synchronously', 'sync replication', 'semi sync', 'semi synchronous', 'quorum', 'raft', 'paxos', 'rpo 0', 'zero data loss']],
  ['async_replication', ['async replication', 'asynchronous replication', 'async', 'asynchronous']],
  ['failover', ['failover', 'fail over', 'promote', 'promotion', 'promoted', 'standby', 'hot standby', 'warm standby', 'sentinel', 'patroni', 'leader election', 'auto failover', 'automatic failover', 'active passive']],
  ['replica_lag', ['lag', 'replica lag', 'replication lag', 'read after write', 'read your writes', 'read your own writes', 'eventual', 'eventually consistent', 'stale reads', 'staleness']],
  ['multi_az', ['multi az', 'multi zone', 'across azs', 'across zones', 'az', 'azs', 'availability zone', 'availability zones']],
  // Not "global" or "regions" alone: "Global config" and "Regions table" say nothing about deployment.
  ['multi_region', ['multi region', 'multiregion', 'cross region', 'across regions', 'two regions', '2 regions', 'multiple regions', 'geo replicated', 'geo replication', 'global tables', 'global database', 'globally distributed', 'second region', 'other region', 'another region', 'dr region', 'region b', 'region 2']],
  ['delivery_guarantee', ['at least once', 'at most once', 'exactly once', 'effectively once', 'ack', 'acks', 'acked', 'retry', 'retries', 'dlq', 'dead letter', 'dead letter queue', 'idempotent', 'idempotency', 'durable', 'persistent', 'redelivery']],
  ['websocket', ['websocket', 'websockets', 'web socket', 'web sockets', 'ws', 'wss', 'socket io', 'socketio']],
  ['sse', ['sse', 'server sent events', 'server sent event', 'event source', 'eventsource', 'event stream', 'text event stream', 'streaming http', 'http streaming', 'chunked']],
  ['long_polling', ['long polling', 'long poll', 'long polls', 'longpoll', 'comet']],
  ['short_polling', ['short polling', 'polling', 'polls', 'poll']],
  ['logs', ['log', 'logs', 'logging', 'log aggregation', 'elk', 'loki', 'splunk', 'kibana', 'logstash', 'fluentd', 'fluent bit', 'cloudwatch logs']],
  ['metrics', ['metrics', 'metric', 'monitoring', 'prometheus', 'grafana', 'datadog', 'cloudwatch', 'dashboards', 'dashboard', 'alerting', 'alerts', 'new relic', 'apm']],
  ['tracing', ['tracing', 'traces', 'trace', 'jaeger', 'zipkin', 'opentelemetry', 'otel']],
];

/** Every flag in a stable order (the order flags are listed on a node). */
export const FLAG_ORDER: readonly AnnotationFlag[] = FLAG_PHRASES.map(([flag]) => flag);

const FLAG_INDEX = new PhraseIndex<AnnotationFlag>(FLAG_PHRASES.map(([flag, phrases]) => [phrases, flag] as const));

/**
 * "In-memory trie", "local memory index": reference data every instance loads from a shared
 * source, the same on each, not state one instance owns (sessions, counters, conversations).
 */
const REFERENCE_DATA_IN_MEMORY = /\bin (?:local )?memory (?:tries?|index(?:es)?|indices|cache|copy|replica|snapshot|models?|lookups?|tables?|config|rules|bloom filters?|embeddings)\b/;
const OWNED_STATE = /\b(?:sessions?|counters?|conversations?|stateful|local state|carts?)\b/;

/** Flags stated by the given words; polling that is long polling is not also short polling. */
export function flagsIn(words: Words): readonly AnnotationFlag[] {
  const flags = FLAG_INDEX.matches(words);
  const longPolling = flags.includes('long_polling');
  const referenceData = flags.includes('in_memory_state') && REFERENCE_DATA_IN_MEMORY.test(words) && !OWNED_STATE.test(words);
  return flags.filter((f) => !(f === 'short_polling' && longPolling && !hasPhrase(words, 'short polling')) && !(f === 'in_memory_state' && referenceData));
}

/** Words that mark a box as not built yet: drawn to show where the design goes, not part of it. */
const PLANNED_WORDS: readonly string[] = ['future', 'planned', 'coming soon', 'tbd', 'roadmap', 'not implemented', 'not yet implemented'];

/** Whether a label marks its component as future work ("Redis · Future", "Mobile app (planned)"). */
export const marksPlanned: (words: Words) => boolean = anyPhraseTest(PLANNED_WORDS);
