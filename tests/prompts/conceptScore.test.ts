import { describe, expect, it } from 'vitest';
import { conceptScore } from '../../prompts/conceptScore';

describe('conceptScore: a concept in one graded attempt, 0–100', () => {
  it.each([
    { case: 'the mean of the rules that grade it, as a percentage', evidence: { ruleMean: 0.35, findings: 1, met: true }, score: 35 },
    { case: 'rounded to a whole number', evidence: { ruleMean: 0.666, findings: 0, met: true }, score: 67 },
    { case: 'capped at 49 while a critical or major finding cites it', evidence: { ruleMean: 0.8, findings: 1, met: false }, score: 49 },
    { case: 'unchanged below the cap when unmet', evidence: { ruleMean: 0.3, findings: 2, met: false }, score: 30 },
    { case: 'no rule and no finding: not rated', evidence: { ruleMean: null, findings: 0, met: true }, score: null },
    { case: 'no rule, only minor findings: 70', evidence: { ruleMean: null, findings: 2, met: true }, score: 70 },
    { case: 'no rule, a major finding: 30', evidence: { ruleMean: null, findings: 1, met: false }, score: 30 },
  ])('$case', ({ evidence, score }) => {
    expect(conceptScore(evidence)).toBe(score);
  });
});
