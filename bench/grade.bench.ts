import { buildArchitecture } from '../rubrics/model/build';
import { runRules } from '../rubrics/grade';
import { GradingParamsSchema, type GradingParams } from '../rubrics/params';
import { parseMermaid } from '../rubrics/parse/node/index';
import { RULE_IDS } from '../rubrics/vocabulary';
import { generateDiagram } from './diagrams';
import type { Figure } from './figure';

const SIZES = [10, 50, 200] as const;

/** Every rule switched on with demanding needs, so the rule figure covers all of them. */
const ALL_RULES: GradingParams = GradingParamsSchema.parse({
  rubric: {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, { weight: 1 }])),
    readHeavy: true,
    caching: 'required',
    cdn: 'recommended',
    objectStorage: 'recommended',
    async: { need: 'required', work: [{ id: 'fan-out', match: ['workers'], reason: 'Fan-out is slow.' }] },
    realtime: { need: 'push', accept: ['websocket'] },
    sharding: { need: 'required', goodKeys: [{ key: 'user_id', reason: 'Even spread.' }], hotKeys: [] },
    replication: { need: 'required', synchronous: true, multiRegion: true },
  },
  entities: [{ id: 'posts', name: 'Posts', match: ['post'], accept: ['wide_column'], reason: 'Write-heavy.' }],
});

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median per-call time in ms over `rounds` batches of `batch` calls each. */
async function timeIt(rounds: number, batch: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    samples.push((performance.now() - start) / batch);
  }
  return median(samples);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export async function gradeBenchmark(): Promise<readonly Figure[]> {
  const figures: Figure[] = [];
  const warm = await parseMermaid(generateDiagram(10));
  if (!warm.ok) throw new Error(`benchmark diagram does not parse: ${warm.errors[0]?.message}`);
  for (const n of SIZES) {
    const text = generateDiagram(n, n);
    const parsed = await parseMermaid(text);
    if (!parsed.ok) throw new Error(`benchmark diagram (${n} nodes) does not parse: ${parsed.errors[0]?.message}`);
    for (let i = 0; i < 3; i++) await parseMermaid(text);
    const parseMs = await timeIt(n >= 200 ? 9 : 15, 1, () => parseMermaid(text));
    const graph = buildArchitecture(parsed.flowchart);
    const modelMs = await timeIt(15, n >= 200 ? 20 : 100, () => buildArchitecture(parsed.flowchart));
    const rulesMs = await timeIt(15, n >= 200 ? 20 : 100, () => runRules(graph, ALL_RULES));
    figures.push(
      { name: `grade.parse_ms.${n}`, value: round3(parseMs), unit: 'ms' },
      { name: `grade.model_ms.${n}`, value: round3(modelMs), unit: 'ms' },
      { name: `grade.rules_ms.${n}`, value: round3(rulesMs), unit: 'ms' },
      { name: `grade.rules_to_parse_ratio.${n}`, value: Math.round((rulesMs / parseMs) * 10000) / 10000, unit: 'ratio' },
    );
  }
  return figures;
}
