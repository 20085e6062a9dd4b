import { describe, expect, it } from 'vitest';
import { diffFindings, type FindingKey } from '../../../rubrics/diff/findings';

const f = (rule: FindingKey['rule'], message: string, ...nodes: string[]): FindingKey => ({ rule, message, nodes });
const brief = (list: readonly FindingKey[]): string[] => list.map((x) => `${x.rule}:${x.nodes.join(',')}`);

const NO_SHARD_KEY = 'No shard or partition key is declared for the data stores.';
const spof = (id: string): FindingKey => f('single-point-of-failure', `\`${id}\` is a single point of failure: clients lose service with this one instance.`, id);

describe('diffFindings', () => {
  it.each([
    {
      name: 'a single point of failure fixed and a cache finding new',
      before: [spof('API'), f('sharding', NO_SHARD_KEY, 'DB')],
      after: [f('sharding', NO_SHARD_KEY, 'DB'), f('caching', '`C` runs as one instance.', 'C')],
      matched: [],
      fixed: ['single-point-of-failure:API'],
      introduced: ['caching:C'],
      kept: ['sharding:DB'],
    },
    {
      name: 'the same rule on an unrelated box is one fixed and one new',
      before: [spof('API')],
      after: [spof('DB')],
      matched: [],
      fixed: ['single-point-of-failure:API'],
      introduced: ['single-point-of-failure:DB'],
      kept: [],
    },
    {
      name: 'node order does not matter, and a renamed node keeps its finding through the matching',
      before: [f('replication', 'No failover noted for `API`, `DB`.', 'DB', 'API')],
      after: [f('replication', 'No failover noted for `API`, `Store`.', 'API', 'Store')],
      matched: [
        ['DB', 'Store'],
        ['API', 'API'],
      ],
      fixed: [],
      introduced: [],
      kept: ['replication:API,Store'],
    },
    {
      name: 'a finding repeated twice before and once after: one fixed, one kept',
      before: [f('caching', '`C` runs as one instance.', 'C'), f('caching', '`C` runs as one instance.', 'C')],
      after: [f('caching', '`C` runs as one instance.', 'C')],
      matched: [],
      fixed: ['caching:C'],
      introduced: [],
      kept: ['caching:C'],
    },
    {
      name: 'a design-wide problem whose node list grew (a cache added next to the database) is still there, not fixed and new',
      before: [f('sharding', NO_SHARD_KEY, 'DB')],
      after: [f('sharding', NO_SHARD_KEY, 'C', 'DB')],
      matched: [['DB', 'DB']],
      fixed: [],
      introduced: [],
      kept: ['sharding:C,DB'],
    },
    {
      name: 'a design-wide problem whose node list shrank is still there',
      before: [f('caching', 'No cache: every read goes to the database.', 'DB', 'Search')],
      after: [f('caching', 'No cache: every read goes to the database.', 'DB')],
      matched: [],
      fixed: [],
      introduced: [],
      kept: ['caching:DB'],
    },
    {
      name: 'a finding whose nodes changed in part (one box dropped from it, wording changed) is still there',
      before: [f('replication', 'No failover noted for `Cache`, `DB`: how does a replica become the primary?', 'Cache', 'DB')],
      after: [f('replication', 'No failover noted for `DB`: how does a replica become the primary?', 'DB')],
      matched: [],
      fixed: [],
      introduced: [],
      kept: ['replication:DB'],
    },
    {
      name: 'a partly changed finding pairs with the one sharing the most nodes; the other is new',
      before: [f('replication', 'No failover noted for `A`, `B`.', 'A', 'B')],
      after: [f('replication', 'No failover noted for `A`.', 'A'), f('replication', 'No failover noted for `A`, `B`, `C`.', 'A', 'B', 'C')],
      matched: [],
      fixed: [],
      introduced: ['replication:A'],
      kept: ['replication:A,B,C'],
    },
    {
      name: 'two findings of one rule pair with their own boxes, not crosswise',
      before: [spof('API'), spof('DB')],
      after: [spof('DB')],
      matched: [],
      fixed: ['single-point-of-failure:API'],
      introduced: [],
      kept: ['single-point-of-failure:DB'],
    },
    {
      name: 'a different rule on the same boxes is not the same problem',
      before: [f('sharding', NO_SHARD_KEY, 'DB')],
      after: [f('replication', '`DB` has no replica.', 'DB')],
      matched: [],
      fixed: ['sharding:DB'],
      introduced: ['replication:DB'],
      kept: [],
    },
  ] as const)('$name', ({ before, after, matched, fixed, introduced, kept }) => {
    const diff = diffFindings(before, after, new Map(matched as readonly (readonly [string, string])[]));
    expect({ fixed: brief(diff.fixed), introduced: brief(diff.introduced), kept: brief(diff.kept) }).toEqual({ fixed, introduced, kept });
  });
});
