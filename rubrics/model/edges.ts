import type { EdgeMeaning, EdgeStyle, NodeKind } from '../vocabulary';
import type { LinkStroke } from '../parse/types';
import { hasAny, toWords } from './text';

const REPLICATION_WORDS = ['replicate', 'replicates', 'replicated', 'replication', 'replicating', 'repl', 'mirror', 'mirrors', 'mirroring', 'sync replication', 'async replication', 'wal', 'binlog', 'log shipping', 'streaming replication', 'failover', 'standby'];
const PUBLISH_WORDS = ['publish', 'publishes', 'pub', 'enqueue', 'enqueues', 'emit', 'emits', 'produce', 'produces', 'event', 'events', 'fan out', 'fanout', 'send event', 'push job', 'job', 'jobs', 'task', 'tasks', 'message', 'messages', 'async'];
const WRITE_WORDS = ['write', 'writes', 'put', 'insert', 'inserts', 'update', 'updates', 'save', 'saves', 'store', 'stores', 'persist', 'persists', 'upsert', 'delete', 'append', 'appends', 'upload', 'uploads', 'post', 'w'];
const READ_WORDS = ['read', 'reads', 'get', 'gets', 'query', 'queries', 'fetch', 'fetches', 'lookup', 'look up', 'select', 'load', 'loads', 'search', 'serve', 'serves', 'download', 'downloads', 'r'];

const STORE_KINDS: ReadonlySet<NodeKind> = new Set(['database', 'cache', 'object_storage', 'search']);
const MESSAGING_KINDS: ReadonlySet<NodeKind> = new Set(['queue', 'stream']);

export function edgeStyleOf(stroke: LinkStroke): EdgeStyle {
  return stroke === 'normal' ? 'solid' : stroke;
}

/** The meaning of an edge where it is evident from its label or its endpoints; `unknown` otherwise. */
export function edgeMeaningOf(label: string, fromKind: NodeKind, toKind: NodeKind, style: EdgeStyle): EdgeMeaning {
  const words = toWords(label);
  const sameStore = fromKind === toKind && (fromKind === 'database' || fromKind === 'cache' || fromKind === 'search');
  if (hasAny(words, REPLICATION_WORDS)) return 'replication';
  if (sameStore && (label === '' || style === 'dotted')) return 'replication';
  const writes = hasAny(words, WRITE_WORDS);
  const reads = hasAny(words, READ_WORDS);
  if (MESSAGING_KINDS.has(toKind) && !reads) return 'async_publish';
  if (hasAny(words, PUBLISH_WORDS) && !STORE_KINDS.has(toKind)) return 'async_publish';
  if (writes && !reads) return 'write';
  if (reads && !writes) return 'read';
  if (STORE_KINDS.has(toKind) || MESSAGING_KINDS.has(fromKind)) return 'unknown';
  return 'request';
}
