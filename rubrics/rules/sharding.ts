import type { ArchNode } from '../model/types';
import { entityCaches, finding, named, severityForNeed } from './finding';
import { bySquashedKey, squashKey } from './shardKeys';
import type { Finding, Rule } from './types';

const RULE = 'sharding';

const isStore = (n: ArchNode): boolean =>
  (n.kind === 'database' && n.role !== 'replica') || n.kind === 'stream' || n.kind === 'search';

/** A shard / partition key declared where scale needs it, among the good keys, never a hot key. */
export const sharding: Rule = (graph, params) => {
  const { sharding: need } = params.rubric;
  if (need.need === 'none') return [];
  const findings: Finding[] = [];
  const stores = graph.nodes.filter(isStore);
  const keyed = graph.nodes.filter((n) => n.annotations.shardKey !== undefined);
  const databases = [...stores.filter((n) => n.kind === 'database'), ...entityCaches(graph, params)];
  if (keyed.length === 0) {
    // A prompt whose capabilities ask for sharded nodes says what is missing in its own words (one cause, one finding).
    if (databases.length === 0 || params.rubric.capabilities.some((c) => c.rule === RULE && c.chain.some((step) => step.sharded === true))) return findings;
    const goodKeys = need.goodKeys.map((k) => k.key).join(', ');
    return [
      finding(RULE, severityForNeed(need.need), databases.map((n) => n.id), 'sharding', {
        message: 'No shard or partition key is declared for the data stores.',
        why: 'At this scale one database machine cannot hold the data or absorb the writes; the data has to be split by a key that spreads load evenly.',
        fix: `Declare the key in the store label, e.g. \`DB[(Posts DB · Cassandra · shard: ${need.goodKeys[0]?.key ?? 'user_id'})]\`${goodKeys ? `; good keys here: ${goodKeys}` : ''}.`,
      }),
    ];
  }
  const hotKeys = bySquashedKey(need.hotKeys);
  const goodKeys = bySquashedKey(need.goodKeys);
  for (const node of keyed) {
    const key = node.annotations.shardKey ?? '';
    const squashed = squashKey(key);
    const hot = hotKeys.get(squashed);
    if (hot) {
      findings.push(
        finding(RULE, 'major', [node.id], 'sharding', {
          message: `${named(node)} is sharded by \`${key}\`, a hotspot-prone key.`,
          why: `${hot.reason} A few keys with huge traffic (a celebrity account, a viral item) all land on the same shard, which saturates while the others idle.`,
          fix: need.goodKeys.length > 0 ? `Shard by ${need.goodKeys.map((k) => `\`${k.key}\``).join(' or ')} instead, or split hot keys with a suffix.` : 'Choose a high-cardinality key with even traffic, or split hot keys with a suffix.',
        }),
      );
    } else if (need.goodKeys.length > 0 && !goodKeys.has(squashed)) {
      findings.push(
        finding(RULE, 'minor', [node.id], 'sharding', {
          message: `${named(node)} is sharded by \`${key}\`, which is not one of the keys that fit this workload.`,
          why: `The key should keep each request on one shard and spread load evenly; here that is ${need.goodKeys.map((k) => `\`${k.key}\` (${k.reason})`).join('; ')}.`,
          fix: `Shard by ${need.goodKeys.map((k) => `\`${k.key}\``).join(' or ')}.`,
        }),
      );
    }
  }
  return findings;
};
