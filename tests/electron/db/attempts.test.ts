import { describe, expect, it } from 'vitest';
import { createAttemptsRepo, resultRows, type AttemptId, type AttemptProgress, type StartAttempt } from '../../../electron/db/attempts';
import type { AttemptReport } from '../../../prompts/mockReport';
import { tempDb } from '../helpers';

const MOCK_START: StartAttempt = {
  promptId: 'banking',
  mode: 'mock',
  startedAt: 1_000,
  promptHash: 'abc',
  graderVersion: '1',
  timeLimitMs: 30 * 60_000,
  phasePlan: [
    { phase: 'requirements', budgetMs: 200_000 },
    { phase: 'estimates', budgetMs: 200_000 },
  ],
  phase: 'requirements',
};

function progress(id: AttemptId, patch: Partial<AttemptProgress> = {}): AttemptProgress {
  return {
    id,
    phase: 'requirements',
    clockOffsetMs: 0,
    lastSeenAt: 2_000,
    deadlineAt: 1_000 + 30 * 60_000,
    diagram: '',
    notes: {},
    estimates: [],
    questions: [],
    curveballId: null,
    events: [{ kind: 'entered', phase: 'requirements', at: 1_000, elapsedMs: 0 }],
    ...patch,
  };
}

const GRADED: AttemptReport = {
  outcome: 'graded',
  score: {
    total: 55,
    coverage: 100,
    quality: 55,
    categories: { availability: 40, data: 70 },
    capped: false,
    rules: [
      { rule: 'single-point-of-failure', category: 'availability', weight: 3, required: true, score: 0.5 },
      { rule: 'replication', category: 'data', weight: 2, required: false, score: 1 },
    ],
  },
  findings: [
    { rule: 'single-point-of-failure', severity: 'major', nodes: ['DB'], message: 'DB is alone', why: 'w', fix: 'f', concept: 'single-point-of-failure' },
    { rule: 'single-point-of-failure', severity: 'minor', nodes: ['LB'], message: 'LB is alone', why: 'w', fix: 'f', concept: 'load-balancing' },
  ],
  parseErrors: [],
  estimates: [],
  questions: [],
  phases: [],
};

describe('attempts repository', () => {
  it('starts a mock with its plan, hash, grader version and a deadline from the time limit', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start(MOCK_START);
    expect(attempts.get(id)).toMatchObject({
      status: 'in_progress',
      promptHash: 'abc',
      graderVersion: '1',
      timeLimitMs: 1_800_000,
      deadlineAt: 1_801_000,
      phasePlan: MOCK_START.phasePlan,
      phase: 'requirements',
      lastSeenAt: 1_000,
      events: [],
    });
    expect(attempts.inProgress().map((a) => a.id)).toEqual([id]);
  });

  it('saves progress: text, notes, estimates, questions, curveball, clock; events are appended, never rewritten', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start(MOCK_START);
    expect(attempts.saveProgress(progress(id))).toBe(true);
    const events = [
      { kind: 'entered', phase: 'requirements', at: 1_000, elapsedMs: 0 },
      { kind: 'left', phase: 'requirements', at: 90_000, elapsedMs: 89_000 },
      { kind: 'entered', phase: 'estimates', at: 90_000, elapsedMs: 89_000 },
    ] as const;
    const later = progress(id, {
      phase: 'estimates',
      clockOffsetMs: -500,
      lastSeenAt: 95_000,
      diagram: 'flowchart LR\n A --> B',
      notes: { requirements: 'read heavy' },
      estimates: [{ id: 'average-transfer-rate', typed: '600/s' }],
      questions: [{ index: 2, elapsedMs: 30_000 }],
      curveballId: 'region-lost',
      events,
    });
    expect(attempts.saveProgress(later)).toBe(true);
    // A stale client sending a different first event cannot rewrite history.
    expect(attempts.saveProgress({ ...later, events: [{ kind: 'entered', phase: 'wrap-up', at: 5, elapsedMs: 5 }, ...events.slice(1)] })).toBe(true);
    const stored = attempts.get(id);
    expect(stored).toMatchObject({
      phase: 'estimates',
      clockOffsetMs: -500,
      lastSeenAt: 95_000,
      diagram: 'flowchart LR\n A --> B',
      notes: { requirements: 'read heavy' },
      estimates: [{ id: 'average-transfer-rate', typed: '600/s' }],
      questions: [{ index: 2, elapsedMs: 30_000 }],
      curveballId: 'region-lost',
    });
    expect(stored?.events).toEqual(events);
  });

  it('submits the report with one row per rule and per concept, and stops changing afterwards', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start(MOCK_START);
    const rows = resultRows(GRADED, ['replication', 'single-point-of-failure']);
    expect(attempts.submit({ progress: progress(id, { diagram: 'flowchart LR\n A --> DB' }), submittedAt: 9_000, report: GRADED, ...rows })).toBe(true);
    expect(attempts.get(id)).toMatchObject({ status: 'submitted', submittedAt: 9_000, outcome: 'graded', totalScore: 55, report: GRADED });
    expect(attempts.ruleResults(id)).toEqual([
      { rule: 'replication', category: 'data', weight: 2, required: false, score: 1, findings: 0, worstSeverity: null },
      { rule: 'single-point-of-failure', category: 'availability', weight: 3, required: true, score: 0.5, findings: 2, worstSeverity: 'major' },
    ]);
    expect(attempts.conceptResults(id)).toEqual([
      { concept: 'load-balancing', findings: 1, met: true },
      { concept: 'replication', findings: 0, met: true },
      { concept: 'single-point-of-failure', findings: 1, met: false },
    ]);
    expect(attempts.saveProgress(progress(id, { diagram: 'late edit' }))).toBe(false);
    expect(attempts.submit({ progress: progress(id), submittedAt: 10_000, report: GRADED, rules: [], concepts: [] })).toBe(false);
    expect(attempts.get(id)?.diagram).toBe('flowchart LR\n A --> DB');
    expect(attempts.inProgress()).toEqual([]);
  });

  it('records a design that was not graded with no score and no result rows', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start(MOCK_START);
    const empty: AttemptReport = { ...GRADED, outcome: 'no-design', findings: [] };
    delete (empty as { score?: unknown }).score;
    const rows = resultRows(empty, ['replication']);
    expect(rows).toEqual({ rules: [], concepts: [] });
    attempts.submit({ progress: progress(id), submittedAt: 5_000, report: empty, ...rows });
    expect(attempts.get(id)).toMatchObject({ outcome: 'no-design', totalScore: null });
    expect(attempts.ruleResults(id)).toEqual([]);
  });

  it('discards only an attempt in progress, and lists attempts newest first', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const first = attempts.start({ ...MOCK_START, mode: 'practice', timeLimitMs: null, phasePlan: [], phase: null });
    const second = attempts.start({ ...MOCK_START, startedAt: 2_000 });
    expect(attempts.get(first)?.deadlineAt).toBeNull();
    expect(attempts.listForPrompt('banking').map((a) => a.id)).toEqual([second, first]);
    expect(attempts.abandon(second)).toBe(true);
    expect(attempts.abandon(second)).toBe(false);
    expect(attempts.get(second)?.status).toBe('abandoned');
    expect(attempts.get(12345 as AttemptId)).toBeNull();
  });

  it('refuses a score outside 0..100 at the database level', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start(MOCK_START);
    const bad = { ...GRADED, score: { ...GRADED.score!, total: 140 } };
    expect(() => attempts.submit({ progress: progress(id), submittedAt: 5_000, report: bad, rules: [], concepts: [] })).toThrow(/CHECK constraint/);
    expect(attempts.get(id)?.status).toBe('in_progress');
  });
});
