import type { RuleId } from '../vocabulary';

/** The part of a finding that says what it is about: the rule and the nodes it names. */
export interface FindingKey {
  readonly rule: RuleId;
  readonly nodes: readonly string[];
}

export interface FindingsDiff<F extends FindingKey> {
  /** In the first report only: the second design no longer has them. */
  readonly fixed: readonly F[];
  /** In the second report only. */
  readonly introduced: readonly F[];
  /** In both. */
  readonly kept: readonly F[];
}

/**
 * Findings fixed and findings new between two reports, matched by rule and named nodes. The
 * first report's node ids are read through `matched` (see `structuralDiff`), so a box renamed
 * between the two designs keeps its findings paired.
 */
export function diffFindings<F extends FindingKey>(before: readonly F[], after: readonly F[], matched: ReadonlyMap<string, string> = new Map()): FindingsDiff<F> {
  const key = (rule: RuleId, nodes: readonly string[]): string => `${rule}\u0000${[...nodes].sort().join('\u0000')}`;
  const open = new Map<string, number>();
  for (const f of after) {
    const k = key(f.rule, f.nodes);
    open.set(k, (open.get(k) ?? 0) + 1);
  }
  const fixed: F[] = [];
  const kept: F[] = [];
  const keptKeys = new Map<string, number>();
  for (const f of before) {
    const k = key(
      f.rule,
      f.nodes.map((id) => matched.get(id) ?? id),
    );
    const left = open.get(k) ?? 0;
    if (left === 0) {
      fixed.push(f);
      continue;
    }
    open.set(k, left - 1);
    keptKeys.set(k, (keptKeys.get(k) ?? 0) + 1);
  }
  const introduced: F[] = [];
  for (const f of after) {
    const k = key(f.rule, f.nodes);
    const left = keptKeys.get(k) ?? 0;
    if (left > 0) {
      keptKeys.set(k, left - 1);
      kept.push(f);
    } else introduced.push(f);
  }
  return { fixed, introduced, kept };
}
