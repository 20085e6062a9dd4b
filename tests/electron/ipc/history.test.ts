import { describe, expect, it } from 'vitest';
import type { AttemptReportOutput, IpcResult } from '../../../electron/ipc/contract';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { testContext } from '../helpers';
import { GRADER_VERSION } from '../../../rubrics/version';

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

function graded(total: number): AttemptReportOutput {
  return {
    outcome: 'graded',
    score: { total, coverage: 100, quality: total, categories: {}, capped: false, rules: [] },
    findings: [
      { rule: 'single-point-of-failure', severity: 'critical', nodes: ['DB'], message: 'DB is alone', why: 'w', fix: 'f', concept: 'single-point-of-failure' },
    ],
    parseErrors: [],
    estimates: [],
    questions: [],
    phases: [],
  };
}

async function practice(ctx: ReturnType<typeof testContext>, promptId: string, startedAt: number, total: number) {
  const attempt = value(await dispatchTyped(ctx, 'attempts:start', { promptId, mode: 'practice', lengthMin: null, startedAt }));
  const progress = { id: attempt.id, phase: null, clockOffsetMs: 0, lastSeenAt: startedAt, deadlineAt: null, diagram: 'flowchart LR\n A --> DB', notes: {}, estimates: [], questions: [], curveballId: null, events: [] };
  return value(await dispatchTyped(ctx, 'attempts:submit', { progress, submittedAt: startedAt + 600_000, report: graded(total) }));
}

describe('history channels', () => {
  it('answers a page of submitted attempts with the prompt titles, newest first', async () => {
    const ctx = testContext();
    const first = await practice(ctx, 'instagram', T0, 40);
    const second = await practice(ctx, 'banking', T0 + 3_600_000, 75);
    const page = value(await dispatchTyped(ctx, 'history:page', { filter: {}, cursor: null }));
    expect(page).toEqual({
      rows: [
        { id: second.id, promptId: 'banking', promptTitle: 'Bank ledger and money transfers', mode: 'practice', startedAt: T0 + 3_600_000, submittedAt: T0 + 4_200_000, totalScore: 75, graderVersion: GRADER_VERSION, criticalFindings: 1 },
        { id: first.id, promptId: 'instagram', promptTitle: 'Instagram-style photo sharing and feed', mode: 'practice', startedAt: T0, submittedAt: T0 + 600_000, totalScore: 40, graderVersion: GRADER_VERSION, criticalFindings: 1 },
      ],
      next: null,
    });
  });

  it('pages with the cursor the last page gave back', async () => {
    const ctx = testContext();
    const a = await practice(ctx, 'instagram', T0, 40);
    const b = await practice(ctx, 'instagram', T0 + 1000, 50);
    const one = value(await dispatchTyped(ctx, 'history:page', { filter: { promptId: 'instagram' }, cursor: null, limit: 1 }));
    expect(one.rows.map((r) => r.id)).toEqual([b.id]);
    expect(one.next).toEqual({ submittedAt: T0 + 601_000, id: b.id });
    const two = value(await dispatchTyped(ctx, 'history:page', { filter: { promptId: 'instagram' }, cursor: one.next, limit: 1 }));
    expect(two.rows.map((r) => r.id)).toEqual([a.id]);
    expect(two.next).toBeNull();
  });

  it('refuses an inverted date or score range with a message at the field', async () => {
    const ctx = testContext();
    const dates = await dispatchTyped(ctx, 'history:page', { filter: { from: 2000, to: 1000 }, cursor: null });
    expect(dates.ok || dates.error.issues).toEqual([{ path: 'filter.to', message: 'the start date must be before the end date' }]);
    const scores = await dispatchTyped(ctx, 'history:page', { filter: { minScore: 90, maxScore: 10 }, cursor: null });
    expect(scores.ok || scores.error.issues).toEqual([{ path: 'filter.maxScore', message: 'the lowest score must not be above the highest' }]);
    const page = await dispatchTyped(ctx, 'history:page', { filter: {}, cursor: null, limit: 500 });
    expect(page.ok || page.error.code).toBe('validation');
  });

  it('gives per-prompt stats: attempts, best score, last practised', async () => {
    const ctx = testContext();
    await practice(ctx, 'instagram', T0, 40);
    await practice(ctx, 'instagram', T0 + 1000, 65);
    await practice(ctx, 'banking', T0 + 2000, 30);
    const stats = value(await dispatchTyped(ctx, 'history:prompt-stats', undefined));
    expect([...stats].sort((x, y) => x.promptId.localeCompare(y.promptId))).toEqual([
      { promptId: 'banking', attempts: 1, bestScore: 30, lastSubmittedAt: T0 + 602_000 },
      { promptId: 'instagram', attempts: 2, bestScore: 65, lastSubmittedAt: T0 + 601_000 },
    ]);
  });
});
