import { describe, expect, it } from 'vitest';
import { diffFindings, type FindingKey } from '../../../rubrics/diff/findings';

const f = (rule: FindingKey['rule'], ...nodes: string[]): FindingKey => ({ rule, nodes });
const brief = (list: readonly FindingKey[]): string[] => list.map((x) => `${x.rule}:${x.nodes.join(',')}`);

describe('diffFindings', () => {
  it.each([
    {
      name: 'a single point of failure fixed and a cache finding new',
      before: [f('single-point-of-failure', 'API'), f('sharding', 'DB')],
      after: [f('sharding', 'DB'), f('caching', 'C')],
      matched: [],
      fixed: ['single-point-of-failure:API'],
      introduced: ['caching:C'],
      kept: ['sharding:DB'],
    },
    {
      name: 'the same rule on other nodes is one fixed and one new',
      before: [f('single-point-of-failure', 'API')],
      after: [f('single-point-of-failure', 'DB')],
      matched: [],
      fixed: ['single-point-of-failure:API'],
      introduced: ['single-point-of-failure:DB'],
      kept: [],
    },
    {
      name: 'node order does not matter, and a renamed node keeps its finding through the matching',
      before: [f('replication', 'DB', 'API')],
      after: [f('replication', 'API', 'Store')],
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
      before: [f('caching', 'C'), f('caching', 'C')],
      after: [f('caching', 'C')],
      matched: [],
      fixed: ['caching:C'],
      introduced: [],
      kept: ['caching:C'],
    },
  ] as const)('$name', ({ before, after, matched, fixed, introduced, kept }) => {
    const diff = diffFindings(before, after, new Map(matched as readonly (readonly [string, string])[]));
    expect({ fixed: brief(diff.fixed), introduced: brief(diff.introduced), kept: brief(diff.kept) }).toEqual({ fixed, introduced, kept });
  });
});
