import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/open';
import type { Figure } from './figure';
import { seedAttempts } from './seedAttempts';

const RUNS = 5;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * `sqlite.backup_ms`: one consistent copy (better-sqlite3 `backup()`, what "Export all data" and
 * the daily backup do) of a live WAL database seeded with 10,000 submitted attempts over the 18
 * built-in prompts and two years, median of five copies. Also its size, for scale.
 */
export async function backupBenchmark(): Promise<readonly Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-backup-'));
  const db = openDatabase({ file: join(dir, 'bench.db') });
  try {
    await seedAttempts(db, { count: 10_000, seed: 9 });
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const target = join(dir, `copy-${run}.db`);
      const start = performance.now();
      await db.backup(target);
      times.push(performance.now() - start);
      bytes = statSync(target).size;
      rmSync(target, { force: true });
    }
    return [
      { name: 'sqlite.backup_ms', value: round1(median(times)), unit: 'ms (10,000 attempts)' },
      { name: 'sqlite.backup_size_mb', value: round1(bytes / (1024 * 1024)), unit: 'MB' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
