import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../electron/ipc/contract';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { FIRST_SUGGESTION_REASON } from '../../../prompts/practiceNext';
import { fixedClock, testContext } from '../helpers';
import { at, submit } from '../db/progressFixture';

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('progress channels', () => {
  it('a new profile is offered the one easy built-in prompt, with how suggestions will work', async () => {
    const ctx = testContext();
    expect(value(await dispatchTyped(ctx, 'progress:practice-next', undefined))).toEqual({
      suggestion: { kind: 'first', promptId: 'url-shortener', promptTitle: 'URL shortener', concepts: [], reason: FIRST_SUGGESTION_REASON },
    });
  });

  it('a new profile has no figures yet', async () => {
    const ctx = testContext();
    expect(value(await dispatchTyped(ctx, 'progress:get', undefined))).toEqual({
      graded: 0,
      months: [],
      prompts: [],
      categories: [],
      concepts: [],
      streakDays: 0,
      practisedToday: false,
      week: { attempts: 0, minutes: 0 },
    });
  });

  it('suggests the first prompt by title that practises the due concept, and says why', async () => {
    // Replication scored 35 on Monday 23 Nov (Again): due one day later, Tuesday. Thirteen built-in
    // prompts practise replication; "Bank ledger and money transfers" comes first by title.
    const ctx = testContext({ clock: fixedClock(at('2026-11-27T12:00:00Z')) });
    submit(ctx.db, {
      promptId: 'instagram',
      started: '2026-11-23T10:00:00Z',
      submitted: '2026-11-23T10:40:00Z',
      total: 35,
      rules: [{ rule: 'replication', category: 'data', weight: 2, required: true, score: 0.35, findings: 1, worstSeverity: 'major' }],
      concepts: [{ concept: 'replication', findings: 1, met: false }],
    });
    expect(value(await dispatchTyped(ctx, 'progress:practice-next', undefined))).toEqual({
      suggestion: {
        kind: 'due',
        promptId: 'banking',
        promptTitle: 'Bank ledger and money transfers',
        concepts: [{ id: 'replication', title: 'Replication and failover' }],
        reason: 'Replication and failover last scored 35, due since Tuesday.',
      },
    });
  });

  it('refuses an input on channels that take none', async () => {
    const result = await dispatchTyped(testContext(), 'progress:get', { all: true } as never);
    expect(result.ok).toBe(false);
  });
});
