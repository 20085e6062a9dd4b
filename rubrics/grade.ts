import { assessCoverage } from './coverage/assess';
import { gapFindings } from './coverage/findings';
import { GENERIC_CAPABILITIES } from './coverage/generic';
import type { Capability } from './coverage/schema';
import { buildArchitecture } from './model/build';
import type { ArchitectureGraph } from './model/types';
import type { GradingParams } from './params';
import type { ParsedFlowchart } from './parse/types';
import { RULES } from './rules/index';
import type { Finding } from './rules/types';
import { applicableRules, scoreDesign, type Score } from './score';
import { RULE_IDS, SEVERITIES } from './vocabulary';

/** Which of the prompt's capabilities the design serves (the shape consumers render). */
export interface CoverageReport {
  readonly capabilities: readonly { readonly id: string; readonly title: string; readonly met: boolean; readonly nodes: readonly string[] }[];
  readonly served: number;
  readonly total: number;
}

export interface GradeReport {
  readonly architecture: ArchitectureGraph;
  /** Missing capabilities and rule findings, sorted by severity (critical first), then rule, then nodes. */
  readonly findings: readonly Finding[];
  readonly score: Score;
  readonly coverage: CoverageReport;
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

/** The prompt's capabilities, or the generic ones when it declares none. */
export function capabilitiesOf(params: GradingParams): readonly Capability[] {
  return params.rubric.capabilities.length > 0 ? params.rubric.capabilities : GENERIC_CAPABILITIES;
}

/**
 * Grades an already-built graph: coverage of the prompt's capabilities, rule findings, score.
 * `ruleGraph` is what the rules judge: the same graph without the boxes no edge touches.
 */
export function gradeArchitecture(architecture: ArchitectureGraph, params: GradingParams, ruleGraph: ArchitectureGraph = architecture): GradeReport {
  const ruleFindings = runRules(ruleGraph, params);
  const assessment = assessCoverage(architecture, capabilitiesOf(params));
  const gaps = gapFindings(assessment.outcomes, architecture);
  const coverage: CoverageReport = Object.freeze({
    capabilities: Object.freeze(
      assessment.outcomes.map((o) => Object.freeze({ id: o.capability.id, title: o.capability.title, met: o.met, nodes: Object.freeze([...o.nodes]) })),
    ),
    served: assessment.served,
    total: assessment.total,
  });
  return Object.freeze({
    architecture,
    findings: Object.freeze([...gaps, ...ruleFindings].sort(compareFindings)),
    score: scoreDesign(ruleFindings, assessment, params),
    coverage,
  });
}

/**
 * The flowchart without the vertices no visible edge touches (directly or through an edge to an
 * enclosing subgraph); `undefined` when there are none. A box drawn on its own serves nothing,
 * so it must neither satisfy a rule (a lone "Kafka" is not asynchronous processing) nor cost
 * one; coverage names it as a box to connect.
 */
export function withoutIsolated(parsed: ParsedFlowchart): ParsedFlowchart | undefined {
  const subgraphs = new Map(parsed.subgraphs.map((s) => [s.id, s]));
  const touched = new Set<string>();
  const touch = (id: string, depth: number): void => {
    const sub = subgraphs.get(id);
    if (sub === undefined) touched.add(id);
    else if (depth < 64) for (const member of sub.nodeIds) touch(member, depth + 1);
  };
  for (const edge of parsed.edges) {
    if (edge.stroke === 'invisible') continue;
    touch(edge.from, 0);
    touch(edge.to, 0);
  }
  if (parsed.vertices.every((v) => touched.has(v.id))) return undefined;
  const kept = new Set(parsed.vertices.filter((v) => touched.has(v.id)).map((v) => v.id));
  return {
    ...parsed,
    vertices: parsed.vertices.filter((v) => kept.has(v.id)),
    subgraphs: parsed.subgraphs.map((s) => ({ ...s, nodeIds: s.nodeIds.filter((id) => kept.has(id) || subgraphs.has(id)) })),
  };
}

/** Pure grading: parsed flowchart + prompt parameters → architecture, findings, coverage and score. */
export function gradeFlowchart(parsed: ParsedFlowchart, params: GradingParams): GradeReport {
  const architecture = buildArchitecture(parsed);
  const connected = withoutIsolated(parsed);
  return gradeArchitecture(architecture, params, connected === undefined ? architecture : buildArchitecture(connected));
}
