/**
 * Pure inter-labeller agreement: a second, independent labels file of a corpus diagram against
 * the first pass, measured with the definitions the grader is measured with (metrics.ts). The
 * first pass plays the reference and the second pass plays the grader, so kind agreement,
 * SPOF precision/recall and feature agreement read on the same scale as the eval's figures.
 *
 * Differences from grading, both deliberate: a SPOF disputed by EITHER pass is left out (the
 * eval can only leave out the labels' disputed nodes), and the second pass's feature flags are
 * compared as written (the grader's are derived from its node kinds).
 */
import { FEATURE_NAMES, type FeatureName } from './labels';
import { aggregate, kindClass, type DiagramScore, type Figures, type LabelledDiagram } from './metrics';

/** SPOF verdicts of both passes over the nodes both may call a SPOF (2×2 table). */
export interface SpofTable {
  readonly both: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  readonly neither: number;
}

export interface PairScore {
  /** The eval's score shape: first pass as labels, second pass as prediction. */
  readonly score: DiagramScore;
  /** Nodes whose kind is the same before merging classes (same nodes as score.kinds). */
  readonly kindsExact: { readonly correct: number; readonly total: number };
  readonly spofTable: SpofTable;
  /** SPOF / disputed / neither, first pass by second (VERDICTS order). */
  readonly verdicts: number[][];
  /** Nodes whose verdicts differ (either pass may be the one that disputes). */
  readonly verdictDiffs: ReadonlyArray<{ id: string; first: Verdict; second: Verdict }>;
  /** Node ids left out of the SPOF comparison because a pass disputes them. */
  readonly spofExcluded: readonly string[];
  readonly featureDiffs: readonly FeatureName[];
}

const without = (ids: readonly string[], excluded: ReadonlySet<string>): string[] => ids.filter((id) => !excluded.has(id));

/** Kind agreement over the first pass's non-ignore nodes; `exact` compares before merging classes. */
export function compareKinds(first: LabelledDiagram['nodes'], second: LabelledDiagram['nodes']): DiagramScore['kinds'] & { exact: number } {
  const wrong: DiagramScore['kinds']['wrong'] = [];
  let total = 0;
  let exact = 0;
  for (const [id, expected] of Object.entries(first)) {
    if (expected === 'ignore') continue;
    total++;
    const got = second[id];
    if (got === expected) exact++;
    if (got === undefined || kindClass(got) !== kindClass(expected)) wrong.push({ id, expected, got: got ?? null });
  }
  return { correct: total - wrong.length, total, wrong, exact };
}

/** Ids disputed by either pass. */
export function spofExclusions(first: LabelledDiagram, second: LabelledDiagram): Set<string> {
  return new Set([...first.spofDisputed, ...second.spofDisputed]);
}

/** The second pass's SPOFs scored against the first's, with either pass's disputed nodes left out. */
export function compareSpof(first: LabelledDiagram, second: LabelledDiagram): DiagramScore['spof'] {
  const excluded = spofExclusions(first, second);
  const reference = without(first.spof, excluded);
  const predicted = without(second.spof, excluded);
  return {
    truePositives: predicted.filter((id) => reference.includes(id)).sort(),
    falsePositives: predicted.filter((id) => !reference.includes(id)).sort(),
    falseNegatives: reference.filter((id) => !predicted.includes(id)).sort(),
  };
}

export const VERDICTS = ['spof', 'disputed', 'neither'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function verdictOf(labels: LabelledDiagram, id: string): Verdict {
  if (labels.spof.includes(id)) return 'spof';
  return labels.spofDisputed.includes(id) ? 'disputed' : 'neither';
}

/** Node ids both passes label as components (not ignore): the nodes SPOF verdicts are compared on. */
export function sharedComponents(first: LabelledDiagram, second: LabelledDiagram): string[] {
  return Object.keys(first.nodes).filter((id) => first.nodes[id] !== 'ignore' && second.nodes[id] !== undefined && second.nodes[id] !== 'ignore');
}

/** 3×3 counts of SPOF verdicts (rows: first pass, columns: second, in VERDICTS order) over nodes both passes label as components. */
export function verdictMatrix(first: LabelledDiagram, second: LabelledDiagram): number[][] {
  const m = VERDICTS.map(() => VERDICTS.map(() => 0));
  for (const id of sharedComponents(first, second)) {
    const row = m[VERDICTS.indexOf(verdictOf(first, id))];
    const col = VERDICTS.indexOf(verdictOf(second, id));
    if (row !== undefined) row[col] = (row[col] ?? 0) + 1;
  }
  return m;
}

export function verdictDiffs(first: LabelledDiagram, second: LabelledDiagram): Array<{ id: string; first: Verdict; second: Verdict }> {
  return sharedComponents(first, second)
    .map((id) => ({ id, first: verdictOf(first, id), second: verdictOf(second, id) }))
    .filter((d) => d.first !== d.second);
}

/** The 2×2 SPOF table: the verdict matrix without nodes either pass disputes. */
export function spofTable(matrix: readonly (readonly number[])[]): SpofTable {
  const at = (r: Verdict, c: Verdict): number => matrix[VERDICTS.indexOf(r)]?.[VERDICTS.indexOf(c)] ?? 0;
  return { both: at('spof', 'spof'), firstOnly: at('spof', 'neither'), secondOnly: at('neither', 'spof'), neither: at('neither', 'neither') };
}

export function featureDiffs(first: LabelledDiagram['features'], second: LabelledDiagram['features']): FeatureName[] {
  return FEATURE_NAMES.filter((f) => first[f] !== second[f]);
}

/**
 * One diagram's pair. Mermaid validity is the first pass's: an invalid diagram counts only in
 * `located` (the passes agree on the line), as in the eval.
 */
export function compareDiagram(first: LabelledDiagram, second: LabelledDiagram): PairScore {
  const kinds = compareKinds(first.nodes, second.nodes);
  const diffs = featureDiffs(first.features, second.features);
  const score: DiagramScore = {
    mermaidValid: first.mermaidValid,
    ...(first.mermaidValid ? { parsed: second.mermaidValid } : { located: !second.mermaidValid && second.errorLine === first.errorLine }),
    kinds: { correct: kinds.correct, total: kinds.total, wrong: kinds.wrong },
    spof: compareSpof(first, second),
    features: { matched: FEATURE_NAMES.length - diffs.length, total: FEATURE_NAMES.length, expected: first.features, detected: second.features },
  };
  const verdicts = verdictMatrix(first, second);
  return {
    score,
    kindsExact: { correct: kinds.exact, total: kinds.total },
    spofTable: spofTable(verdicts),
    verdicts,
    verdictDiffs: verdictDiffs(first, second),
    spofExcluded: [...spofExclusions(first, second)].sort(),
    featureDiffs: diffs,
  };
}

/** Cohen's kappa of a square agreement matrix; undefined when it is empty or chance agreement is total. */
export function cohensKappa(matrix: readonly (readonly number[])[]): number | undefined {
  const n = matrix.reduce((acc, row) => acc + row.reduce((a, x) => a + x, 0), 0);
  if (n === 0) return undefined;
  const rowSum = (i: number): number => (matrix[i] ?? []).reduce((a, x) => a + x, 0);
  const colSum = (j: number): number => matrix.reduce((a, row) => a + (row[j] ?? 0), 0);
  const observed = matrix.reduce((a, row, i) => a + (row[i] ?? 0), 0) / n;
  const chance = matrix.reduce((a, _row, i) => a + (rowSum(i) / n) * (colSum(i) / n), 0);
  return chance === 1 ? undefined : (observed - chance) / (1 - chance);
}

export const tableMatrix = (t: SpofTable): number[][] => [
  [t.both, t.firstOnly],
  [t.secondOnly, t.neither],
];

export function addMatrices(matrices: readonly (readonly (readonly number[])[])[]): number[][] {
  const out = VERDICTS.map(() => VERDICTS.map(() => 0));
  for (const m of matrices) m.forEach((row, i) => row.forEach((x, j) => ((out[i] ?? [])[j] = (out[i]?.[j] ?? 0) + x)));
  return out;
}

export interface AgreementFigures {
  /** diagrams, kind_accuracy, spof_precision, spof_recall, features: aggregate() of metrics.ts. */
  readonly eval: Figures;
  /** Mermaid-valid diagrams, the ones every figure below counts. */
  readonly valid: number;
  readonly kind_exact?: number;
  readonly spof_kappa?: number;
  readonly spof_percent?: number;
  readonly spof_table: SpofTable;
  /** SPOF / disputed / neither as three verdicts: nothing is left out. */
  readonly verdict_kappa?: number;
  readonly verdict_percent?: number;
  readonly verdicts: number[][];
  readonly spof_excluded: number;
  /** Per feature, % of diagrams where the passes agree. */
  readonly feature_percent: Readonly<Partial<Record<FeatureName, number>>>;
}

const percent = (num: number, den: number): number | undefined => (den === 0 ? undefined : Math.round((1000 * num) / den) / 10);
const round3 = (x: number | undefined): number | undefined => (x === undefined ? undefined : Math.round(1000 * x) / 1000);
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Pooled figures; like aggregate(), only Mermaid-valid diagrams count beyond `diagrams`. */
export function summarise(pairs: readonly PairScore[]): AgreementFigures {
  const valid = pairs.filter((p) => p.score.mermaidValid);
  const { diagrams, kind_accuracy, spof_precision, spof_recall, features } = aggregate(pairs.map((p) => p.score));
  const verdicts = addMatrices(valid.map((p) => p.verdicts));
  const table = spofTable(verdicts);
  const diagonal = verdicts.reduce((a, row, i) => a + (row[i] ?? 0), 0);
  const nodes = verdicts.flat().reduce((a, x) => a + x, 0);
  const sum = (f: (p: PairScore) => number): number => valid.reduce((acc, p) => acc + f(p), 0);
  const featurePercent = Object.fromEntries(FEATURE_NAMES.map((f) => [f, percent(valid.filter((p) => !p.featureDiffs.includes(f)).length, valid.length)]));
  return defined({
    eval: defined({ diagrams, kind_accuracy, spof_precision, spof_recall, features }),
    valid: valid.length,
    kind_exact: percent(sum((p) => p.kindsExact.correct), sum((p) => p.kindsExact.total)),
    spof_kappa: round3(cohensKappa(tableMatrix(table))),
    spof_percent: percent(table.both + table.neither, table.both + table.firstOnly + table.secondOnly + table.neither),
    spof_table: table,
    verdict_kappa: round3(cohensKappa(verdicts)),
    verdict_percent: percent(diagonal, nodes),
    verdicts,
    spof_excluded: sum((p) => p.spofExcluded.length),
    feature_percent: defined(featurePercent),
  });
}
