// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gradeFlowchart } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import { scoreDesign } from '../../../rubrics/score';
import { parsePromptFile } from '../../../prompts/parse';
import instagramYaml from '../../../prompts/data/instagram.yaml?raw';
import { analyseReport } from '../../../renderer/src/practice/reportAnalysis';
// The renderer's own Mermaid adapter on jsdom: the parse the app grades with.
import { parseForGrading } from '../../../renderer/src/mermaid/index';

const prompt = (() => {
  const parsed = parsePromptFile('instagram.yaml', instagramYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
})();
const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };

async function report(text: string) {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) throw new Error('does not parse');
  return gradeFlowchart(parsed.flowchart, params);
}

describe('analyseReport', () => {
  it.each([
    ['the naive design', prompt.naive.mermaid],
    ['the reference design', prompt.reference.mermaid],
    ['one box', 'flowchart LR\n  User --> App[Photo service]'],
    ['a box nothing reaches', 'flowchart LR\n  User --> App[Photo service ×3]\n  S3[(Photo bucket · S3)]'],
  ])('splits %s into gaps and rule findings that score as the report did', { timeout: 60_000 }, async (_, text) => {
    const graded = await report(text);
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
