import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/open';
import { createProgressRepo } from '../electron/db/progress';
import { practiceNext, progressView, type ProgressContext } from '../electron/progress';
import { loadGlossary } from '../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../prompts/node/load';
import type { Figure } from './figure';
import { SEED_END_AT, seedAttempts } from './seedAttempts';

const ATTEMPTS = 10_000;
const RUNS = 30;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function timeMedian(run: () => unknown): number {
  run(); // warm: statements prepared, pages cached, as on the second visit to a screen
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return round3(median(times));
}

/**
 * On 10,000 attempts over the 18 built-in prompts and two years (bench/seedAttempts.ts):
 * `sqlite.progress_ms`: every figure of the Progress screen (electron/progress.ts progressView:
 * monthly scores per prompt and per category, concepts with level and trend, streak, this week);
 * `sqlite.practice_next_ms`: the home screen's suggestion (FSRS replay of each concept's latest
 * results and the prompt choice). Medians of 30 runs, as the IPC handlers compute them.
 */
export async function progressBenchmark(): Promise<readonly Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-'));
  const db = openDatabase({ file: join(dir, 'bench.db') });
  try {
    await seedAttempts(db, { count: ATTEMPTS, seed: 9 });
    const glossary = loadGlossary();
    if (!glossary.ok) throw new Error(glossary.errors.map((e) => e.message).join('\n'));
    const ctx: ProgressContext = {
      repo: createProgressRepo(db),
      prompts: loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts,
      conceptTitles: Object.fromEntries(glossary.glossary.concepts.map((c) => [c.id, c.title])),
      now: SEED_END_AT,
      utcOffsetMin: 60,
    };
    const view = progressView(ctx);
    if (view.graded === 0 || view.concepts.length === 0) throw new Error('the seeded database produced no progress figures');
    return [
      { name: 'sqlite.progress_ms', value: timeMedian(() => progressView(ctx)), unit: 'ms' },
      { name: 'sqlite.practice_next_ms', value: timeMedian(() => practiceNext(ctx)), unit: 'ms' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
