import type { ArchEdge, ArchNode, ArchitectureGraph } from '../model/types';
import { statesItsCopy } from '../model/instances';
import { anyPhraseTest, toWords, withoutNegated, type Words } from '../model/text';
import type { NodeKind } from '../vocabulary';
import type { NodeMatcher, Step } from './schema';

export type NodeTest = (node: ArchNode) => boolean;

/** "Cache shard 1", "Partition N": a box drawn as one shard of several. */
const NUMBERED_SHARD = /\b(?:shard|partition)\s*#?\s*(?:\d+|[A-Z]|n)\b/i;

/**
 * A numbered shard that a caller routes to by a declared key ("Client library · consistent
 * hashing ring" --> "Cache shard 1"): the key is written once, on the router, for all its shards.
 */
function isKeyedShard(node: ArchNode, graph: ArchitectureGraph): boolean {
  return NUMBERED_SHARD.test(node.label) && graph.incoming(node.id).some((e) => graph.node(e.from)?.annotations.shardKey !== undefined);
}

/**
 * What a node says of itself: its label without negated phrases ("no dedup yet" earns no dedup),
 * or, for a box with no label, its id's words (renaming an id changes nothing).
 */
function ownWords(n: ArchNode, graph: ArchitectureGraph): Words {
  return n.label === n.id ? graph.matchWords(n) : toWords(withoutNegated(n.label));
}

/** Kinds that keep data, which a step's `holds` can name. */
const STORE_KINDS: readonly NodeKind[] = ['database', 'cache', 'search', 'object_storage'];

/** A store that keeps its own data: not a replica. */
const isPrimaryStore = (n: ArchNode): boolean => n.kind !== 'database' || n.role !== 'replica';

/** A store that says what it is: a database of a known model (or a cache, index or bucket by nature). */
const saysWhatItIs = (n: ArchNode): boolean => n.kind !== 'database' || n.dataModel !== 'unknown';

/**
 * A store kept beside the data rather than as it: "Order history", "Ledger archive", "Orders
 * analytics", a read model or a backup. The data it copies lives elsewhere.
 */
export const namesDerivedCopy = anyPhraseTest([
  'history', 'archive', 'archives', 'analytics', 'warehouse', 'reporting', 'report', 'reports', 'read model', 'projection',
  'projections', 'view', 'views', 'snapshot', 'snapshots', 'backup', 'backups', 'audit', 'search', 'index', 'export', 'events',
]);

/**
 * The stores, of the matcher's kinds, that the diagram names for the data the matcher `holds`
 * ("Ledger · Cassandra"), as ids: where the design keeps that data. Empty when it does not say.
 * Only stores that say what they are restrict a step; `namedOnly` also returns the ones that do
 * not ("Ledger DB"), for a finding to name.
 */
export function heldStores(m: NodeMatcher, graph: ArchitectureGraph, namedOnly = false): ReadonlySet<string> {
  if (m.holds === undefined) return new Set();
  const kinds = STORE_KINDS.filter((k) => m.kind === undefined || m.kind.includes(k));
  const names = anyPhraseTest(m.holds);
  const keeps = (n: ArchNode): boolean => {
    const words = ownWords(n, graph);
    return names(words) && !namesDerivedCopy(words);
  };
  return new Set(
    graph
      .ofKind(...kinds)
      .filter((n) => isPrimaryStore(n) && (namedOnly || saysWhatItIs(n)) && keeps(n))
      .map((n) => n.id),
  );
}

function matcherTest(m: NodeMatcher, graph: ArchitectureGraph): NodeTest {
  const tests: NodeTest[] = [];
  if (m.kind !== undefined) {
    const kinds = new Set<string>(m.kind);
    tests.push((n) => kinds.has(n.kind));
  }
  if (m.dataModel !== undefined) {
    const models = new Set<string>(m.dataModel);
    tests.push((n) => n.kind === 'database' && models.has(n.dataModel));
  }
  if (m.tech !== undefined) {
    const techs = m.tech;
    tests.push((n) => n.tech.some((t) => techs.includes(t)));
  }
  if (m.words !== undefined) {
    const hasWord = anyPhraseTest(m.words);
    tests.push((n) => hasWord(ownWords(n, graph)));
  }
  if (m.edgeWords !== undefined) {
    const says = anyPhraseTest(m.edgeWords);
    const edgeSays = (e: ArchEdge): boolean => e.label !== undefined && says(toWords(withoutNegated(e.label)));
    tests.push((n) => graph.incoming(n.id).some(edgeSays) || graph.outgoing(n.id).some(edgeSays));
  }
  if (m.holds !== undefined) {
    const held = heldStores(m, graph);
    if (held.size > 0) tests.push((n) => held.has(n.id));
  }
  if (m.flags !== undefined) {
    const wanted: readonly string[] = m.flags;
    tests.push((n) => n.annotations.flags.some((f) => wanted.includes(f)));
  }
  if (m.transport !== undefined) {
    const wanted: readonly string[] = m.transport;
    tests.push((n) => n.annotations.flags.some((f) => wanted.includes(f)));
  }
  if (m.sharded === true) tests.push((n) => n.annotations.shardKey !== undefined || isKeyedShard(n, graph));
  if (m.replicated === true) {
    // A replication edge, or a box that says it holds its copy ("Cache node 1 · primary + replica", "auto failover").
    tests.push(
      (n) =>
        graph.outgoing(n.id).some((e) => e.meaning === 'replication') ||
        graph.incoming(n.id).some((e) => e.meaning === 'replication') ||
        statesItsCopy(n.label) ||
        n.annotations.flags.includes('failover'),
    );
  }
  return (n) => tests.every((t) => t(n));
}

/** A node matches a step when it meets the step's own criteria and, if given, one of its alternatives. */
export function stepTest(step: Step, graph: ArchitectureGraph): NodeTest {
  const own = matcherTest(step, graph);
  if (step.anyOf === undefined) return own;
  const alternatives = step.anyOf.map((m) => matcherTest(m, graph));
  return (n) => own(n) && alternatives.some((t) => t(n));
}
