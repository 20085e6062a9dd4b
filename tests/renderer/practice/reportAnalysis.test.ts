// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gradeInstagram, params, prompt } from './instagramGrading';
import { scoreDesign } from '../../../rubrics/score';
import { analyseReport } from '../../../renderer/src/practice/reportAnalysis';

describe('analyseReport', () => {
  it.each([
    ['the naive design', prompt.naive.mermaid],
    ['the reference design', prompt.reference.mermaid],
    ['one box', 'flowchart LR\n  User --> App[Photo service]'],
    ['a box nothing reaches', 'flowchart LR\n  User --> App[Photo service ×3]\n  S3[(Photo bucket · S3)]'],
  ])('splits %s into gaps and rule findings that score as the report did', { timeout: 60_000 }, async (_, text) => {
    const graded = await gradeInstagram(text);
    const analysis = analyseReport(graded, params);
    expect(scoreDesign(analysis.ruleFindings, analysis.coverage, params)).toEqual(graded.score);
    expect(analysis.gapFindings.length + analysis.ruleFindings.length).toBe(graded.findings.length);
    expect(analysis.gapFindings.map((f) => f.message).sort()).toEqual(
      analysis.coverage.outcomes
        .filter((o) => !o.met)
        .map((o) => o.capability.missing)
        .sort(),
    );
  });
});
