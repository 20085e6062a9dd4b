/**
 * `npm run eval [-- --cli <path>] [-- --half tuning|test|both]` — grades the corpus with the CLI
 * (one process, general rubric), compares with the labels and writes eval-results.json (figures
 * of both halves) and eval-details.tuning.json (per-diagram results of the tuning half only; the
 * test half is never shown per diagram). `--corpus <dir>` and `--out <dir>` point it elsewhere
 * (tool tests).
 *
 * `--half` (default `both`) grades and prints only that half: `--half tuning` is the loop for
 * changing the grader, where the test half is neither graded nor shown. eval-results.json is
 * written only by a run of both halves, so it always holds the figures of one grader version for
 * both; a one-half run leaves it as it was (a tuning run still rewrites eval-details.tuning.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readGradeOutput } from './gradeOutput';
import { formatLabelError, loadCorpus } from './labels';
import { aggregate, countsOf, FIGURES, scoreDiagram, toResultEntries, UNITS, wilsonInterval, type DiagramScore, type Figures } from './metrics';
import { CORPUS_DIR, DEFAULT_CLI, REPO_ROOT, RESULTS_PATH, SPLIT_PATH, TUNING_DETAILS_PATH } from './paths';
import { buildSplit, halfOf, HALVES, type Half } from './splitRule';

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(1);
}

function formatValue(value: number | undefined, figure: (typeof FIGURES)[number]): string {
  if (value === undefined) return 'n/a';
  const unit = UNITS[figure];
  return unit === '%' ? `${value.toFixed(1)} %` : unit === 'ratio' ? value.toFixed(3) : String(value);
}

const HALF_CHOICES = ['tuning', 'test', 'both'] as const;
type HalfChoice = (typeof HALF_CHOICES)[number];

function isHalfChoice(value: string): value is HalfChoice {
  return (HALF_CHOICES as readonly string[]).includes(value);
}

function halvesOf(choice: HalfChoice): readonly Half[] {
  return choice === 'both' ? HALVES : [choice];
}

function table(figures: Readonly<Partial<Record<Half, Figures>>>, halves: readonly Half[]): string {
  const rows = FIGURES.map((f) => [f, ...halves.map((h) => formatValue(figures[h]?.[f], f))]);
  const head = ['figure', ...halves];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const BASIS: Readonly<Record<string, string>> = {
  parse: 'valid diagrams',
  located: 'rejected diagrams',
  kind_accuracy: 'nodes',
  spof_precision: 'named by the grader',
  spof_recall: 'in the labels',
  features: 'feature checks',
};

/** Each proportion's counts and 95 % interval: how precisely a corpus this size measures it. */
function intervals(scores: Readonly<Record<Half, readonly DiagramScore[]>>, halves: readonly Half[]): string {
  const lines = ['counts and 95 % intervals (Wilson)'];
  for (const half of halves) {
    for (const [figure, count] of Object.entries(countsOf(scores[half]))) {
      const interval = wilsonInterval(count);
      if (interval === undefined) continue;
      const scale = UNITS[figure as keyof typeof UNITS] === '%' ? (x: number): string => `${(100 * x).toFixed(1)} %` : (x: number): string => x.toFixed(3);
      lines.push(`  ${half.padEnd(6)}  ${figure.padEnd(14)}  ${String(count.hits).padStart(5)} of ${String(count.of).padEnd(5)} ${(BASIS[figure] ?? '').padEnd(20)}  ${scale(interval[0])} – ${scale(interval[1])}`);
    }
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { cli: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' }, half: { type: 'string', default: 'both' } },
    strict: true,
  });
  const choice = values.half;
  if (!isHalfChoice(choice)) fail(`--half must be one of ${HALF_CHOICES.join(', ')}, not "${choice}"`);
  const halves = halvesOf(choice);
  const cli = resolve(values.cli ?? DEFAULT_CLI);
  if (!existsSync(cli)) fail(`CLI not found: ${cli}`);
  const corpusDir = resolve(values.corpus ?? CORPUS_DIR);
  const resultsPath = values.out === undefined ? RESULTS_PATH : join(values.out, basename(RESULTS_PATH));
  const detailsPath = values.out === undefined ? TUNING_DETAILS_PATH : join(values.out, basename(TUNING_DETAILS_PATH));

  const corpus = loadCorpus(corpusDir);
  const { errors, unlabelled } = corpus;
  if (errors.length > 0) fail(`bad labels:\n${errors.map((e) => `  ${formatLabelError(e)}`).join('\n')}`);
  if (unlabelled.length > 0) process.stderr.write(`eval: warning: ${unlabelled.length} diagram(s) without labels left out, first: ${relative(REPO_ROOT, unlabelled[0] ?? '')}\n`);
  if (corpus.items.length === 0) fail(`no labelled diagrams in ${corpusDir}`);

  if (values.corpus === undefined) {
    const recorded = existsSync(SPLIT_PATH) ? readFileSync(SPLIT_PATH, 'utf8').trim() : '';
    const expected = JSON.stringify(buildSplit(corpus.items.map((i) => i.labels.source.repo)), null, 2);
    if (recorded !== expected) process.stderr.write('eval: warning: tests/corpus/split.json is stale; run `npx tsx scripts/eval/split.ts`.\n');
  }
  const items = corpus.items.filter((i) => halves.includes(halfOf(i.labels.source.repo)));
  if (items.length === 0) fail(`no labelled diagrams in the ${choice} half of ${corpusDir}`);

  const files = items.map((i) => relative(REPO_ROOT, i.diagramPath));
  const run = spawnSync(process.execPath, [cli, 'grade', '--json', ...files], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) fail(`could not run the CLI: ${run.error.message}`);
  // Exit 2 means some file did not parse; those files still have their JSON line.
  if (run.status !== 0 && run.status !== 2) fail(`CLI exited with ${String(run.status)}: ${run.stderr.slice(0, 2000)}`);
  let reports: ReturnType<typeof readGradeOutput>;
  try {
    reports = readGradeOutput(run.stdout, files);
  } catch (err) {
    fail((err as Error).message);
  }

  const scores: Record<Half, DiagramScore[]> = { tuning: [], test: [] };
  const details: unknown[] = [];
  items.forEach((item, i) => {
    const file = files[i] ?? '';
    const report = reports.get(file);
    if (report === undefined) fail(`no CLI result for ${file}`);
    const half = halfOf(item.labels.source.repo);
    const score = scoreDiagram(item.labels, report);
    scores[half].push(score);
    if (half === 'tuning') {
      details.push({
        file,
        repo: item.labels.source.repo,
        domain: item.labels.domain,
        ...score,
        kinds: { ...score.kinds, wrong: score.kinds.wrong.map((w) => ({ ...w, label: report.nodeLabels.get(w.id) ?? null })) },
        ...(item.labels.mermaidValid ? {} : { errorLine: item.labels.errorLine, graderErrorLine: report.firstErrorLine ?? null }),
      });
    }
  });

  const figures: Partial<Record<Half, Figures>> = Object.fromEntries(halves.map((h) => [h, aggregate(scores[h])]));
  const written: string[] = [];
  if (halves.length === HALVES.length) {
    const results = Object.assign({}, ...halves.map((h) => toResultEntries(h, figures[h] ?? {}))) as Record<string, unknown>;
    writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    written.push(relative(REPO_ROOT, resultsPath));
  }
  if (halves.includes('tuning')) {
    writeFileSync(detailsPath, `${JSON.stringify(details, null, 2)}\n`);
    written.push(`${relative(REPO_ROOT, detailsPath)} (tuning half only)`);
  }
  process.stdout.write(`${table(figures, halves)}\n\n${intervals(scores, halves)}\n\n`);
  const wrote = written.length > 0 ? `wrote ${written.join(' and ')}` : `wrote nothing (${basename(resultsPath)} is written by a run of both halves)`;
  process.stdout.write(`${wrote}\n`);
}

main();
