import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_END_AT, seedAttempts } from '../../bench/seedAttempts';
import { openDatabase } from '../../electron/db/open';
import type { Db } from '../../electron/db/types';

const DAY = 86_400_000;

describe('seedAttempts', () => {
  let dir: string;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sysdrill-seed-'));
    a = openDatabase({ file: join(dir, 'a.db') });
    b = openDatabase({ file: join(dir, 'b.db') });
    await seedAttempts(a, { count: 60, seed: 7 });
    await seedAttempts(b, { count: 60, seed: 7 });
  });
  afterAll(() => {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the requested number of submitted attempts, within the two years before the end', () => {
    const row = a.prepare("SELECT count(*) AS n, min(started_at) AS lo, max(submitted_at) AS hi FROM attempts WHERE status = 'submitted'").get() as { n: number; lo: number; hi: number };
    expect(row.n).toBe(60);
    expect(row.lo).toBeGreaterThanOrEqual(SEED_END_AT - 730 * DAY);
    expect(row.hi).toBeLessThanOrEqual(SEED_END_AT);
  });

  it('gives the same rows for the same seed', () => {
    const dump = (db: Db) => db.prepare('SELECT prompt_id, mode, started_at, submitted_at, total_score FROM attempts ORDER BY id').all();
    expect(dump(a)).toEqual(dump(b));
  });

  it('stores per-rule and per-concept rows for graded attempts, through the store', () => {
    const graded = a.prepare("SELECT count(*) AS n FROM attempts WHERE outcome = 'graded'").get() as { n: number };
    const withRules = a.prepare('SELECT count(DISTINCT attempt_id) AS n FROM attempt_rule_results').get() as { n: number };
    const withConcepts = a.prepare('SELECT count(DISTINCT attempt_id) AS n FROM attempt_concept_results').get() as { n: number };
    expect(graded.n).toBeGreaterThan(0);
    expect(withRules.n).toBe(graded.n);
    expect(withConcepts.n).toBe(graded.n);
  });

  it('makes ids grow with the start time, as in the app', () => {
    const starts = (a.prepare('SELECT started_at FROM attempts ORDER BY id').all() as { started_at: number }[]).map((r) => r.started_at);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });
});
