import type { GradeReport } from '../../../rubrics/grade';
import type { ArchitectureData } from '../../../rubrics/model/build';
import type { GradingParams } from '../../../rubrics/params';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';

/** Page → grading worker. */
export interface GradeRequest {
  readonly id: number;
  readonly flowchart: ParsedFlowchart;
  readonly params: GradingParams;
}

/** A report as it crosses to the page: the architecture graph as data (architectureFromData rebuilds it). */
export type ReportData = Omit<GradeReport, 'architecture'> & { readonly architecture: ArchitectureData };

/** Grading worker → page. */
export type GradeResponse = { readonly id: number; readonly ok: true; readonly report: ReportData } | { readonly id: number; readonly ok: false; readonly error: string };
