import { EDGE_STYLES, NODE_KINDS, type EdgeMeaning, type EdgeStyle, type NodeKind } from '../vocabulary';
import type { LinkStroke } from '../parse/types';
import { hasAny, toWords, withoutNegated } from './text';

const REPLICATION_WORDS = ['replicate', 'replicates', 'replicated', 'replication', 'replicating', 'repl', 'mirror', 'mirrors', 'mirroring', 'sync replication', 'async replication', 'wal', 'binlog', 'log shipping', 'streaming replication', 'failover', 'standby'];
const PUBLISH_WORDS = ['publish', 'publishes', 'pub', 'enqueue', 'enqueues', 'emit', 'emits', 'produce', 'produces', 'event', 'events', 'fan out', 'fanout', 'send event', 'push job', 'job', 'jobs', 'task', 'tasks', 'message', 'messages', 'async'];
const WRITE_WORDS = ['write', 'writes', 'put', 'insert', 'inserts', 'update', 'updates', 'save', 'saves', 'store', 'stores', 'persist', 'persists', 'upsert', 'delete', 'append', 'appends', 'upload', 'uploads', 'post', 'w'];
const READ_WORDS = ['read', 'reads', 'get', 'gets', 'query', 'queries', 'fetch', 'fetches', 'lookup', 'look up', 'select', 'load', 'loads', 'search', 'serve', 'serves', 'download', 'downloads', 'r'];

const STORE_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'cache', 'object_storage', 'search']);
const MESSAGING_KINDS: ReadonlySet<NodeKind> = new Set(['queue', 'stream']);

export function edgeStyleOf(stroke: LinkStroke): EdgeStyle {
  return stroke === 'normal' ? 'solid' : stroke;
}

const KIND_NUMBER = new Map<NodeKind, number>(NODE_KINDS.map((kind, i) => [kind, i]));
const STYLE_NUMBER = new Map<EdgeStyle, number>(EDGE_STYLES.map((style, i) => [style, i]));
/** Meanings by label, then by a number encoding both endpoint kinds and the style. */
const meaningCache = new Map<string, Map<number, EdgeMeaning>>();

/** The meaning of an edge where it is evident from its label or its endpoints; `unknown` otherwise. */
export function edgeMeaningOf(label: string, fromKind: NodeKind, toKind: NodeKind, style: EdgeStyle): EdgeMeaning {
  let byEnds = meaningCache.get(label);
  if (byEnds === undefined) {
    if (meaningCache.size > 5_000) meaningCache.clear();
    byEnds = new Map();
    meaningCache.set(label, byEnds);
  }
  const ends = ((KIND_NUMBER.get(fromKind) ?? 0) * NODE_KINDS.length + (KIND_NUMBER.get(toKind) ?? 0)) * EDGE_STYLES.length + (STYLE_NUMBER.get(style) ?? 0);
  let meaning = byEnds.get(ends);
  if (meaning === undefined) {
    meaning = meaningFromText(label, fromKind, toKind);
    byEnds.set(ends, meaning);
  }
  return meaning;
}

function meaningFromText(label: string, fromKind: NodeKind, toKind: NodeKind): EdgeMeaning {
  const words = toWords(label);
  // Only words make an edge replication: an unlabelled line between two stores may be an ETL, a
  // backup or a drawing shortcut. Words a negation takes back ("no failover") do not.
  if (hasAny(toWords(withoutNegated(label)), REPLICATION_WORDS)) return 'replication';
  const writes = hasAny(words, WRITE_WORDS);
  const reads = hasAny(words, READ_WORDS);
  if (MESSAGING_KINDS.has(toKind) && !reads) return 'async_publish';
  if (hasAny(words, PUBLISH_WORDS) && !STORE_KINDS.has(toKind)) return 'async_publish';
  if (writes && !reads) return 'write';
  if (reads && !writes) return 'read';
  if (STORE_KINDS.has(toKind) || MESSAGING_KINDS.has(fromKind)) return 'unknown';
  return 'request';
}
