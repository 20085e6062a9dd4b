import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Prompt } from '../../prompts/schema';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import { parseMermaid } from '../../rubrics/parse/node/index';

/**
 * Every built-in prompt ships a reference design (must score ≥ 90 on its own rubric) and a naive
 * design (≤ 40) whose serious findings are exactly the mistakes its file names.
 */

const REFERENCE_MIN_SCORE = 90;
const NAIVE_MAX_SCORE = 40;

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);

const reports = new Map<string, Promise<GradeReport>>();

/** Parses and grades one design once per test file (Mermaid parsing dominates the cost). */
function grade(prompt: Prompt, design: 'reference' | 'naive'): Promise<GradeReport> {
  const key = `${prompt.id}/${design}`;
  const cached = reports.get(key) ?? gradeUncached(prompt, design);
  reports.set(key, cached);
  return cached;
}

async function gradeUncached(prompt: Prompt, design: 'reference' | 'naive'): Promise<GradeReport> {
  const parsed = await parseMermaid(prompt[design].mermaid);
  if (!parsed.ok) {
    const where = parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ');
    throw new Error(`${prompt.id} ${design} design does not parse: ${where}`);
  }
  return gradeFlowchart(parsed.flowchart, prompt);
}

const serious = (report: GradeReport) => report.findings.filter((f) => f.severity === 'critical' || f.severity === 'major');

describe('prompt designs', () => {
  it('loads the whole built-in library without errors', () => {
    expect(library.errors.map((e) => e.message)).toEqual([]);
    expect(library.prompts.length).toBeGreaterThanOrEqual(16);
  });

  describe.each(library.prompts.map((p) => [p.id, p] as const))('%s', (_id, prompt) => {
    it(`reference design scores at least ${REFERENCE_MIN_SCORE}`, async () => {
      const report = await grade(prompt, 'reference');
      const findings = report.findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`).join('\n');
      expect(report.score.total, `findings:\n${findings}`).toBeGreaterThanOrEqual(REFERENCE_MIN_SCORE);
    });

    it(`naive design scores at most ${NAIVE_MAX_SCORE}`, async () => {
      const report = await grade(prompt, 'naive');
      expect(report.score.total).toBeLessThanOrEqual(NAIVE_MAX_SCORE);
    });

    it('naive design is caught for exactly the mistakes it names', async () => {
      const report = await grade(prompt, 'naive');
      const found = [...new Set(serious(report).map((f) => f.rule))].sort();
      const named = [...new Set(prompt.naive.mistakes.map((m) => m.rule))].sort();
      expect(found).toEqual(named);
    });

    it('naive mistakes point at nodes the grader also blames', async () => {
      const report = await grade(prompt, 'naive');
      for (const mistake of prompt.naive.mistakes) {
        const blamed = new Set(serious(report).filter((f) => f.rule === mistake.rule).flatMap((f) => f.nodes));
        expect({ rule: mistake.rule, missing: (mistake.nodes ?? []).filter((n) => !blamed.has(n)) }).toEqual({ rule: mistake.rule, missing: [] });
      }
    });
  });
});
