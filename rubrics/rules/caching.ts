import type { ArchNode } from '../model/types';
import { isRedundant } from '../graph/redundancy';
import type { Need } from '../vocabulary';
import { callsItselfACache, entityCaches, finding, hasFlag, named, namedList, reportedSinglePoints, severityForNeed } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'caching';
// A CDN's origin shield and a balancer's reverse-proxy cache are used too: they sit in front of the origin.
const USERS = new Set(['service', 'web_server', 'worker', 'api_gateway', 'cdn', 'load_balancer']);

/** "Trie servers ×6 · in-memory trie": servers answering reads from their own memory are the cache. */
const IN_MEMORY_COPY = /\bin[\s-](?:local\s+)?memory\s+(?:tries?|index(?:es)?|indices|cache|caches|copy|replica|tables?|lookups?)\b/i;
const holdsDataInMemory = (n: ArchNode): boolean => (n.kind === 'service' || n.kind === 'web_server') && IN_MEMORY_COPY.test(n.label);

/** A cache where reads dominate, used by the service tier, not itself a SPOF, with TTL/invalidation noted. */
export const caching: Rule = (graph, params) => {
  const { rubric } = params;
  const need: Need = rubric.caching !== 'none' ? rubric.caching : rubric.readHeavy ? 'recommended' : 'none';
  if (need === 'none') return [];
  const findings: Finding[] = [];
  const caches = graph.ofKind('cache');
  if (caches.length === 0 && !graph.nodes.some(holdsDataInMemory)) {
    const stores = graph.ofKind('database');
    return [
      finding(RULE, severityForNeed(need), stores.map((n) => n.id), 'caching', {
        message: 'No cache: every read goes to the database.',
        why: 'This workload is read-heavy; serving hot reads from memory cuts latency and keeps the database from saturating.',
        fix: 'Add a cache between the service and the database, e.g. `App --> Cache[(Redis cache · TTL 5m)]` read before the database.',
      }),
    ];
  }
  const unused = caches.filter((c) => !graph.neighbours(c.id).some((n) => USERS.has(n.kind)));
  if (unused.length > 0) {
    findings.push(
      finding(RULE, 'minor', unused.map((n) => n.id), 'caching', {
        message: `${namedList(unused)} is not used by any service.`,
        why: 'A cache only helps when the service reads it before going to the store (cache-aside) or writes through it.',
        fix: 'Connect the service to the cache, e.g. `App -->|read| Cache` and `App -->|on miss| DB`.',
      }),
    );
  }
  const reported = reportedSinglePoints(graph, params);
  const single = caches.filter((c) => !isRedundant(c, graph) && !reported.has(c.id));
  if (single.length > 0) {
    findings.push(
      finding(RULE, 'minor', single.map((n) => n.id), 'caching', {
        message: `${namedList(single)} runs as one instance.`,
        why: 'When the only cache node fails, every read falls through to the database at once (a thundering herd) and can take it down.',
        fix: `Run the cache as a cluster or replicated pair, e.g. \`${single[0]?.id ?? 'Cache'}[(Redis cluster ×3)]\`.`,
      }),
    );
  }
  // Redis kept as the store of the prompt's own data ("URL frontier · Redis", "Seen URLs · Redis") is
  // not a copy to expire; one that calls itself a cache is.
  const records = new Set(entityCaches(graph, params).filter((c) => !callsItselfACache(c, graph)).map((c) => c.id));
  const stale = caches.filter((c) => !hasFlag(c, 'ttl') && !hasFlag(c, 'invalidation') && !records.has(c.id));
  if (stale.length > 0) {
    findings.push(
      finding(RULE, 'minor', stale.map((n) => n.id), 'caching', {
        message: `No expiry or invalidation noted for ${stale.map(named).join(', ')}.`,
        why: 'Without a TTL or an invalidation path a cache serves stale data indefinitely after the database changes.',
        fix: 'Note how entries leave the cache, e.g. `Cache[(Redis · TTL 60s)]` or an edge `App -->|invalidate on write| Cache`.',
      }),
    );
  }
  return findings;
};
