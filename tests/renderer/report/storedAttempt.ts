import type { AttemptView } from '../../../electron/ipc/contract';

/**
 * A submitted banking attempt as the store returns it: score 48, one critical finding on `DB`.
 * `overrides` sets what a test is about (its diagram, grader version, mode).
 */
export function storedAttempt(overrides: Partial<AttemptView> & Pick<AttemptView, 'diagram' | 'graderVersion'>): AttemptView {
  return {
    id: 4,
    promptId: 'banking',
    mode: 'practice',
    status: 'submitted',
    startedAt: 1,
    submittedAt: 2,
    deadlineAt: null,
    promptHash: 'h',
    timeLimitMs: null,
    phasePlan: [],
    phase: null,
    clockOffsetMs: 0,
    lastSeenAt: 2,
    notes: {},
    estimates: [],
    questions: [],
    curveballId: null,
    events: [],
    outcome: 'graded',
    totalScore: 48,
    report: {
      outcome: 'graded',
      score: { total: 48, coverage: 100, quality: 48, categories: {}, capped: false, rules: [] },
      findings: [{ rule: 'single-point-of-failure', severity: 'critical', nodes: ['DB'], message: 'DB is alone', why: 'w', fix: 'f', concept: 'replication' }],
      parseErrors: [],
      estimates: [],
      questions: [],
      phases: [],
    },
    ...overrides,
  };
}
