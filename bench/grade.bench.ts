import { buildArchitecture } from '../rubrics/model/build';
import { runRules } from '../rubrics/grade';
import { GradingParamsSchema, type GradingParams } from '../rubrics/params';
import { parseMermaid } from '../rubrics/parse/node/index';
import type { ParsedFlowchart } from '../rubrics/parse/types';
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

/**
 * The flowchart with one vertex label edited, as when the user types and the app regrades: the
 * build meets one label it has never read before (every call passes a new tag), while the memo
 * caches keyed on unchanged label text stay warm, as they would in the app.
 */
function keystrokeVariant(parsed: ParsedFlowchart, tag: string, edit: number): ParsedFlowchart {
  const edited = edit % parsed.vertices.length;
  const vertices = parsed.vertices.map((v, j) => (j === edited ? { ...v, label: `${v.label} ${tag}` } : v));
  return { ...parsed, vertices };
}

/**
 * Median per-call time in ms of the synchronous `fn` over `rounds` batches of `batch` calls.
 * Each call's input is prepared untimed just before it (as the app builds the graph right
 * before running the rules), so no call sees an input an earlier call has seen.
 */
function timeEach<T>(rounds: number, batch: number, prepare: (call: string, edit: number) => T, fn: (item: T) => unknown): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let total = 0;
    for (let i = 0; i < batch; i++) {
      const item = prepare(`r${r}c${i}`, r * batch + i);
      const start = performance.now();
      fn(item);
      total += performance.now() - start;
    }
    samples.push(total / batch);
  }
  return median(samples);
}

/**
 * Per diagram size: `parse_ms`, one Mermaid parse of the text; `model_ms`, one
 * `buildArchitecture` of a parse in which one label differs from every earlier build (a
 * keystroke); `rules_ms`, one `runRules` with every rule on, over a graph no earlier call has
 * seen; `rules_to_parse_ratio`, rules_ms / parse_ms. Model and rules are steady-state medians
 * after an untimed warm-up, with the text memos warm only for labels that did not change.
 */
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
    const [rounds, batch] = [25, n >= 200 ? 20 : 100];
    const variant = (tag: string) => (call: string, edit: number) => keystrokeVariant(parsed.flowchart, `${tag}${call}`, edit);
    const graph = (tag: string) => (call: string, edit: number) => buildArchitecture(variant(tag)(call, edit));
    // Steady state, as after the first few regrades of a typing session: warm the JIT untimed,
    // on variants of its own so the timed calls are all first sightings.
    timeEach(10, batch, variant('warm'), buildArchitecture);
    timeEach(10, batch, graph('warm'), (g) => runRules(g, ALL_RULES));
    const modelMs = timeEach(rounds, batch, variant('model'), buildArchitecture);
    const rulesMs = timeEach(rounds, batch, graph('rules'), (g) => runRules(g, ALL_RULES));
    figures.push(
      { name: `grade.parse_ms.${n}`, value: round3(parseMs), unit: 'ms' },
      { name: `grade.model_ms.${n}`, value: round3(modelMs), unit: 'ms' },
      { name: `grade.rules_ms.${n}`, value: round3(rulesMs), unit: 'ms' },
      { name: `grade.rules_to_parse_ratio.${n}`, value: Math.round((rulesMs / parseMs) * 10000) / 10000, unit: 'ratio' },
    );
  }
  return figures;
}
