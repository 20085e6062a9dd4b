import type { Estimate } from './schema';

/** The closed range of answers accepted for an estimate: value × (1 ± tolerance), never below 0. */
export function acceptedRange(estimate: Pick<Estimate, 'value' | 'tolerance'>): { readonly min: number; readonly max: number } {
  return {
    min: Math.max(0, estimate.value * (1 - estimate.tolerance)),
    max: estimate.value * (1 + estimate.tolerance),
  };
}

/** Whether a candidate's number (in the estimate's unit) is close enough to the expected value. */
export function isWithinTolerance(estimate: Pick<Estimate, 'value' | 'tolerance'>, answer: number): boolean {
  if (!Number.isFinite(answer)) return false;
  const { min, max } = acceptedRange(estimate);
  return answer >= min && answer <= max;
}
