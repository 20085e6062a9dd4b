import { GradingParamsSchema, type GradingParams } from '../../rubrics/params';
import { parseMermaid } from '../../rubrics/parse/node/index';
import { buildArchitecture } from '../../rubrics/model/build';
import type { ArchitectureGraph } from '../../rubrics/model/types';
import { runRules } from '../../rubrics/grade';
import type { Finding } from '../../rubrics/rules/types';
import type { RuleId } from '../../rubrics/vocabulary';

/** Grading parameters with only `rule` switched on, plus rubric overrides. */
export function paramsFor(rule: RuleId, rubric: Record<string, unknown> = {}, entities: unknown[] = []): GradingParams {
  return GradingParamsSchema.parse({ rubric: { rules: { [rule]: { weight: 1 } }, ...rubric }, entities });
}

export async function graphOf(text: string): Promise<ArchitectureGraph> {
  const parsed = await parseMermaid(text);
  if (!parsed.ok) throw new Error(`test diagram does not parse: ${JSON.stringify(parsed.errors)}`);
  return buildArchitecture(parsed.flowchart);
}

/** Findings as `severity:nodes` strings (info included), for compact exact assertions. */
export async function findingsOf(text: string, params: GradingParams): Promise<string[]> {
  const graph = await graphOf(text);
  return runRules(graph, params).map(brief);
}

export const brief = (f: Finding): string => `${f.severity}:${f.nodes.join(',')}`;

/** `flowchart LR` + the given lines. */
export const fc = (...lines: string[]): string => ['flowchart LR', ...lines.map((l) => `  ${l}`)].join('\n');
