import { assessCoverage, type CoverageAssessment } from '../../../rubrics/coverage/assess';
import { gapFindings } from '../../../rubrics/coverage/findings';
import { capabilitiesOf, type GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';

/** A report split the way the score sees it (rubrics/score.ts): what the rules found, and what coverage counts. */
export interface ReportAnalysis {
  /** The coverage the score was computed from, paths included. */
  readonly coverage: CoverageAssessment;
  /** The rules' findings: the score's quality comes from these. */
  readonly ruleFindings: readonly Finding[];
  /** One finding per capability the design does not serve: coverage already counts them. */
  readonly gapFindings: readonly Finding[];
}

const identity = (f: Finding): string => `${f.rule}\u0000${f.severity}\u0000${f.nodes.join(',')}\u0000${f.message}`;

/**
 * The report's coverage assessment again (the report keeps only its summary) from the same graph
 * and capabilities, and its findings split into gaps and rule findings: a finding is a gap when it
 * is the finding the grader makes for an unserved capability.
 */
export function analyseReport(report: GradeReport, params: GradingParams): ReportAnalysis {
  const coverage = assessCoverage(report.architecture, capabilitiesOf(params));
  const gaps = new Set(gapFindings(coverage.outcomes, report.architecture).map(identity));
  return Object.freeze({
    coverage,
    ruleFindings: Object.freeze(report.findings.filter((f) => !gaps.has(identity(f)))),
    gapFindings: Object.freeze(report.findings.filter((f) => gaps.has(identity(f)))),
  });
}
