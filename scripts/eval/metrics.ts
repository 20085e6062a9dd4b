/**
 * Pure evaluation metrics: one labelled diagram against the grader's `--json` report for it,
 * then the figures of a half. Kind, SPOF and feature figures count Mermaid-valid diagrams only
 * (an invalid one has no node set to compare); located counts the Mermaid-invalid ones.
 */
import { FEATURE_NAMES, type FeatureName, type Labels } from './labels';

/** What the metrics read from one line of `sysdrill grade --json`. */
export interface GraderReport {
  readonly parseOk: boolean;
  readonly firstErrorLine?: number;
  readonly nodes: ReadonlyArray<{ id: string; kind: string; alsoKinds?: readonly string[]; role?: string; instances: number | 'many'; replicated?: boolean; planned?: boolean }>;
  readonly findings: ReadonlyArray<{ rule: string; severity: string; nodes: readonly string[]; concept?: string }>;
}

export type LabelledDiagram = Pick<Labels, 'mermaidValid' | 'errorLine' | 'nodes' | 'spof' | 'spofDisputed' | 'features'>;

export type Features = Readonly<Record<FeatureName, boolean>>;

/** The evaluation's kind classes: web_server/service/worker → compute, queue/stream → messaging. */
export function kindClass(kind: string): string {
  if (kind === 'web_server' || kind === 'service' || kind === 'worker') return 'compute';
  if (kind === 'queue' || kind === 'stream') return 'messaging';
  return kind;
}

const SPOF = 'single-point-of-failure';

/** Node ids the grader calls single points of failure (critical or major findings only). */
export function predictedSpofs(findings: GraderReport['findings']): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if ((f.severity === 'critical' || f.severity === 'major') && (f.rule === SPOF || f.concept === SPOF)) {
      for (const id of f.nodes) out.add(id);
    }
  }
  return out;
}

/** The five features as the grader's node list shows them (a component marked as future work does not count). */
export function detectedFeatures(nodes: GraderReport['nodes']): Features {
  const has = (pred: (n: GraderReport['nodes'][number]) => boolean): boolean => nodes.some((n) => n.planned !== true && pred(n));
  const plays = (n: GraderReport['nodes'][number], ...kinds: string[]): boolean => kinds.includes(n.kind) || (n.alsoKinds ?? []).some((k) => kinds.includes(k));
  return {
    loadBalancer: has((n) => plays(n, 'load_balancer')),
    cache: has((n) => plays(n, 'cache')),
    cdn: has((n) => plays(n, 'cdn')),
    queue: has((n) => plays(n, 'queue', 'stream')),
    dbReplication: has((n) => n.kind === 'database' && (n.role === 'replica' || n.instances !== 1 || n.replicated === true)),
  };
}

export interface DiagramScore {
  readonly mermaidValid: boolean;
  /** Mermaid-valid diagrams: did the grader parse it. */
  readonly parsed?: boolean;
  /** Mermaid-invalid diagrams: did the grader's first error sit on the labelled line. */
  readonly located?: boolean;
  readonly kinds: { correct: number; total: number; wrong: Array<{ id: string; expected: string; got: string | null }> };
  readonly spof: { truePositives: string[]; falsePositives: string[]; falseNegatives: string[] };
  readonly features: { matched: number; total: number; expected: Features; detected: Features };
}

const NO_FEATURES: Features = { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false };

export function scoreDiagram(labels: LabelledDiagram, report: GraderReport): DiagramScore {
  if (!labels.mermaidValid) {
    return {
      mermaidValid: false,
      located: !report.parseOk && report.firstErrorLine === labels.errorLine,
      kinds: { correct: 0, total: 0, wrong: [] },
      spof: { truePositives: [], falsePositives: [], falseNegatives: [] },
      features: { matched: 0, total: 0, expected: labels.features, detected: NO_FEATURES },
    };
  }
  const graded = new Map(report.nodes.map((n) => [n.id, n.kind]));
  const wrong: DiagramScore['kinds']['wrong'] = [];
  let total = 0;
  for (const [id, expected] of Object.entries(labels.nodes)) {
    if (expected === 'ignore') continue;
    total++;
    const got = graded.get(id);
    if (got === undefined || kindClass(got) !== kindClass(expected)) wrong.push({ id, expected, got: got ?? null });
  }
  const disputed = new Set(labels.spofDisputed);
  const predicted = [...predictedSpofs(report.findings)].filter((id) => !disputed.has(id)).sort();
  const labelled = labels.spof.filter((id) => !disputed.has(id));
  const detected = detectedFeatures(report.nodes);
  return {
    mermaidValid: true,
    parsed: report.parseOk,
    kinds: { correct: total - wrong.length, total, wrong },
    spof: {
      truePositives: predicted.filter((id) => labelled.includes(id)),
      falsePositives: predicted.filter((id) => !labelled.includes(id)),
      falseNegatives: labelled.filter((id) => !predicted.includes(id)).sort(),
    },
    features: {
      matched: FEATURE_NAMES.filter((f) => labels.features[f] === detected[f]).length,
      total: FEATURE_NAMES.length,
      expected: labels.features,
      detected,
    },
  };
}

export const FIGURES = ['diagrams', 'parse', 'located', 'kind_accuracy', 'spof_precision', 'spof_recall', 'features'] as const;
export type Figure = (typeof FIGURES)[number];
export type Unit = 'count' | '%' | 'ratio';
export const UNITS: Readonly<Record<Figure, Unit>> = {
  diagrams: 'count',
  parse: '%',
  located: '%',
  kind_accuracy: '%',
  spof_precision: 'ratio',
  spof_recall: 'ratio',
  features: '%',
};

/** A figure is absent when it has nothing to count (e.g. `located` in a half with no invalid diagram). */
export type Figures = Readonly<Partial<Record<Figure, number>>>;

const percent = (num: number, den: number): number | undefined => (den === 0 ? undefined : Math.round((1000 * num) / den) / 10);
const ratio = (num: number, den: number): number | undefined => (den === 0 ? undefined : Math.round((1000 * num) / den) / 1000);

/** What a proportion is made of: `hits` of `of`. */
export interface Count {
  readonly hits: number;
  readonly of: number;
}

/** The counts behind each proportion of a half (`diagrams` is a count, not a proportion). */
export function countsOf(scores: readonly DiagramScore[]): Readonly<Record<Exclude<Figure, 'diagrams'>, Count>> {
  const valid = scores.filter((s) => s.mermaidValid);
  const invalid = scores.filter((s) => !s.mermaidValid);
  const sum = (f: (s: DiagramScore) => number): number => valid.reduce((acc, s) => acc + f(s), 0);
  const tp = sum((s) => s.spof.truePositives.length);
  const fp = sum((s) => s.spof.falsePositives.length);
  const fn = sum((s) => s.spof.falseNegatives.length);
  return {
    parse: { hits: valid.filter((s) => s.parsed === true).length, of: valid.length },
    located: { hits: invalid.filter((s) => s.located === true).length, of: invalid.length },
    kind_accuracy: { hits: sum((s) => s.kinds.correct), of: sum((s) => s.kinds.total) },
    spof_precision: { hits: tp, of: tp + fp },
    spof_recall: { hits: tp, of: tp + fn },
    features: { hits: sum((s) => s.features.matched), of: sum((s) => s.features.total) },
  };
}

export function aggregate(scores: readonly DiagramScore[]): Figures {
  const counts = countsOf(scores);
  const figures: Partial<Record<Figure, number | undefined>> = { diagrams: scores.length };
  for (const [figure, { hits, of }] of Object.entries(counts) as [Exclude<Figure, 'diagrams'>, Count][]) {
    figures[figure] = UNITS[figure] === '%' ? percent(hits, of) : ratio(hits, of);
  }
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== undefined)) as Figures;
}

/**
 * The Wilson score interval of a proportion at 95 % confidence (z = 1.96): how far the figure of
 * a corpus this size could be from the grader's rate on diagrams like these. `undefined` for 0 of 0.
 */
export function wilsonInterval({ hits, of }: Count, z = 1.96): readonly [number, number] | undefined {
  if (of === 0) return undefined;
  const p = hits / of;
  const z2 = z * z;
  const centre = (p + z2 / (2 * of)) / (1 + z2 / of);
  const half = (z * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of))) / (1 + z2 / of);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** `{ "eval.<half>.<figure>": { value, unit } }`, the bench-results.json shape. */
export function toResultEntries(half: string, figures: Figures): Record<string, { value: number; unit: Unit }> {
  const out: Record<string, { value: number; unit: Unit }> = {};
  for (const figure of FIGURES) {
    const value = figures[figure];
    if (value !== undefined) out[`eval.${half}.${figure}`] = { value, unit: UNITS[figure] };
  }
  return out;
}
