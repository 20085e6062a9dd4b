import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MIGRATIONS, migrate } from '../../../electron/db/migrations';
import { createProgressRepo } from '../../../electron/db/progress';
import type { Db } from '../../../electron/db/types';
import { tempDb, tempDir } from '../helpers';
import { at, seedFour } from './progressFixture';

// Day numbers (days since 1970, UTC): Tue 1 Dec 2026 is 20788.
const DEC_1 = 20788;

function seeded(): Db {
  const { db } = tempDb();
  seedFour(db);
  return db;
}

describe('progress repository: the SQL aggregates of the Progress screen', () => {
  it('returns each concept’s latest results, newest first, with the mean of the rules that grade it', () => {
    const results = createProgressRepo(seeded()).recentConceptResults(20);
    const view = results.map(({ concept, attemptId, at: when, met, ruleMean }) => ({ concept, attemptId, at: when, met, ruleMean }));
    expect(view).toEqual([
      { concept: 'dns', attemptId: 1, at: at('2026-11-23T10:40:00Z'), met: true, ruleMean: null },
      { concept: 'replication', attemptId: 2, at: at('2026-11-30T09:30:00Z'), met: true, ruleMean: 0.9 },
      { concept: 'replication', attemptId: 1, at: at('2026-11-23T10:40:00Z'), met: false, ruleMean: 0.35 },
      { concept: 'caching', attemptId: 3, at: at('2026-12-01T12:00:00Z'), met: true, ruleMean: 1 },
      { concept: 'caching', attemptId: 2, at: at('2026-11-30T09:30:00Z'), met: true, ruleMean: 0.6 },
      { concept: 'caching', attemptId: 1, at: at('2026-11-23T10:40:00Z'), met: true, ruleMean: 0.8 },
    ]);
  });

  it('keeps only the latest n results of each concept', () => {
    const results = createProgressRepo(seeded()).recentConceptResults(1);
    expect(results.map((r) => [r.concept, r.attemptId])).toEqual([
      ['dns', 1],
      ['replication', 2],
      ['caching', 3],
    ]);
  });

  it('averages total scores per prompt and month', () => {
    expect(createProgressRepo(seeded()).promptMonths(0)).toEqual([
      { promptId: 'banking', month: '2026-10', score: 60, attempts: 1 },
      { promptId: 'instagram', month: '2026-11', score: 65, attempts: 2 },
      { promptId: 'url-shortener', month: '2026-12', score: 90, attempts: 1 },
    ]);
  });

  it('puts an attempt in the user’s local month', () => {
    const repo = createProgressRepo(seeded());
    // UTC+15: attempt 2 (30 Nov 09:30 UTC) is 1 Dec 00:30 there, so instagram has a November and a December.
    expect(repo.promptMonths(15 * 60).filter((r) => r.promptId === 'instagram')).toEqual([
      { promptId: 'instagram', month: '2026-11', score: 50, attempts: 1 },
      { promptId: 'instagram', month: '2026-12', score: 80, attempts: 1 },
    ]);
    // UTC−13: attempt 3 (1 Dec 12:00 UTC) is 30 Nov 23:00 there.
    expect(repo.promptMonths(-13 * 60).find((r) => r.promptId === 'url-shortener')?.month).toBe('2026-11');
  });

  it('weights rule scores per category and month', () => {
    // data, Nov: (2×0.35 + 2×0.9) / 4 = 0.625 → 63; performance, Nov: (0.8 + 0.6) / 2 = 0.7 → 70.
    expect(createProgressRepo(seeded()).categoryMonths(0)).toEqual([
      { category: 'data', month: '2026-10', score: 50 },
      { category: 'data', month: '2026-11', score: 63 },
      { category: 'performance', month: '2026-11', score: 70 },
      { category: 'performance', month: '2026-12', score: 100 },
    ]);
  });

  it('keeps category sums by day as rule rows come and go (triggers)', () => {
    const db = seeded();
    const repo = createProgressRepo(db);
    // Without attempt 2: data, Nov = 0.35 → 35; performance, Nov = 0.8 → 80.
    db.prepare('DELETE FROM attempts WHERE id = 2').run();
    expect(repo.categoryMonths(0)).toEqual([
      { category: 'data', month: '2026-10', score: 50 },
      { category: 'data', month: '2026-11', score: 35 },
      { category: 'performance', month: '2026-11', score: 80 },
      { category: 'performance', month: '2026-12', score: 100 },
    ]);
    // A re-grade replaces an attempt's rule rows: the old ones leave the sums, the new ones join.
    db.prepare('DELETE FROM attempt_rule_results WHERE attempt_id = 3').run();
    db.prepare("INSERT INTO attempt_rule_results (attempt_id, rule, category, weight, required, score, findings) VALUES (3, 'caching', 'performance', 1, 0, 0.4, 1)").run();
    expect(repo.categoryMonths(0).at(-1)).toEqual({ category: 'performance', month: '2026-12', score: 40 });
  });

  it('fills the category sums from attempts graded before the migration', () => {
    const file = join(tempDir(), 'v4.db');
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name.startsWith('progress:'))));
    seedFour(db);
    migrate(db, file);
    expect(createProgressRepo(db).categoryMonths(0)).toEqual([
      { category: 'data', month: '2026-10', score: 50 },
      { category: 'data', month: '2026-11', score: 63 },
      { category: 'performance', month: '2026-11', score: 70 },
      { category: 'performance', month: '2026-12', score: 100 },
    ]);
    db.close();
  });

  it('lists the days practised newest first, once each', () => {
    expect(createProgressRepo(seeded()).practiceDays(0)).toEqual([DEC_1, DEC_1 - 1, DEC_1 - 8, DEC_1 - 47]);
  });

  it('sums the time of submitted attempts in a range, each capped', () => {
    const repo = createProgressRepo(seeded());
    // From Monday 30 Nov: 30 min + 4 h capped at 3 h = 210 min.
    expect(repo.practised(at('2026-11-30T00:00:00Z'), at('2026-12-02T00:00:00Z'), 3 * 3_600_000)).toEqual({ attempts: 2, ms: 210 * 60_000 });
    expect(repo.practised(at('2026-12-05T00:00:00Z'), at('2026-12-06T00:00:00Z'), 3 * 3_600_000)).toEqual({ attempts: 0, ms: 0 });
  });

  it('reads indexes, not the wide attempt rows (EXPLAIN QUERY PLAN)', () => {
    const db = seeded();
    const plan = (sql: string, ...params: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT prompt_id, strftime('%Y-%m', (submitted_at + 0) / 1000, 'unixepoch') AS month, avg(total_score), count(*) FROM attempts WHERE outcome = 'graded' GROUP BY prompt_id, month`)).toContain(
      'USING COVERING INDEX attempts_graded',
    );
    expect(plan(`SELECT CAST((submitted_at + 0) / 86400000 AS INTEGER) AS day FROM attempts WHERE status = 'submitted' GROUP BY day ORDER BY day DESC`)).toMatch(
      // Either covering index of submitted attempts by time serves it (history's, migration 6, or progress's): no table rows.
      /USING COVERING INDEX attempts_(?:submitted|history)\b/,
    );
    expect(plan(`SELECT count(*), sum(min(submitted_at - started_at, 1)) FROM attempts WHERE status = 'submitted' AND submitted_at >= 0 AND submitted_at < 1`)).toMatch(
      // A range search: only the rows of the asked week are read (history's index, migration 6, is
      // preferred over the partial covering one now that both exist).
      /^SEARCH attempts USING (?:COVERING )?INDEX attempts_(?:submitted \(|history \(status=\? AND )submitted_at>\? AND submitted_at<\?\)$/,
    );
    expect(plan(`SELECT c.attempt_id FROM attempt_concept_results c JOIN attempts a ON a.id = c.attempt_id WHERE c.concept = 'caching' ORDER BY c.attempt_id DESC LIMIT 20`)).toContain(
      'USING COVERING INDEX attempt_concept_results_by_concept (concept=?)',
    );
  });
});
