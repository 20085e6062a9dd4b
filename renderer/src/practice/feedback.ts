import type { GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import { groupByCause, type FindingGroup } from './findingCauses';
import { analyseReport } from './reportAnalysis';
import { estimateGains, type ScoreGain } from './scoreGains';

/** What the feedback panel shows besides the report itself. */
export interface Feedback {
  /** What would raise the score most, largest gain first. */
  readonly gains: readonly ScoreGain[];
  /** The report's findings, one group per cause. */
  readonly causes: readonly FindingGroup[];
}

/** Worked out with the grade (in the grading worker for the live editor): pure, and no DOM needed. */
export function feedbackOf(report: GradeReport, params: GradingParams): Feedback {
  const analysis = analyseReport(report, params);
  return Object.freeze({
    gains: estimateGains({ ruleFindings: analysis.ruleFindings, coverage: analysis.coverage, params }),
    causes: groupByCause(report.findings, new Set(analysis.gapFindings)),
  });
}
