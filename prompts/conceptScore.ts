/**
 * A concept's score in one graded attempt, 0–100, from the stored per-rule and per-concept rows.
 * The concept rows say only whether the concept was met (no critical or major finding cites it),
 * so the number comes from the rules that grade the concept; a concept no rule grades is rated
 * only when a finding cites it. `null`: the attempt says nothing about the concept.
 */
export interface ConceptEvidence {
  /** Mean score (0–1) of the attempt's rules that grade the concept; null when none ran. */
  readonly ruleMean: number | null;
  readonly findings: number;
  readonly met: boolean;
}

/** Highest score a concept gets while a critical or major finding cites it: always rated "Again". */
export const UNMET_CAP = 49;
/** Scores for a concept that only findings speak about (no rule grades it). */
export const FINDINGS_ONLY_MET = 70;
export const FINDINGS_ONLY_UNMET = 30;

export function conceptScore(evidence: ConceptEvidence): number | null {
  if (evidence.ruleMean !== null) {
    const score = Math.round(100 * Math.min(1, Math.max(0, evidence.ruleMean)));
    return evidence.met ? score : Math.min(score, UNMET_CAP);
  }
  if (evidence.findings === 0) return null;
  return evidence.met ? FINDINGS_ONLY_MET : FINDINGS_ONLY_UNMET;
}
