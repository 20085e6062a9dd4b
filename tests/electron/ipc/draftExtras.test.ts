import { describe, expect, it } from 'vitest';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { testContext } from '../helpers';

const extras = { estimates: [{ id: 'average-upload-rate', typed: '1.2k/s', committed: true }], hintsShown: 2 };

describe('what a practice draft keeps besides its text', () => {
  it('is nothing until saved, then the worksheet and the hints shown, per prompt and mode', async () => {
    const ctx = testContext();
    expect(await dispatchTyped(ctx, 'drafts:get-extras', { promptId: 'instagram', mode: 'practice' })).toEqual({ ok: true, value: null });
    expect(await dispatchTyped(ctx, 'drafts:save-extras', { promptId: 'instagram', mode: 'practice', extras })).toEqual({ ok: true, value: { savedAt: ctx.clock.now() } });
    expect(await dispatchTyped(ctx, 'drafts:get-extras', { promptId: 'instagram', mode: 'practice' })).toEqual({ ok: true, value: extras });
    expect(await dispatchTyped(ctx, 'drafts:get-extras', { promptId: 'instagram', mode: 'mock' })).toEqual({ ok: true, value: null });
  });

  it('is kept only for a prompt that exists', async () => {
    const ctx = testContext();
    const result = await dispatchTyped(ctx, 'drafts:save-extras', { promptId: 'no-such-prompt', mode: 'practice', extras });
    expect(result.ok ? 'saved' : result.error.code).toBe('not_found');
  });

  it('starts afresh from a stored value this version cannot read', async () => {
    const ctx = testContext();
    ctx.db.prepare("INSERT INTO draft_extras (prompt_id, mode, extras_json, updated_at) VALUES ('instagram', 'practice', '{\"hints\":3}', 1)").run();
    expect(await dispatchTyped(ctx, 'drafts:get-extras', { promptId: 'instagram', mode: 'practice' })).toEqual({ ok: true, value: null });
  });
});
