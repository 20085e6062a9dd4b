import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { AttemptReportOutput, IpcResult } from '../../../electron/ipc/contract';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../../prompts/node/load';
import { GRADER_VERSION } from '../../../rubrics/version';
import { testContext } from '../helpers';

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const NO_DESIGN: AttemptReportOutput = { outcome: 'no-design', findings: [], parseErrors: [], estimates: [], questions: [], phases: [] };
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

async function startMock(ctx: ReturnType<typeof testContext>) {
  return value(await dispatchTyped(ctx, 'attempts:start', { promptId: 'banking', mode: 'mock', lengthMin: 30, startedAt: T0 }));
}

function progressOf(attempt: { id: number }, diagram = '') {
  return {
    id: attempt.id,
    phase: 'requirements' as const,
    clockOffsetMs: 0,
    lastSeenAt: T0 + 1_000,
    deadlineAt: T0 + 30 * 60_000,
    diagram,
    notes: {},
    estimates: [],
    questions: [],
    curveballId: null,
    events: [{ kind: 'entered' as const, phase: 'requirements' as const, at: T0, elapsedMs: 0 }],
  };
}

describe('attempt channels', () => {
  it('starts a mock with the phase plan of its length, the grader version and a hash of the prompt content', async () => {
    const ctx = testContext();
    const attempt = await startMock(ctx);
    const banking = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts.find((p) => p.id === 'banking');
    expect(attempt).toMatchObject({
      status: 'in_progress',
      mode: 'mock',
      timeLimitMs: 1_800_000,
      deadlineAt: T0 + 1_800_000,
      graderVersion: GRADER_VERSION,
      promptHash: createHash('sha256').update(JSON.stringify(banking)).digest('hex'),
      phase: 'requirements',
    });
    expect(attempt.phasePlan.map((p) => p.budgetMs / 1000)).toEqual([200, 200, 600, 600, 200]);
  });

  it('refuses a mock without a length, a practice attempt with one, and an unknown prompt', async () => {
    const ctx = testContext();
    const noLength = await dispatchTyped(ctx, 'attempts:start', { promptId: 'banking', mode: 'mock', lengthMin: null, startedAt: T0 });
    expect(noLength.ok || noLength.error.issues).toEqual([{ path: 'lengthMin', message: 'expected a length for a mock and null for practice' }]);
    const odd = await dispatchTyped(ctx, 'attempts:start', { promptId: 'banking', mode: 'mock', lengthMin: 40 as 45, startedAt: T0 });
    expect(odd.ok || odd.error.code).toBe('validation');
    const missing = await dispatchTyped(ctx, 'attempts:start', { promptId: 'nope', mode: 'practice', lengthMin: null, startedAt: T0 });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });

  it('saves progress, lists the mock as in progress, and discards it', async () => {
    const ctx = testContext();
    const attempt = await startMock(ctx);
    value(await dispatchTyped(ctx, 'attempts:save', { ...progressOf(attempt, 'flowchart LR\n A --> B'), notes: { requirements: 'EU only' } }));
    const [open] = value(await dispatchTyped(ctx, 'attempts:in-progress', undefined));
    expect(open).toMatchObject({ id: attempt.id, diagram: 'flowchart LR\n A --> B', notes: { requirements: 'EU only' } });
    expect(value(await dispatchTyped(ctx, 'attempts:discard', { id: attempt.id }))).toEqual({ discarded: true });
    expect(value(await dispatchTyped(ctx, 'attempts:in-progress', undefined))).toEqual([]);
    const late = await dispatchTyped(ctx, 'attempts:save', progressOf(attempt));
    expect(late.ok || late.error.message).toMatch(/discarded; it can no longer change/);
  });

  it('records an empty mock as "no design submitted" and refuses to store it any other way', async () => {
    const ctx = testContext();
    const attempt = await startMock(ctx);
    const graded = await dispatchTyped(ctx, 'attempts:submit', {
      progress: progressOf(attempt),
      submittedAt: T0 + 60_000,
      report: { ...NO_DESIGN, outcome: 'unparsable' },
    });
    expect(graded.ok || graded.error.issues).toEqual([{ path: 'report.outcome', message: 'does not match the diagram (unparsable)' }]);
    const stored = value(await dispatchTyped(ctx, 'attempts:submit', { progress: progressOf(attempt), submittedAt: T0 + 60_000, report: NO_DESIGN }));
    expect(stored).toMatchObject({ status: 'submitted', outcome: 'no-design', totalScore: null, report: NO_DESIGN });
    const listed = value(await dispatchTyped(ctx, 'attempts:list', { promptId: 'banking' }));
    expect(listed).toEqual([{ id: attempt.id, promptId: 'banking', mode: 'mock', status: 'submitted', startedAt: T0, submittedAt: T0 + 60_000, outcome: 'no-design', totalScore: null }]);
  });

  it('refuses a report whose outcome and score disagree, and a submission before the start', async () => {
    const ctx = testContext();
    const attempt = await startMock(ctx);
    const scoreless = await dispatchTyped(ctx, 'attempts:submit', { progress: progressOf(attempt, 'flowchart LR\n A --> B'), submittedAt: T0 + 1, report: { ...NO_DESIGN, outcome: 'graded' } });
    expect(scoreless.ok || scoreless.error.issues).toEqual([{ path: 'report.score', message: 'a graded report has a score, and only a graded one' }]);
    const early = await dispatchTyped(ctx, 'attempts:submit', { progress: progressOf(attempt), submittedAt: T0 - 1, report: NO_DESIGN });
    expect(early.ok || early.error.issues).toEqual([{ path: 'submittedAt', message: 'earlier than the start of the attempt' }]);
  });
});
