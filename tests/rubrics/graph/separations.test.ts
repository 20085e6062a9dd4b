import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachable, separations, type RequestGraph } from '../../../rubrics/graph/requestPaths';

function graphOf(n: number, pairs: ReadonlyArray<readonly [number, number]>, entries: readonly number[]): RequestGraph {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const adjacency = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of pairs) {
    if (a === b) continue;
    adjacency.get(`n${a}`)?.push(`n${b}`);
    adjacency.get(`n${b}`)?.push(`n${a}`);
  }
  return { ids, adjacency, entries: [...new Set(entries)].map((i) => `n${i}`), targets: [] };
}

describe('separations (one DFS) agree with removing each node and searching again', () => {
  it('on random undirected graphs with several entries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }),
            fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
          ),
        ),
        ([n, pairs, entries]) => {
          const rg = graphOf(n, pairs, entries);
          const cuts = separations(rg);
          const before = reachable(rg, rg.entries);
          expect([...cuts.reachable].sort()).toEqual([...before].sort());
          for (const id of rg.ids) {
            if (rg.entries.includes(id) || !before.has(id)) continue;
            const after = reachable(rg, rg.entries, id);
            const expected = [...before].filter((x) => x !== id && !after.has(x)).sort();
            expect([...cuts.cutOffBy(id)].sort()).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a chain: each inner node cuts off everything after it', () => {
    const rg = graphOf(4, [[0, 1], [1, 2], [2, 3]], [0]);
    const cuts = separations(rg);
    expect(cuts.cutOffBy('n1')).toEqual(['n2', 'n3']);
    expect(cuts.cutOffBy('n2')).toEqual(['n3']);
    expect(cuts.cutOffBy('n3')).toEqual([]);
  });
});
