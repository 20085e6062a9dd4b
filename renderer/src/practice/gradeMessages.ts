import type { GradeReport } from '../../../rubrics/grade';
import type { ArchitectureData } from '../../../rubrics/model/build';
import type { GradingParams } from '../../../rubrics/params';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import type { Feedback } from './feedback';

/** Page → grading worker. */
export interface GradeRequest {
  readonly id: number;
  readonly flowchart: ParsedFlowchart;
  readonly params: GradingParams;
}

/** A report as it crosses to the page: the architecture graph as data (architectureFromData rebuilds it). */
export type ReportData = Omit<GradeReport, 'architecture'> & { readonly architecture: ArchitectureData };

/** Grading worker → page: the report with its feedback, in one message (the feedback's findings are the report's). */
export type GradeResponse = { readonly id: number; readonly ok: true; readonly report: ReportData; readonly feedback: Feedback } | { readonly id: number; readonly ok: false; readonly error: string };
