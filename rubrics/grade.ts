import { buildArchitecture } from './model/build';
import type { ArchitectureGraph } from './model/types';
import type { GradingParams } from './params';
import type { ParsedFlowchart } from './parse/types';
import { RULES } from './rules/index';
import type { Finding } from './rules/types';
import { applicableRules, scoreFindings, type Score } from './score';
import { RULE_IDS, SEVERITIES } from './vocabulary';

export interface GradeReport {
  readonly architecture: ArchitectureGraph;
  /** Sorted by severity (critical first), then rule, then nodes. */
  readonly findings: readonly Finding[];
  readonly score: Score;
}

/** Code-unit order, not localeCompare: the same input sorts the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) ||
    compareText(a.nodes.join(','), b.nodes.join(',')) ||
    compareText(a.message, b.message)
  );
}

/** Runs the rules the rubric lists on an already-built graph. */
export function runRules(graph: ArchitectureGraph, params: GradingParams): readonly Finding[] {
  const findings = applicableRules(params).flatMap(([id]) => RULES[id](graph, params));
  return Object.freeze([...findings].sort(compareFindings));
}

/** Pure grading: parsed flowchart + prompt parameters → architecture, findings and score. */
export function gradeFlowchart(parsed: ParsedFlowchart, params: GradingParams): GradeReport {
  const architecture = buildArchitecture(parsed);
  const findings = runRules(architecture, params);
  return Object.freeze({ architecture, findings, score: scoreFindings(findings, params) });
}
