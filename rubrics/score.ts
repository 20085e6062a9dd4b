import type { GradingParams } from './params';
import type { Finding } from './rules/types';
import { CATEGORIES, RULE_CATEGORY, RULE_IDS, type Category, type RuleId, type Severity } from './vocabulary';

/**
 * Scoring (deterministic, order-independent):
 * - each rule the rubric lists with weight > 0 scores `max(0, 1 − Σ penalty)` over its findings,
 *   penalty critical 1, major 0.5, minor 0.15, info 0;
 * - total = round(100 × Σ wᵢ·sᵢ / Σ wᵢ); each category the same over its own rules;
 * - a critical finding in a rule marked `required` caps the total at `REQUIRED_CRITICAL_CAP`:
 *   missing or breaking something the prompt requires fails the design, however polished the rest
 *   (so a naive design scores ≤ 40 while a reference design with a few minor gaps stays ≥ 90).
 */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = { critical: 1, major: 0.5, minor: 0.15, info: 0 };
export const REQUIRED_CRITICAL_CAP = 40;

export interface RuleScore {
  readonly rule: RuleId;
  readonly category: Category;
  readonly weight: number;
  readonly required: boolean;
  /** 0..1 */
  readonly score: number;
}

export interface Score {
  /** 0..100 */
  readonly total: number;
  readonly categories: Readonly<Partial<Record<Category, number>>>;
  /** Whether a critical finding in a required rule capped the total. */
  readonly capped: boolean;
  readonly rules: readonly RuleScore[];
}

export function applicableRules(params: GradingParams): ReadonlyArray<readonly [RuleId, { weight: number; required: boolean }]> {
  return RULE_IDS.flatMap((id) => {
    const weight = params.rubric.rules[id];
    return weight === undefined ? [] : [[id, { weight: weight.weight, required: weight.required ?? false }] as const];
  });
}

const round = (x: number): number => Math.round(x * 100);

export function scoreFindings(findings: readonly Finding[], params: GradingParams): Score {
  const penalty = new Map<RuleId, number>();
  for (const f of findings) penalty.set(f.rule, (penalty.get(f.rule) ?? 0) + SEVERITY_PENALTY[f.severity]);
  const rules: RuleScore[] = applicableRules(params)
    .filter(([, w]) => w.weight > 0)
    .map(([rule, w]) => ({
      rule,
      category: RULE_CATEGORY[rule],
      weight: w.weight,
      required: w.required,
      score: Math.max(0, 1 - (penalty.get(rule) ?? 0)),
    }));
  const weighted = (list: readonly RuleScore[]): number => {
    const total = list.reduce((s, r) => s + r.weight, 0);
    return total === 0 ? 100 : round(list.reduce((s, r) => s + r.weight * r.score, 0) / total);
  };
  const categories: Partial<Record<Category, number>> = {};
  for (const category of CATEGORIES) {
    const list = rules.filter((r) => r.category === category);
    if (list.length > 0) categories[category] = weighted(list);
  }
  const requiredCritical = findings.some(
    (f) => f.severity === 'critical' && rules.some((r) => r.rule === f.rule && r.required),
  );
  const raw = weighted(rules);
  const total = requiredCritical ? Math.min(raw, REQUIRED_CRITICAL_CAP) : raw;
  return Object.freeze({
    total,
    categories: Object.freeze(categories),
    capped: requiredCritical && raw > REQUIRED_CRITICAL_CAP,
    rules: Object.freeze(rules.map((r) => Object.freeze(r))),
  });
}
