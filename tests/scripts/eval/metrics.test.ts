import { describe, expect, it } from 'vitest';
import {
  aggregate,
  countsOf,
  detectedFeatures,
  kindClass,
  predictedSpofs,
  scoreDiagram,
  toResultEntries,
  wilsonInterval,
  type GraderReport,
  type LabelledDiagram,
} from '../../../scripts/eval/metrics';

const NONE = { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false };
const node = (id: string, kind: string, extra: Partial<GraderReport['nodes'][number]> = {}): GraderReport['nodes'][number] => ({
  id,
  kind,
  instances: 1,
  ...extra,
});

describe('kindClass merges the classes the evaluation does not tell apart', () => {
  it.each([
    ['web_server', 'compute'],
    ['service', 'compute'],
    ['worker', 'compute'],
    ['queue', 'messaging'],
    ['stream', 'messaging'],
    ['cache', 'cache'],
    ['database', 'database'],
    ['api_gateway', 'api_gateway'],
  ])('%s → %s', (kind, expected) => {
    expect(kindClass(kind)).toBe(expected);
  });
});

describe('predictedSpofs keeps critical/major single-point-of-failure findings only', () => {
  it.each<[string, GraderReport['findings'], string[]]>([
    ['rule match, critical', [{ rule: 'single-point-of-failure', severity: 'critical', nodes: ['LB'] }], ['LB']],
    ['concept match, major', [{ rule: 'replication', severity: 'major', nodes: ['DB'], concept: 'single-point-of-failure' }], ['DB']],
    ['minor is not a prediction', [{ rule: 'single-point-of-failure', severity: 'minor', nodes: ['W'] }], []],
    ['other rule and concept', [{ rule: 'caching', severity: 'critical', nodes: ['App'], concept: 'caching' }], []],
    [
      'union over findings, no duplicates',
      [
        { rule: 'single-point-of-failure', severity: 'critical', nodes: ['A', 'B'] },
        { rule: 'x', severity: 'major', nodes: ['B', 'C'], concept: 'single-point-of-failure' },
      ],
      ['A', 'B', 'C'],
    ],
  ])('%s', (_name, findings, expected) => {
    expect([...predictedSpofs(findings)].sort()).toEqual(expected);
  });
});

describe('detectedFeatures reads the five features from grader node kinds', () => {
  it.each<[string, GraderReport['nodes'], typeof NONE]>([
    ['nothing', [node('A', 'service')], NONE],
    ['balancer, cache, cdn', [node('L', 'load_balancer'), node('C', 'cache'), node('E', 'cdn')], { ...NONE, loadBalancer: true, cache: true, cdn: true }],
    ['stream counts as queue', [node('K', 'stream')], { ...NONE, queue: true }],
    ['replica role', [node('R', 'database', { role: 'replica' })], { ...NONE, dbReplication: true }],
    ['many instances', [node('D', 'database', { instances: 'many' })], { ...NONE, dbReplication: true }],
    ['three instances', [node('D', 'database', { instances: 3 })], { ...NONE, dbReplication: true }],
    ['replicated flag', [node('D', 'database', { replicated: true })], { ...NONE, dbReplication: true }],
    ['a database the grader does not call replicated', [node('D', 'database', { replicated: false })], NONE],
    ['single primary is not replication', [node('D', 'database', { role: 'primary' })], NONE],
    ['a gateway that also balances', [node('G', 'api_gateway', { alsoKinds: ['load_balancer'] })], { ...NONE, loadBalancer: true }],
    ['a broker that also caches', [node('R', 'queue', { alsoKinds: ['cache'] })], { ...NONE, queue: true, cache: true }],
    ['many caches are not db replication', [node('C', 'cache', { instances: 'many' })], { ...NONE, cache: true }],
    ['a cache marked as future work is not shown yet', [node('C', 'cache', { planned: true })], NONE],
  ])('%s', (_name, nodes, expected) => {
    expect(detectedFeatures(nodes)).toEqual(expected);
  });
});

// Four diagrams whose figures are worked out by hand in the comments.
const d1: LabelledDiagram = {
  mermaidValid: true,
  errorLine: null,
  nodes: { U: 'client', LB: 'load_balancer', App: 'service', DB: 'database', N: 'ignore' },
  spof: ['LB', 'App'],
  spofDisputed: ['DB'],
  features: { ...NONE, loadBalancer: true },
};
const r1: GraderReport = {
  parseOk: true,
  // App as web_server is right (compute); DB as cache is wrong; N is ignored → 3 of 4.
  nodes: [node('U', 'client'), node('LB', 'load_balancer'), node('App', 'web_server'), node('DB', 'cache'), node('N', 'other')],
  findings: [
    { rule: 'single-point-of-failure', severity: 'critical', nodes: ['LB', 'DB'] },
    { rule: 'replication', severity: 'major', nodes: ['App'], concept: 'single-point-of-failure' },
    { rule: 'single-point-of-failure', severity: 'minor', nodes: ['U'] },
  ],
};
// Predicted {LB, DB, App} minus disputed DB → {App, LB}: 2 TP, 0 FP, 0 FN.
// Features: cache detected (DB read as cache) but not labelled → 4 of 5.

const d2: LabelledDiagram = {
  mermaidValid: true,
  errorLine: null,
  nodes: { C: 'client', Q: 'queue', W: 'worker', S: 'database' },
  spof: ['S'],
  spofDisputed: [],
  features: { ...NONE, queue: true, dbReplication: true },
};
// The grader failed to parse it: 0 of 4 kinds, S is a false negative, features 3 of 5.
const r2: GraderReport = { parseOk: false, firstErrorLine: 1, nodes: [], findings: [] };

const d3: LabelledDiagram = { mermaidValid: false, errorLine: 5, nodes: {}, spof: [], spofDisputed: [], features: NONE };
const r3: GraderReport = { parseOk: false, firstErrorLine: 5, nodes: [], findings: [] };
const d4: LabelledDiagram = { ...d3, errorLine: 3 };
const r4: GraderReport = { parseOk: false, firstErrorLine: 1, nodes: [], findings: [] };

describe('scoreDiagram', () => {
  it('counts kinds after merging, skips ignore, and removes disputed nodes from both SPOF sets', () => {
    const s = scoreDiagram(d1, r1);
    expect(s.parsed).toBe(true);
    expect(s.kinds).toEqual({ correct: 3, total: 4, wrong: [{ id: 'DB', expected: 'database', got: 'cache' }] });
    expect(s.spof).toEqual({ truePositives: ['App', 'LB'], falsePositives: [], falseNegatives: [] });
    expect(s.features.matched).toBe(4);
  });

  it('counts every labelled node wrong and every SPOF missed when the grader did not parse', () => {
    const s = scoreDiagram(d2, r2);
    expect(s.parsed).toBe(false);
    expect(s.kinds.correct).toBe(0);
    expect(s.kinds.total).toBe(4);
    expect(s.kinds.wrong.map((w) => w.got)).toEqual([null, null, null, null]);
    expect(s.spof.falseNegatives).toEqual(['S']);
    expect(s.features.matched).toBe(3);
  });

  it('a node the grader reports under a messaging class different from the label still counts right', () => {
    const s = scoreDiagram({ ...d2, nodes: { Q: 'queue' }, spof: [] }, { parseOk: true, nodes: [node('Q', 'stream')], findings: [] });
    expect(s.kinds).toEqual({ correct: 1, total: 1, wrong: [] });
  });

  it('a SPOF the labels do not name is a false positive', () => {
    const s = scoreDiagram({ ...d1, spof: [] }, r1);
    expect(s.spof).toEqual({ truePositives: [], falsePositives: ['App', 'LB'], falseNegatives: [] });
  });

  it.each([
    ['error on the labelled line', d3, r3, true],
    ['error on another line', d4, r4, false],
    ['grader parsed a diagram Mermaid rejects', d3, { parseOk: true, nodes: [], findings: [] }, false],
  ] as const)('located: %s', (_name, labels, report, expected) => {
    expect(scoreDiagram(labels, report).located).toBe(expected);
  });
});

describe('aggregate', () => {
  it('computes the figures of a half from hand-counted diagrams', () => {
    const figures = aggregate([scoreDiagram(d1, r1), scoreDiagram(d2, r2), scoreDiagram(d3, r3), scoreDiagram(d4, r4)]);
    expect(figures).toEqual({
      diagrams: 4,
      parse: 50, // 1 of 2 valid parsed
      located: 50, // 1 of 2 invalid on the right line
      kind_accuracy: 37.5, // 3 of 8
      spof_precision: 1, // 2 / (2 + 0)
      spof_recall: 0.667, // 2 / (2 + 1)
      features: 70, // 7 of 10
    });
  });

  it('leaves out a figure with nothing to count', () => {
    expect(aggregate([scoreDiagram(d3, r3)])).toEqual({ diagrams: 1, located: 100 });
    expect(aggregate([])).toEqual({ diagrams: 0 });
  });
});

describe('countsOf', () => {
  it('gives the hand-counted numerator and denominator behind each proportion', () => {
    expect(countsOf([scoreDiagram(d1, r1), scoreDiagram(d2, r2), scoreDiagram(d3, r3), scoreDiagram(d4, r4)])).toEqual({
      parse: { hits: 1, of: 2 },
      located: { hits: 1, of: 2 },
      kind_accuracy: { hits: 3, of: 8 },
      spof_precision: { hits: 2, of: 2 },
      spof_recall: { hits: 2, of: 3 },
      features: { hits: 7, of: 10 },
    });
  });
});

describe('wilsonInterval (95 %)', () => {
  it.each([
    // (p + z²/2n) / (1 + z²/n) ± z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n), worked by hand with z = 1.96
    ['8 of 10', { hits: 8, of: 10 }, 0.4902, 0.9433],
    ['all of 10 stays below 1', { hits: 10, of: 10 }, 0.7225, 1],
    ['none of 10 stays above 0', { hits: 0, of: 10 }, 0, 0.2775],
    ['850 of 1000', { hits: 850, of: 1000 }, 0.8265, 0.8708],
  ] as const)('%s', (_name, count, low, high) => {
    const interval = wilsonInterval(count);
    expect(interval?.[0]).toBeCloseTo(low, 3);
    expect(interval?.[1]).toBeCloseTo(high, 3);
  });

  it('has no interval for 0 of 0', () => {
    expect(wilsonInterval({ hits: 0, of: 0 })).toBeUndefined();
  });
});

describe('toResultEntries', () => {
  it('names figures eval.<half>.<figure> with their unit, in figure order', () => {
    expect(toResultEntries('test', { spof_recall: 0.5, diagrams: 2, parse: 50 })).toEqual({
      'eval.test.diagrams': { value: 2, unit: 'count' },
      'eval.test.parse': { value: 50, unit: '%' },
      'eval.test.spof_recall': { value: 0.5, unit: 'ratio' },
    });
    expect(Object.keys(toResultEntries('tuning', { spof_recall: 0.5, diagrams: 2 }))).toEqual(['eval.tuning.diagrams', 'eval.tuning.spof_recall']);
  });
});
