import { readKindOverrides } from '../../../rubrics/parse/kindOverrides';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';

/**
 * The flowchart with the kinds the author set in `%% sysdrill: <id> is <kind>` lines, attached as
 * the grader's own parse (parseWithMermaid) attaches them: the render frame builds its flowchart
 * from Mermaid's db itself, and the live grade must read the same lines as a submitted one.
 */
export function withAuthorKinds(flowchart: ParsedFlowchart, text: string): ParsedFlowchart {
  const { kinds } = readKindOverrides(text);
  return Object.keys(kinds).length === 0 ? flowchart : { ...flowchart, kindOverrides: kinds };
}
