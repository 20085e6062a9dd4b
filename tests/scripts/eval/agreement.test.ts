import { describe, expect, it } from 'vitest';
import {
  cohensKappa,
  compareDiagram,
  compareKinds,
  compareSpof,
  featureDiffs,
  spofTable,
  summarise,
  verdictMatrix,
  type SpofTable,
} from '../../../scripts/eval/agreementMetrics';
import type { LabelledDiagram } from '../../../scripts/eval/metrics';

const NONE = { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false };
const diagram = (over: Partial<LabelledDiagram>): LabelledDiagram => ({ mermaidValid: true, errorLine: null, nodes: {}, spof: [], spofDisputed: [], features: NONE, ...over });

// Pair A, worked by hand:
//   kinds over U, LB, App, W, DB, R (N is ignore in the first pass): LB load_balancer≠api_gateway is
//   the only wrong one → 5 of 6; exact: App service/web_server and W worker/service differ → 3 of 6.
//   SPOF: LB (disputed by 2nd) and R (disputed by 1st) left out → reference {App, DB}, second
//   {App, DB, W} → TP App, DB; FP W; FN none.
//   verdicts (rows 1st, cols 2nd; spof/disputed/neither): App s/s, DB s/s, LB s/d, R d/n, U n/n, W n/s.
//   features: loadBalancer differs → 4 of 5.
const firstA = diagram({
  nodes: { U: 'client', LB: 'load_balancer', App: 'service', W: 'worker', DB: 'database', R: 'cache', N: 'ignore' },
  spof: ['LB', 'App', 'DB'],
  spofDisputed: ['R'],
  features: { ...NONE, loadBalancer: true, cache: true },
});
const secondA = diagram({
  nodes: { U: 'client', LB: 'api_gateway', App: 'web_server', W: 'service', DB: 'database', R: 'cache', N: 'client' },
  spof: ['App', 'DB', 'W'],
  spofDisputed: ['LB'],
  features: { ...NONE, cache: true },
});

// Pair B: kinds 4 of 4 (queue/stream merge), exact 3 of 4; SPOF TP S, FN D; verdicts S s/s, D s/n,
// C n/n, Q n/n; features 5 of 5.
const firstB = diagram({ nodes: { C: 'client', Q: 'queue', S: 'service', D: 'database' }, spof: ['S', 'D'], features: { ...NONE, queue: true } });
const secondB = diagram({ nodes: { C: 'client', Q: 'stream', S: 'service', D: 'database' }, spof: ['S'], features: { ...NONE, queue: true } });

// Pair C: Mermaid rejects it (first pass), both passes put the error on line 3.
const firstC = diagram({ mermaidValid: false, errorLine: 3, nodes: { X: 'service' }, spof: ['X'] });
const secondC = diagram({ mermaidValid: false, errorLine: 3, nodes: { X: 'database' } });

describe('compareKinds: the first pass is the reference, in the eval classes', () => {
  it.each<[string, LabelledDiagram['nodes'], LabelledDiagram['nodes'], { correct: number; total: number; exact: number; wrongIds: string[] }]>([
    ['identical', { A: 'service', B: 'cache' }, { A: 'service', B: 'cache' }, { correct: 2, total: 2, exact: 2, wrongIds: [] }],
    ['compute and messaging merge, exact does not', { A: 'worker', Q: 'queue' }, { A: 'web_server', Q: 'stream' }, { correct: 2, total: 2, exact: 0, wrongIds: [] }],
    ['first-pass ignore is left out', { A: 'service', N: 'ignore' }, { A: 'service', N: 'other' }, { correct: 1, total: 1, exact: 1, wrongIds: [] }],
    ['second-pass ignore of a component is wrong', { A: 'service', H: 'other' }, { A: 'service', H: 'ignore' }, { correct: 1, total: 2, exact: 1, wrongIds: ['H'] }],
    ['a node the second pass lacks is wrong', { A: 'service', B: 'database' }, { A: 'service' }, { correct: 1, total: 2, exact: 1, wrongIds: ['B'] }],
    ['service vs external is wrong', { M: 'external' }, { M: 'service' }, { correct: 0, total: 1, exact: 0, wrongIds: ['M'] }],
  ])('%s', (_name, first, second, expected) => {
    const k = compareKinds(first, second);
    expect({ correct: k.correct, total: k.total, exact: k.exact, wrongIds: k.wrong.map((w) => w.id) }).toEqual(expected);
  });

  it('reports what each pass said for a wrong node', () => {
    expect(compareKinds({ B: 'database' }, {}).wrong).toEqual([{ id: 'B', expected: 'database', got: null }]);
  });
});

describe('compareSpof: second pass scored against the first, disputed of either pass left out', () => {
  it.each<[string, Partial<LabelledDiagram>, Partial<LabelledDiagram>, [string[], string[], string[]]]>([
    ['agreement', { spof: ['A', 'B'] }, { spof: ['B', 'A'] }, [['A', 'B'], [], []]],
    ['one extra, one missed', { spof: ['A', 'B'] }, { spof: ['A', 'C'] }, [['A'], ['C'], ['B']]],
    ['disputed by the first pass', { spof: ['A'], spofDisputed: ['B'] }, { spof: ['A', 'B'] }, [['A'], [], []]],
    ['disputed by the second pass', { spof: ['A', 'B'] }, { spof: ['A'], spofDisputed: ['B'] }, [['A'], [], []]],
    ['nothing named', {}, {}, [[], [], []]],
  ])('%s', (_name, first, second, [tp, fp, fn]) => {
    expect(compareSpof(diagram(first), diagram(second))).toEqual({ truePositives: tp, falsePositives: fp, falseNegatives: fn });
  });
});

describe('verdictMatrix and spofTable', () => {
  it('counts spof/disputed/neither pairs over nodes both passes label as components (pair A)', () => {
    expect(verdictMatrix(firstA, secondA)).toEqual([
      [2, 1, 0], // first spof: App, DB → spof; LB → disputed
      [0, 0, 1], // first disputed: R → neither
      [1, 0, 1], // first neither: W → spof; U → neither
    ]);
  });

  it('drops disputed rows and columns for the 2×2 table', () => {
    expect(spofTable(verdictMatrix(firstA, secondA))).toEqual({ both: 2, firstOnly: 0, secondOnly: 1, neither: 1 });
  });
});

describe('cohensKappa', () => {
  it.each<[string, number[][], number | undefined]>([
    // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5 → (0.7 − 0.5) / 0.5
    ['2×2', [[20, 5], [10, 15]], 0.4],
    // po = 8/10; rows 3,2,5, cols 2,2,6 → pe = (6 + 4 + 30)/100 = 0.4 → 0.4 / 0.6
    ['3×3', [[2, 1, 0], [0, 1, 1], [0, 0, 5]], 2 / 3],
    ['perfect', [[3, 0], [0, 7]], 1],
    // po = 0.5, pe = 0.5 → 0
    ['chance level', [[1, 1], [1, 1]], 0],
    ['empty', [[0, 0], [0, 0]], undefined],
    ['one category only', [[5, 0], [0, 0]], undefined],
  ])('%s', (_name, matrix, expected) => {
    const k = cohensKappa(matrix);
    if (expected === undefined) expect(k).toBeUndefined();
    else expect(k).toBeCloseTo(expected, 10);
  });
});

describe('featureDiffs', () => {
  it.each<[string, typeof NONE, typeof NONE, string[]]>([
    ['none', NONE, NONE, []],
    ['two differ', { ...NONE, cdn: true, queue: true }, { ...NONE, queue: true, dbReplication: true }, ['cdn', 'dbReplication']],
  ])('%s', (_name, a, b, expected) => {
    expect(featureDiffs(a, b)).toEqual(expected);
  });
});

describe('compareDiagram', () => {
  it('fills the eval score shape (pair A)', () => {
    const p = compareDiagram(firstA, secondA);
    expect(p.score.kinds.correct).toBe(5);
    expect(p.score.kinds.total).toBe(6);
    expect(p.kindsExact).toEqual({ correct: 3, total: 6 });
    expect(p.score.spof).toEqual({ truePositives: ['App', 'DB'], falsePositives: ['W'], falseNegatives: [] });
    expect(p.spofExcluded).toEqual(['LB', 'R']);
    expect(p.score.features.matched).toBe(4);
    expect(p.featureDiffs).toEqual(['loadBalancer']);
    expect(p.verdictDiffs).toEqual([
      { id: 'LB', first: 'spof', second: 'disputed' },
      { id: 'W', first: 'neither', second: 'spof' },
      { id: 'R', first: 'disputed', second: 'neither' },
    ]);
  });

  it.each([
    ['same error line', 3, true],
    ['another line', 4, false],
  ] as const)('a Mermaid-invalid diagram counts in located only: %s', (_name, line, located) => {
    const p = compareDiagram(firstC, { ...secondC, errorLine: line });
    expect(p.score.mermaidValid).toBe(false);
    expect(p.score.located).toBe(located);
  });
});

describe('summarise pools the Mermaid-valid pairs as aggregate() does', () => {
  const figures = summarise([compareDiagram(firstA, secondA), compareDiagram(firstB, secondB), compareDiagram(firstC, secondC)]);

  it('eval figures', () => {
    expect(figures.eval).toEqual({
      diagrams: 3,
      kind_accuracy: 90, // (5 + 4) of (6 + 4); pair C does not count
      spof_precision: 0.75, // TP App, DB, S; FP W → 3/4
      spof_recall: 0.75, // FN D → 3/4
      features: 90, // (4 + 5) of 10
    });
    expect(figures.valid).toBe(2);
  });

  it('agreement extras', () => {
    const table: SpofTable = { both: 3, firstOnly: 1, secondOnly: 1, neither: 3 };
    expect(figures.kind_exact).toBe(60); // (3 + 3) of 10
    expect(figures.spof_table).toEqual(table);
    expect(figures.spof_percent).toBe(75); // 6 of 8
    expect(figures.spof_kappa).toBe(0.5); // po 0.75, pe 0.5·0.5 + 0.5·0.5
    expect(figures.verdicts).toEqual([
      [3, 1, 1],
      [0, 0, 1],
      [1, 0, 3],
    ]);
    expect(figures.verdict_percent).toBe(60); // 6 of 10 on the diagonal
    expect(figures.verdict_kappa).toBe(0.322); // pe = (5·4 + 1·1 + 4·5)/100 = 0.41 → 0.19/0.59
    expect(figures.spof_excluded).toBe(2); // LB and R in pair A
    expect(figures.feature_percent).toEqual({ loadBalancer: 50, cache: 100, cdn: 100, queue: 100, dbReplication: 100 });
  });

  it('leaves out what has nothing to count', () => {
    const none = summarise([compareDiagram(firstC, secondC)]);
    expect(none.eval).toEqual({ diagrams: 1 });
    expect(none.valid).toBe(0);
    expect(none.spof_kappa).toBeUndefined();
    expect(none.kind_exact).toBeUndefined();
  });
});
