import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDiagram } from '../../bench/diagrams';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart } from '../../rubrics/grade';
import { GradingParamsSchema } from '../../rubrics/params';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import type { ParseResult } from '../../rubrics/parse/types';
import { toJsonReport } from '../../rubrics/report';
import { RULE_IDS } from '../../rubrics/vocabulary';

beforeAll(async () => {
  await loadMermaid();
});

/** Every rule on, with demanding needs, so the rules see the strangest graphs too. */
const ALL_RULES = GradingParamsSchema.parse({
  rubric: {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, { weight: 1, required: true }])),
    readHeavy: true,
    caching: 'required',
    cdn: 'required',
    objectStorage: 'required',
    async: { need: 'required', work: [{ id: 'w', match: ['worker'], reason: 'Slow.' }] },
    realtime: { need: 'push', accept: ['websocket'] },
    sharding: { need: 'required', goodKeys: [{ key: 'user_id', reason: 'Even.' }], hotKeys: [{ key: 'day', reason: 'Hot.' }] },
    replication: { need: 'required', synchronous: true, multiRegion: true },
    sessions: { sticky: 'allowed-with-durable-store', match: ['app'] },
  },
  entities: [{ id: 'posts', name: 'Posts', match: ['post', 'db'], accept: ['relational'], reason: 'Joins.' }],
});

const FRAGMENTS = ['(', ')', '[', ']', '{', '}', '|', '"', '`', '-->', '-.->', '==>', '~~~', '<-->', ' & ', ':::cache', '\nend\n', '\nsubgraph X\n', '%%', '#quot;', '&amp;', '<br/>', '×3', '@{ shape: procs }', '🚀', '\n', ';', '---', 'style A fill:#f00', 'classDef c fill:#fff', 'click A call x()'];

type Mutation = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'duplicate'; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })) }),
  fc.record({ at: fc.nat(), kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant('duplicate' as const), length: fc.integer({ min: 1, max: 40 }) }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
}

function checkOutcome(text: string, result: ParseResult): void {
  if (result.ok) {
    for (const params of [GENERAL_PARAMS, ALL_RULES]) {
      const report = gradeFlowchart(result.flowchart, params);
      expect(report.score.total).toBeGreaterThanOrEqual(0);
      expect(report.score.total).toBeLessThanOrEqual(100);
      const ids = new Set(report.architecture.nodes.map((n) => n.id as string));
      for (const finding of report.findings) for (const id of finding.nodes) expect(ids.has(id)).toBe(true);
      expect(() => JSON.stringify(toJsonReport('f', result, report))).not.toThrow();
    }
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const lineCount = text.replace(/\r\n?/g, '\n').split('\n').length;
  for (const error of result.errors) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(Math.max(1, lineCount));
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('property: every input yields a report or a located error, never a crash', () => {
  it('generated diagrams with random mutations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 6, max: 24 }), fc.nat(), fc.array(mutation, { maxLength: 4 }), async (size, seed, mutations) => {
        const text = mutations.reduce(apply, generateDiagram(size, seed));
        checkOutcome(text, await parseMermaid(text));
      }),
      { numRuns: 1500 },
    );
  }, 180_000);

  it('arbitrary text after a flowchart header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS, 'A', 'B[x]', 'C[(db)]', ' '), fc.string({ maxLength: 6 })), { maxLength: 30 }), async (parts) => {
        const text = `flowchart LR\n${parts.join('')}`;
        checkOutcome(text, await parseMermaid(text));
      }),
      { numRuns: 1000 },
    );
  }, 180_000);

  it('fully arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async (text) => {
        checkOutcome(text, await parseMermaid(text));
      }),
      { numRuns: 500 },
    );
  }, 180_000);
});
