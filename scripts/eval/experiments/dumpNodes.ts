/**
 * `npx tsx scripts/eval/experiments/dumpNodes.ts --half tuning|test --out <file>` — one row per
 * labelled node of one corpus half: what a reader can see of the box (label, id, shape, classes,
 * group titles, the rule reader's kinds of its neighbours), the rule reader's kind and the
 * labelled kind. Input for `learned_reader.py` (see README.md here). Write test-half rows outside
 * the repository: they are per-item results, which nobody reads while changing the grader.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildArchitecture } from '../../../rubrics/model/build';
import { parseMermaid } from '../../../rubrics/parse/node';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { loadCorpus } from '../labels';
import { CORPUS_DIR } from '../paths';
import { halfOf, type Half } from '../splitRule';

export interface NodeRow {
  readonly repo: string;
  readonly id: string;
  readonly label: string;
  readonly shape: string;
  readonly classes: readonly string[];
  /** Enclosing group titles, innermost first. */
  readonly titles: readonly string[];
  /** The rule reader's kind of each caller and each callee. */
  readonly callerKinds: readonly string[];
  readonly calleeKinds: readonly string[];
  readonly ruleKind: string;
  readonly labelledKind: string;
}

function groupTitles(flowchart: ParsedFlowchart): (id: string) => string[] {
  const parentOf = new Map<string, string>();
  for (const group of flowchart.subgraphs) for (const member of group.nodeIds) parentOf.set(member, group.id);
  const titleOf = new Map(flowchart.subgraphs.map((g) => [g.id, g.title]));
  return (id) => {
    const titles: string[] = [];
    const seen = new Set<string>();
    for (let group = parentOf.get(id); group !== undefined && !seen.has(group); group = parentOf.get(group)) {
      seen.add(group);
      titles.push(titleOf.get(group) ?? group);
    }
    return titles;
  };
}

async function rowsOf(half: Half): Promise<NodeRow[]> {
  const rows: NodeRow[] = [];
  for (const item of loadCorpus(CORPUS_DIR).items) {
    if (halfOf(item.labels.source.repo) !== half) continue;
    const parsed = await parseMermaid(readFileSync(item.diagramPath, 'utf8'));
    if (!parsed.ok) continue;
    const flowchart = parsed.flowchart;
    const ruleKinds = new Map<string, string>(buildArchitecture(flowchart).nodes.map((n) => [n.id, n.kind]));
    const titlesOf = groupTitles(flowchart);
    const kindOf = (id: string): string => ruleKinds.get(id) ?? 'none';
    for (const vertex of flowchart.vertices) {
      const labelledKind = item.labels.nodes[vertex.id];
      if (labelledKind === undefined || labelledKind === 'ignore') continue;
      rows.push({
        repo: item.labels.source.repo,
        id: vertex.id,
        label: vertex.label,
        shape: vertex.shape,
        classes: vertex.classes,
        titles: titlesOf(vertex.id),
        callerKinds: flowchart.edges.filter((e) => e.to === vertex.id).map((e) => kindOf(e.from)),
        calleeKinds: flowchart.edges.filter((e) => e.from === vertex.id).map((e) => kindOf(e.to)),
        ruleKind: kindOf(vertex.id),
        labelledKind,
      });
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { half: { type: 'string', default: 'tuning' }, out: { type: 'string' } }, strict: true });
  if (values.half !== 'tuning' && values.half !== 'test') throw new Error(`--half must be tuning or test, not "${values.half}"`);
  if (values.out === undefined) throw new Error('--out <file> is required');
  const rows = await rowsOf(values.half);
  writeFileSync(values.out, JSON.stringify(rows));
  process.stdout.write(`${rows.length} ${values.half} nodes → ${values.out}\n`);
}

void main();
