import { describe, expect, it } from 'vitest';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { testContext } from '../helpers';

describe('the practice panes in the settings', () => {
  it('are absent until set, then kept', async () => {
    const ctx = testContext();
    const before = await dispatchTyped(ctx, 'settings:get', undefined);
    expect(before.ok && before.value.workspaceLayout).toBeUndefined();
    const layout = { briefWidth: 300, editorWidth: 520, brief: 'drawer' } as const;
    await dispatchTyped(ctx, 'settings:set', { workspaceLayout: layout });
    const after = await dispatchTyped(ctx, 'settings:get', undefined);
    expect(after.ok && after.value.workspaceLayout).toEqual(layout);
  });

  it('keeps a brief pinned open while drawing, and refuses an unknown brief mode', async () => {
    const ctx = testContext();
    const layout = { briefWidth: 320, editorWidth: 440, brief: 'pinned' } as const;
    await dispatchTyped(ctx, 'settings:set', { workspaceLayout: layout });
    const after = await dispatchTyped(ctx, 'settings:get', undefined);
    expect(after.ok && after.value.workspaceLayout).toEqual(layout);
    const refused = await dispatchTyped(ctx, 'settings:set', { workspaceLayout: { ...layout, brief: 'sideways' as 'open' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues?.map((i) => i.path)).toEqual(['workspaceLayout.brief']);
  });

  it('refuses a width out of range, naming the field', async () => {
    const ctx = testContext();
    const result = await dispatchTyped(ctx, 'settings:set', { workspaceLayout: { briefWidth: 50, editorWidth: 520, brief: 'open' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toEqual(['workspaceLayout.briefWidth']);
  });
});
