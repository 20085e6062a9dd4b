import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHistoryRepo, HISTORY_PAGE_SIZE, type HistoryCursor } from '../electron/db/history';
import { openDatabase } from '../electron/db/open';
import type { Figure } from './figure';
import { seedAttempts } from './seedAttempts';

const RUNS = 200;
const DEEP_PAGE = 8;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * `sqlite.history_page_ms`: one page of 50 of the History screen filtered by prompt, on a database
 * of 10,000 attempts over 18 prompts and two years (bench/seedAttempts.ts), median over the first
 * page and a deep page (the 8th, about the last of that prompt's ~550 attempts) — the larger of
 * the two medians, so keyset paging shows if a deep page ever costs more.
 */
export async function historyBenchmark(): Promise<readonly Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-history-'));
  const db = openDatabase({ file: join(dir, 'bench.db') });
  try {
    await seedAttempts(db, { count: 10_000, seed: 9 });
    const history = createHistoryRepo(db);
    const filter = { promptId: 'instagram' };
    let cursor: HistoryCursor | null = null;
    for (let page = 1; page < DEEP_PAGE; page++) cursor = history.page(filter, cursor).next;
    if (cursor === null) throw new Error('the seeded database has fewer than 8 pages of instagram attempts');
    const deepCursor: HistoryCursor = cursor;
    const time = (run: () => unknown) => {
      const times: number[] = [];
      for (let n = 0; n < RUNS; n++) {
        const t = performance.now();
        run();
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const first = time(() => history.page(filter, null, HISTORY_PAGE_SIZE));
    const deep = time(() => history.page(filter, deepCursor, HISTORY_PAGE_SIZE));
    const stats = time(() => history.promptStats());
    return [
      { name: 'sqlite.history_page_ms', value: round3(Math.max(first, deep)), unit: 'ms' },
      { name: 'sqlite.history_page_first_ms', value: round3(first), unit: 'ms' },
      { name: 'sqlite.history_page_deep_ms', value: round3(deep), unit: 'ms' },
      { name: 'sqlite.prompt_stats_ms', value: round3(stats), unit: 'ms' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
