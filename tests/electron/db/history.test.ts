import { describe, expect, it } from 'vitest';
import { createAttemptsRepo, type AttemptId, type AttemptsRepo } from '../../../electron/db/attempts';
import { createHistoryRepo, historySql, PROMPT_STATS_SQL, type HistoryCursor, type HistoryFilter } from '../../../electron/db/history';
import type { Db } from '../../../electron/db/types';
import type { AttemptReport } from '../../../prompts/mockReport';
import type { Finding } from '../../../rubrics/rules/types';
import { tempDb } from '../helpers';

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'single-point-of-failure',
  severity,
  nodes: ['DB'],
  message: 'm',
  why: 'w',
  fix: 'f',
  concept: 'single-point-of-failure',
});

function report(total: number, severities: readonly Finding['severity'][]): AttemptReport {
  return {
    outcome: 'graded',
    score: { total, coverage: 100, quality: total, categories: {}, capped: false, rules: [] },
    findings: severities.map(finding),
    parseErrors: [],
    estimates: [],
    questions: [],
    phases: [],
  };
}

interface Made {
  readonly promptId: string;
  readonly mode: 'practice' | 'mock';
  readonly startedAt: number;
  readonly submittedAt: number | null;
  readonly score: number;
  readonly severities?: readonly Finding['severity'][];
}

function make(repo: AttemptsRepo, a: Made): AttemptId {
  const id = repo.start({
    promptId: a.promptId,
    mode: a.mode,
    startedAt: a.startedAt,
    promptHash: 'h',
    graderVersion: '1',
    timeLimitMs: a.mode === 'mock' ? 45 * 60_000 : null,
    phasePlan: [],
    phase: null,
  });
  if (a.submittedAt !== null) {
    const progress = { id, phase: null, clockOffsetMs: 0, lastSeenAt: a.submittedAt, deadlineAt: null, diagram: 'flowchart LR\n A --> B', notes: {}, estimates: [], questions: [], curveballId: null, events: [] };
    repo.submit({ progress, submittedAt: a.submittedAt, report: report(a.score, a.severities ?? []), rules: [], concepts: [] });
  }
  return id;
}

/**
 * Six attempts (ids 1–6 in this order):
 *   1 instagram practice submitted 1000 score 40 (critical, critical, major)
 *   2 banking   mock     submitted 2000 score 70
 *   3 instagram mock     submitted 3000 score 85 (critical)
 *   4 instagram practice submitted 3000 score 90 (same time as 3: the id breaks the tie)
 *   5 banking   practice in progress (never listed)
 *   6 banking   practice submitted 5000 score 20
 */
function seeded(): { db: Db; ids: AttemptId[] } {
  const { db } = tempDb();
  const repo = createAttemptsRepo(db);
  const ids = [
    make(repo, { promptId: 'instagram', mode: 'practice', startedAt: 400, submittedAt: 1000, score: 40, severities: ['critical', 'critical', 'major'] }),
    make(repo, { promptId: 'banking', mode: 'mock', startedAt: 1500, submittedAt: 2000, score: 70 }),
    make(repo, { promptId: 'instagram', mode: 'mock', startedAt: 2500, submittedAt: 3000, score: 85, severities: ['critical', 'minor'] }),
    make(repo, { promptId: 'instagram', mode: 'practice', startedAt: 2900, submittedAt: 3000, score: 90 }),
    make(repo, { promptId: 'banking', mode: 'practice', startedAt: 4000, submittedAt: null, score: 0 }),
    make(repo, { promptId: 'banking', mode: 'practice', startedAt: 4500, submittedAt: 5000, score: 20 }),
  ];
  return { db, ids };
}

const ids = (db: Db, filter: HistoryFilter, cursor: HistoryCursor | null = null, limit?: number) =>
  createHistoryRepo(db).page(filter, cursor, limit).rows.map((r) => r.id);

describe('history page', () => {
  it('lists submitted attempts newest first, the later id first when two were submitted at the same time', () => {
    const { db } = seeded();
    expect(ids(db, {})).toEqual([6, 4, 3, 2, 1]);
  });

  it('gives each row its prompt, mode, times, score, grader version and number of critical findings', () => {
    const { db } = seeded();
    const rows = createHistoryRepo(db).page({ promptId: 'instagram' }, null).rows;
    expect(rows).toEqual([
      { id: 4, promptId: 'instagram', mode: 'practice', startedAt: 2900, submittedAt: 3000, totalScore: 90, graderVersion: '1', criticalFindings: 0 },
      { id: 3, promptId: 'instagram', mode: 'mock', startedAt: 2500, submittedAt: 3000, totalScore: 85, graderVersion: '1', criticalFindings: 1 },
      { id: 1, promptId: 'instagram', mode: 'practice', startedAt: 400, submittedAt: 1000, totalScore: 40, graderVersion: '1', criticalFindings: 2 },
    ]);
  });

  it('pages by keyset: two at a time gives 6 4 | 3 2 | 1 and then no next cursor', () => {
    const { db } = seeded();
    const repo = createHistoryRepo(db);
    const first = repo.page({}, null, 2);
    expect(first.rows.map((r) => r.id)).toEqual([6, 4]);
    expect(first.next).toEqual({ submittedAt: 3000, id: 4 });
    const second = repo.page({}, first.next, 2);
    expect(second.rows.map((r) => r.id)).toEqual([3, 2]);
    expect(second.next).toEqual({ submittedAt: 2000, id: 2 });
    const third = repo.page({}, second.next, 2);
    expect(third.rows.map((r) => r.id)).toEqual([1]);
    expect(third.next).toBeNull();
  });

  it('has no next cursor when the last page is exactly full', () => {
    const { db } = seeded();
    expect(createHistoryRepo(db).page({}, null, 5).next).toBeNull();
  });

  it('filters by prompt, mode, date range (from inclusive, to exclusive) and score range (inclusive)', () => {
    const { db } = seeded();
    expect(ids(db, { promptId: 'banking' })).toEqual([6, 2]);
    expect(ids(db, { mode: 'mock' })).toEqual([3, 2]);
    expect(ids(db, { from: 2000, to: 5000 })).toEqual([4, 3, 2]);
    expect(ids(db, { minScore: 70, maxScore: 85 })).toEqual([3, 2]);
    expect(ids(db, { promptId: 'instagram', mode: 'practice', minScore: 50 })).toEqual([4]);
    expect(ids(db, { promptId: 'url-shortener' })).toEqual([]);
  });
});

describe('prompt stats', () => {
  it('counts submitted attempts per prompt with the best score and the last submission', () => {
    const { db } = seeded();
    const stats = [...createHistoryRepo(db).promptStats()].sort((a, b) => a.promptId.localeCompare(b.promptId));
    expect(stats).toEqual([
      { promptId: 'banking', attempts: 2, bestScore: 70, lastSubmittedAt: 5000 },
      { promptId: 'instagram', attempts: 3, bestScore: 90, lastSubmittedAt: 3000 },
    ]);
  });
});

describe('history query plans', () => {
  const plan = (db: Db, sql: string, params: readonly (string | number)[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  const filters: readonly [string, HistoryFilter][] = [
    ['no filter', {}],
    ['prompt', { promptId: 'instagram' }],
    ['mode', { mode: 'mock' }],
    ['prompt and mode', { promptId: 'instagram', mode: 'mock' }],
    ['date range', { from: 1000, to: 4000 }],
    ['score range', { minScore: 50, maxScore: 90 }],
    ['everything', { promptId: 'instagram', mode: 'practice', from: 1000, to: 4000, minScore: 10, maxScore: 90 }],
  ];

  it.each(filters)('a %s page searches a history index in order: no scan of attempts, no temporary sort', (_, filter) => {
    const { db } = seeded();
    for (const cursor of [null, { submittedAt: 3000, id: 4 }]) {
      const { sql, params } = historySql(filter, cursor, 50);
      const lines = plan(db, sql, params);
      const attemptsLine = lines.find((l) => /\battempts\b/.test(l)) ?? '';
      expect(attemptsLine).toMatch(/^SEARCH attempts USING (COVERING )?INDEX attempts_history/);
      expect(lines.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(lines.join('\n')).not.toMatch(/^SCAN attempts$/m);
    }
  });

  it('the prompt-stats query reads only the covering prompt-stats index, grouped in its order', () => {
    const { db } = seeded();
    expect(plan(db, PROMPT_STATS_SQL, [])).toEqual(['SEARCH attempts USING COVERING INDEX attempts_prompt_stats (status=?)']);
  });
});
