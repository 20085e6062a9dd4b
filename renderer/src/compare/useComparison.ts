import { useEffect, useState } from 'react';
import { diffFindings, type FindingsDiff } from '../../../rubrics/diff/findings';
import { structuralDiff, type StructuralDiff } from '../../../rubrics/diff/structural';
import { gradeFlowchart, type GradeReport } from '../../../rubrics/grade';
import type { ArchitectureGraph } from '../../../rubrics/model/types';
import type { GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';
import { parseForGrading, renderDiagram, type DiagramTheme } from '../mermaid/index';

/** One side of a comparison: a stored attempt (its report as graded then) or the reference design. */
export interface CompareSide {
  readonly title: string;
  readonly diagram: string;
  /** The stored grade; absent for the reference, which is graded here. */
  readonly graded?: { readonly score: GradeReport['score']; readonly findings: readonly Finding[] };
}

export interface SideResult {
  readonly score: GradeReport['score'];
  readonly findings: readonly Finding[];
}

export type Drawn = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly error: string };

export type Comparison =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: string }
  | {
      readonly state: 'ready';
      readonly before: SideResult;
      readonly after: SideResult;
      readonly structure: StructuralDiff;
      readonly beforeGraph: ArchitectureGraph;
      readonly afterGraph: ArchitectureGraph;
      readonly findings: FindingsDiff<Finding>;
      /** Each diagram drawn, or why it could not be. */
      readonly drawn: { readonly before: Drawn; readonly after: Drawn };
    };

async function gradeSide(side: CompareSide, params: GradingParams): Promise<{ report: GradeReport; result: SideResult } | { error: string }> {
  const parsed = await parseForGrading(side.diagram);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return { error: `${side.title} does not parse${first === undefined ? '' : ` (line ${first.line}: ${first.message})`}, so it cannot be compared.` };
  }
  const report = gradeFlowchart(parsed.flowchart, params);
  return { report, result: side.graded ?? { score: report.score, findings: report.findings } };
}

async function compare(before: CompareSide, after: CompareSide, params: GradingParams, theme: DiagramTheme): Promise<Comparison> {
  const a = await gradeSide(before, params);
  if ('error' in a) return { state: 'error', error: a.error };
  const b = await gradeSide(after, params);
  if ('error' in b) return { state: 'error', error: b.error };
  const structure = structuralDiff(a.report.architecture, b.report.architecture);
  const drawnBefore = await renderDiagram(before.diagram, theme);
  const drawnAfter = await renderDiagram(after.diagram, theme);
  return {
    state: 'ready',
    before: a.result,
    after: b.result,
    structure,
    beforeGraph: a.report.architecture,
    afterGraph: b.report.architecture,
    findings: diffFindings(a.result.findings, b.result.findings, structure.matched),
    drawn: { before: drawnBefore, after: drawnAfter },
  };
}

const LOADING: Comparison = { state: 'loading' };

/**
 * Grades both sides' graphs, diffs them, and draws both diagrams. A result is shown only for the
 * inputs it was computed from: anything older reads as loading.
 */
export function useComparison(before: CompareSide, after: CompareSide, params: GradingParams, theme: DiagramTheme): Comparison {
  const [done, setDone] = useState<{ readonly inputs: readonly unknown[]; readonly result: Comparison } | undefined>();
  useEffect(() => {
    let current = true;
    const inputs = [before, after, params, theme];
    void compare(before, after, params, theme).then((result) => {
      if (current) setDone({ inputs, result });
    });
    return () => {
      current = false;
    };
  }, [before, after, params, theme]);
  const fresh = done !== undefined && [before, after, params, theme].every((input, i) => done.inputs[i] === input);
  return fresh ? done.result : LOADING;
}
