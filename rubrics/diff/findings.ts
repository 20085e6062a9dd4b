import type { RuleId } from '../vocabulary';

/** The part of a finding that says what it is about: the rule, the nodes it names and what it says. */
export interface FindingKey {
  readonly rule: RuleId;
  readonly nodes: readonly string[];
  readonly message: string;
}

export interface FindingsDiff<F extends FindingKey> {
  /** In the first report only: the second design no longer has them. */
  readonly fixed: readonly F[];
  /** In the second report only. */
  readonly introduced: readonly F[];
  /** In both (the second report's wording). */
  readonly kept: readonly F[];
}

/**
 * Findings fixed and findings new between two reports. A finding of the first report is "still
 * there" when the second report has a finding of the same rule about the same problem; each
 * finding pairs with at most one other. Pairs are taken in this order, each pass only among the
 * findings the earlier passes left:
 *
 * 1. same rule, same message and the same nodes;
 * 2. same rule and the same nodes (the wording moved, e.g. a box's label was retyped);
 * 3. same rule and the same message: a design-wide problem ("No shard or partition key is
 *    declared for the data stores.") whose node list only grew or shrank with the design, e.g. a
 *    cache was added next to the database;
 * 4. same rule and overlapping nodes (the most shared nodes first): the problem still concerns
 *    some of the same boxes, e.g. "No failover for DB, Cache" then "No failover for DB".
 *
 * The same rule about an unrelated box (no shared node, a message naming the other box) stays one
 * fixed and one new. The first report's node ids are read through `matched` (see
 * `structuralDiff`), so a box renamed between the two designs keeps its findings paired.
 */
export function diffFindings<F extends FindingKey>(before: readonly F[], after: readonly F[], matched: ReadonlyMap<string, string> = new Map()): FindingsDiff<F> {
  const beforeNodes = before.map((f) => new Set(f.nodes.map((id) => matched.get(id) ?? id)));
  const afterNodes = after.map((f) => new Set(f.nodes));
  const sameNodes = (b: number, a: number): boolean => {
    const x = beforeNodes[b] as Set<string>;
    const y = afterNodes[a] as Set<string>;
    return x.size === y.size && [...x].every((id) => y.has(id));
  };
  const shared = (b: number, a: number): number => [...(beforeNodes[b] as Set<string>)].filter((id) => (afterNodes[a] as Set<string>).has(id)).length;
  const sameMessage = (b: number, a: number): boolean => (before[b] as F).message === (after[a] as F).message;

  /** How well after-finding `a` fits before-finding `b` in a pass: undefined when it does not, higher is better. */
  const passes: readonly ((b: number, a: number) => number | undefined)[] = [
    (b, a) => (sameMessage(b, a) && sameNodes(b, a) ? 0 : undefined),
    (b, a) => (sameNodes(b, a) ? 0 : undefined),
    (b, a) => (sameMessage(b, a) ? 0 : undefined),
    (b, a) => {
      const n = shared(b, a);
      return n > 0 ? n : undefined;
    },
  ];

  const pairedBefore = new Set<number>();
  const pairedAfter = new Set<number>();
  for (const fit of passes) {
    before.forEach((fb, b) => {
      if (pairedBefore.has(b)) return;
      let best: { index: number; score: number } | undefined;
      after.forEach((fa, a) => {
        if (pairedAfter.has(a) || fa.rule !== fb.rule) return;
        const score = fit(b, a);
        if (score !== undefined && (best === undefined || score > best.score)) best = { index: a, score };
      });
      if (best === undefined) return;
      pairedBefore.add(b);
      pairedAfter.add(best.index);
    });
  }

  return {
    fixed: before.filter((_, b) => !pairedBefore.has(b)),
    introduced: after.filter((_, a) => !pairedAfter.has(a)),
    kept: after.filter((_, a) => pairedAfter.has(a)),
  };
}
