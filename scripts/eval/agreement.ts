/**
 * `npm run eval:agreement [-- --half tuning|test --second <dir> --corpus <dir> --out <dir>]` —
 * inter-labeller agreement: every `<stem>.labels.json` of a second, independent labelling
 * (tests/corpus/second-pass/ for the tuning half, tests/corpus/second-pass-test/ for the test
 * half) against the first pass in tests/corpus/diagrams/, with the eval's definitions
 * (agreementMetrics.ts). Prints a table and writes agreement-results.json (agreement-results.test.json
 * for the test half). A second-pass file of the other half is refused, and the test half, as
 * everywhere, is reported as figures only: no per-diagram differences are printed or written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareDiagram, summarise, type AgreementFigures, type PairScore } from './agreementMetrics';
import { formatLabelError, parseLabels, type LabelError, type Labels } from './labels';
import { AGREEMENT_RESULTS_PATH, AGREEMENT_TEST_RESULTS_PATH, CORPUS_DIR, REPO_ROOT, SECOND_PASS_DIR, SECOND_PASS_TEST_DIR } from './paths';
import { halfOf, HALVES, type Half } from './splitRule';

interface Pair {
  readonly stem: string;
  readonly first: Labels;
  readonly second: Labels;
}

function fail(message: string): never {
  process.stderr.write(`eval:agreement: ${message}\n`);
  process.exit(1);
}

function readLabels(file: string, errors: LabelError[]): Labels | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    errors.push({ file, field: '(file)', reason: 'missing' });
    return undefined;
  }
  const parsed = parseLabels(file, text);
  if (parsed.ok) return parsed.labels;
  errors.push(...parsed.errors);
  return undefined;
}

function loadPairs(secondDir: string, corpusDir: string, half: Half): { pairs: Pair[]; errors: LabelError[] } {
  const errors: LabelError[] = [];
  const pairs: Pair[] = [];
  const names = readdirSync(secondDir)
    .filter((n) => n.endsWith('.labels.json'))
    .sort();
  for (const name of names) {
    const stem = name.replace(/\.labels\.json$/, '');
    const second = readLabels(join(secondDir, name), errors);
    const first = readLabels(join(corpusDir, name), errors);
    if (second === undefined || first === undefined) continue;
    if (halfOf(first.source.repo) !== half) errors.push({ file: join(secondDir, name), field: 'source.repo', reason: `not a ${half}-half repository: this folder holds second passes of the ${half} half only` });
    else pairs.push({ stem, first, second });
  }
  return { pairs, errors };
}

/** The pair as if Mermaid accepted it: the "all labelled" column counts invalid diagrams too. */
const asValid = (l: Labels): Labels => ({ ...l, mermaidValid: true, errorLine: null });

const fmt = {
  pct: (v: number | undefined): string => (v === undefined ? 'n/a' : `${v.toFixed(1)} %`),
  ratio: (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(3)),
  count: (v: number | undefined): string => (v === undefined ? 'n/a' : String(v)),
};

function rows(f: AgreementFigures): string[] {
  const t = f.spof_table;
  return [
    fmt.count(f.eval.diagrams),
    fmt.count(f.valid),
    fmt.pct(f.eval.kind_accuracy),
    fmt.pct(f.kind_exact),
    fmt.ratio(f.eval.spof_precision),
    fmt.ratio(f.eval.spof_recall),
    fmt.ratio(f.spof_kappa),
    fmt.pct(f.spof_percent),
    `${t.both}/${t.firstOnly}/${t.secondOnly}/${t.neither}`,
    fmt.count(f.spof_excluded),
    fmt.ratio(f.verdict_kappa),
    fmt.pct(f.verdict_percent),
    fmt.pct(f.eval.features),
  ];
}

const LABELS = [
  'diagrams',
  'counted (Mermaid-valid)',
  'kind agreement (eval classes)',
  'kind agreement (exact kind)',
  'SPOF precision (2nd vs 1st)',
  'SPOF recall (2nd vs 1st)',
  "SPOF Cohen's kappa",
  'SPOF % agreement',
  'SPOF both/1st only/2nd only/neither',
  'SPOF nodes excluded (disputed)',
  'SPOF/disputed/neither kappa',
  'SPOF/disputed/neither % agreement',
  'feature agreement',
];

function table(columns: Readonly<Record<string, AgreementFigures>>): string {
  const heads = ['figure', ...Object.keys(columns)];
  const body = LABELS.map((label, i) => [label, ...Object.values(columns).map((f) => rows(f)[i] ?? '')]);
  const widths = heads.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(heads), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function detail(stem: string, p: PairScore, first: Labels, second: Labels): Record<string, unknown> {
  return {
    stem,
    mermaidValid: first.mermaidValid,
    kinds: p.score.kinds,
    kindsExact: p.kindsExact,
    spof: p.score.spof,
    spofExcluded: p.spofExcluded,
    verdictDiffs: p.verdictDiffs,
    featureDiffs: p.featureDiffs.map((f) => ({ feature: f, first: first.features[f], second: second.features[f] })),
  };
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { half: { type: 'string', default: 'tuning' }, second: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const half = values.half as Half;
  if (!HALVES.includes(half)) fail(`--half is tuning or test, not ${String(values.half)}`);
  const secondDir = resolve(values.second ?? (half === 'tuning' ? SECOND_PASS_DIR : SECOND_PASS_TEST_DIR));
  const corpusDir = resolve(values.corpus ?? CORPUS_DIR);
  const resultsPath = half === 'tuning' ? AGREEMENT_RESULTS_PATH : AGREEMENT_TEST_RESULTS_PATH;
  const outPath = values.out === undefined ? resultsPath : join(values.out, basename(resultsPath));

  const { pairs, errors } = loadPairs(secondDir, corpusDir, half);
  if (errors.length > 0) fail(`bad labels:\n${errors.map((e) => `  ${formatLabelError(e)}`).join('\n')}`);
  if (pairs.length === 0) fail(`no second-pass labels in ${secondDir}`);

  const scored = pairs.map((p) => ({ ...p, score: compareDiagram(p.first, p.second) }));
  const figures = {
    'as eval (valid only)': summarise(scored.map((p) => p.score)),
    'all labelled': summarise(pairs.map((p) => compareDiagram(asValid(p.first), asValid(p.second)))),
  };
  const reference = 'first pass (tests/corpus/diagrams); second pass scored as the grader is';
  const results = half === 'tuning' ? { reference, figures, diagrams: scored.map((p) => detail(p.stem, p.score, p.first, p.second)) } : { reference, half, figures };
  writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(figures)}\n\nwrote ${relative(REPO_ROOT, outPath) || outPath}\n`);
}

main();
