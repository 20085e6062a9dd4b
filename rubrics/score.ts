import type { CoverageAssessment } from './coverage/assess';
import type { GradingParams } from './params';
import type { Finding } from './rules/types';
import { CATEGORIES, RULE_CATEGORY, RULE_IDS, type Category, type RuleId, type Severity } from './vocabulary';

/**
 * Scoring (deterministic, order-independent): total = coverage × quality.
 * - coverage: the share of the prompt's capabilities the design serves along its drawn request
 *   flow, core capabilities weighing double (rubrics/coverage/); a design serving none scores 0;
 * - quality: how well it serves them, from the rules: each rule the rubric lists with weight > 0
 *   scores `max(0, 1 − Σ penalty)` over its findings (critical 1, major 0.5, minor 0.15, info 0),
 *   and quality is the weighted mean; each category the same over its own rules;
 * - a critical finding that breaks a core requirement caps the total at `CORE_BREAK_CAP`: a core
 *   capability the design does not serve, or a critical rule finding on a node of a core
 *   capability's path (the only instance on the main request path). A critical finding
 *   elsewhere (an analytics store off every request path) costs its rule's weight, no more.
 */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = { critical: 1, major: 0.5, minor: 0.15, info: 0 };
export const CORE_BREAK_CAP = 40;

export interface RuleScore {
  readonly rule: RuleId;
  readonly category: Category;
  readonly weight: number;
  readonly required: boolean;
  /** 0..1 */
  readonly score: number;
}

export interface Score {
  /** 0..100: coverage × quality, capped when a core requirement is broken. */
  readonly total: number;
  /** 0..100: what the design serves (weighted share of the prompt's capabilities). */
  readonly coverage: number;
  /** 0..100: how well, from the rules' findings. */
  readonly quality: number;
  readonly categories: Readonly<Partial<Record<Category, number>>>;
  /** Whether a critical finding that breaks a core requirement lowered the total. */
  readonly capped: boolean;
  readonly rules: readonly RuleScore[];
}

export function applicableRules(params: GradingParams): ReadonlyArray<readonly [RuleId, { weight: number; required: boolean }]> {
  return RULE_IDS.flatMap((id) => {
    const weight = params.rubric.rules[id];
    return weight === undefined ? [] : [[id, { weight: weight.weight, required: weight.required ?? false }] as const];
  });
}

const percent = (x: number): number => Math.round(x * 100);

export interface Quality {
  /** 0..1, unrounded. */
  readonly value: number;
  readonly categories: Readonly<Partial<Record<Category, number>>>;
  readonly rules: readonly RuleScore[];
}

/** How well the design does what it does: the weighted rule scores over the rules' own findings. */
export function qualityOf(findings: readonly Finding[], params: GradingParams): Quality {
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
    return total === 0 ? 1 : list.reduce((s, r) => s + r.weight * r.score, 0) / total;
  };
  const categories: Partial<Record<Category, number>> = {};
  for (const category of CATEGORIES) {
    const list = rules.filter((r) => r.category === category);
    if (list.length > 0) categories[category] = percent(weighted(list));
  }
  return { value: weighted(rules), categories: Object.freeze(categories), rules: Object.freeze(rules.map((r) => Object.freeze(r))) };
}

/** Whether a critical finding breaks a core requirement (see the scoring note above). */
export function breaksCore(ruleFindings: readonly Finding[], coverage: CoverageAssessment, params: GradingParams): boolean {
  if (coverage.outcomes.some((o) => o.capability.core && !o.met)) return true;
  const corePath = new Set(coverage.outcomes.flatMap((o) => (o.capability.core && o.met ? o.path : [])));
  const weighted = new Set(applicableRules(params).flatMap(([id, w]) => (w.weight > 0 ? [id] : [])));
  return ruleFindings.some((f) => f.severity === 'critical' && weighted.has(f.rule) && f.nodes.some((n) => corePath.has(n)));
}

/** The score of a design: rule findings (gap findings excluded: coverage already counts them) and its coverage. */
export function scoreDesign(ruleFindings: readonly Finding[], coverage: CoverageAssessment, params: GradingParams): Score {
  const quality = qualityOf(ruleFindings, params);
  const raw = percent(coverage.fraction * quality.value);
  const broken = breaksCore(ruleFindings, coverage, params);
  return Object.freeze({
    total: broken ? Math.min(raw, CORE_BREAK_CAP) : raw,
    coverage: percent(coverage.fraction),
    quality: percent(quality.value),
    categories: quality.categories,
    capped: broken && raw > CORE_BREAK_CAP,
    rules: quality.rules,
  });
}
