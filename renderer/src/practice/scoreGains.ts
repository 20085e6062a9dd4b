import { coverageOf, type CoverageAssessment } from '../../../rubrics/coverage/assess';
import type { GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';
import { scoreDesign } from '../../../rubrics/score';
import { RULE_IDS, RULE_TITLES, type RuleId } from '../../../rubrics/vocabulary';

export type ScoreGain =
  | {
      readonly kind: 'rule';
      readonly rule: RuleId;
      /** What to do, for the candidate: "fix load balancing". */
      readonly action: string;
      /** Points the total would gain with every finding of this rule fixed. */
      readonly gain: number;
    }
  | {
      readonly kind: 'capability';
      /** The prompt capability's id. */
      readonly capability: string;
      /** "serve “The home feed is read from a cache”". */
      readonly action: string;
      /** Points the total would gain with this capability served. */
      readonly gain: number;
    };

export interface GainInput {
  readonly ruleFindings: readonly Finding[];
  readonly coverage: CoverageAssessment;
  readonly params: GradingParams;
}

/** A title inside a sentence: "Load balancing" → "load balancing", "CDN and object storage" unchanged. */
const inSentence = (title: string): string => (/^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title);

/** The same coverage with one more capability served (along a path not drawn yet, so on no node). */
function withServed(coverage: CoverageAssessment, id: string): CoverageAssessment {
  return coverageOf(coverage.outcomes.map((o) => (o.capability.id === id ? { capability: o.capability, met: true, nodes: [], path: [] } : o)));
}

/**
 * What each change would add to the total, each scored by rubrics/score.ts itself: the rule
 * findings of one rule gone (its score back to 1), or one unmet capability served (coverage up).
 * The cap for a broken core requirement is the scorer's own, so a fix that leaves another core
 * requirement broken gains only up to the cap. Largest gain first; changes that gain nothing are left out.
 */
export function estimateGains(input: GainInput): readonly ScoreGain[] {
  const { ruleFindings, coverage, params } = input;
  const now = scoreDesign(ruleFindings, coverage, params).total;
  const rules = RULE_IDS.filter((rule) => ruleFindings.some((f) => f.rule === rule));
  const ruleGains = rules.map(
    (rule): ScoreGain => ({
      kind: 'rule',
      rule,
      action: `fix ${inSentence(RULE_TITLES[rule])}`,
      gain: scoreDesign(
        ruleFindings.filter((f) => f.rule !== rule),
        coverage,
        params,
      ).total - now,
    }),
  );
  const capabilityGains = coverage.outcomes
    .filter((o) => !o.met)
    .map(
      (o): ScoreGain => ({
        kind: 'capability',
        capability: o.capability.id,
        action: `serve “${o.capability.title}”`,
        gain: scoreDesign(ruleFindings, withServed(coverage, o.capability.id), params).total - now,
      }),
    );
  return [...ruleGains, ...capabilityGains].filter((g) => g.gain > 0).sort((a, b) => b.gain - a.gain || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}
