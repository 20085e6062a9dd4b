import { describe, expect, it } from 'vitest';
import type { Draft, IpcResult } from '../../../electron/ipc/contract';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { createAutosaver, type SavedDraft } from '../../../renderer/src/drafts/autosaver';
import { draftKey, leavingSavesSettled, trackLeavingSave } from '../../../renderer/src/drafts/draftSync';
import { testContext } from '../helpers';

/**
 * The autosave race, reproduced with the renderer's own autosaver and draft sync talking to the
 * real drafts handlers and SQLite file: edit while a save is in flight, leave the prompt, come
 * back. Saves are held "in flight" (between the page and main) until the test releases them.
 */

const KEY = { promptId: 'banking', mode: 'practice' } as const;

function setup() {
  const ctx = testContext();
  const held: (() => void)[] = [];
  const save = (text: string, baseRevision: number): Promise<IpcResult<SavedDraft>> =>
    new Promise((resolve) => {
      held.push(() => void dispatchTyped(ctx, 'drafts:save', { ...KEY, text, baseRevision }).then(resolve));
    });
  const load = async (): Promise<Draft | null> => {
    const result = await dispatchTyped(ctx, 'drafts:get', KEY);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const editor = (start: Draft | null) => {
    const errors: string[] = [];
    const autosaver = createAutosaver({
      save,
      delayMs: 400,
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
      onStatus: (s) => {
        if (s.kind === 'error') errors.push(s.error.code);
      },
      initialText: start?.text ?? '',
      initialRevision: start?.revision ?? 0,
    });
    return { autosaver, errors };
  };
  /** Lets the next held save reach main, once the page has sent it. */
  const releaseNext = async (): Promise<void> => {
    while (held.length === 0) await new Promise((done) => setImmediate(done));
    held.shift()?.();
    await new Promise((done) => setImmediate(done));
  };
  return { ctx, load, editor, releaseNext };
}

describe('the autosave race: edit during an in-flight save, leave, come back', () => {
  it('the screen that comes back waits for the leaving saves and starts from the newest text', async () => {
    const { load, editor, releaseNext } = setup();
    const first = editor(await load());
    first.autosaver.change('one');
    void first.autosaver.flush();
    first.autosaver.change('one two');
    // Leaving the prompt: the editor's last flush is tracked.
    trackLeavingSave(draftKey(KEY.promptId, KEY.mode), first.autosaver.flush());

    // Coming back: the draft is loaded only once the leaving saves settled.
    const loading = leavingSavesSettled(draftKey(KEY.promptId, KEY.mode)).then(load);
    await releaseNext();
    await releaseNext();
    const loaded = await loading;
    expect(loaded).toMatchObject({ text: 'one two', revision: 2 });

    const second = editor(loaded);
    second.autosaver.change('one two three');
    const saving = second.autosaver.flush();
    await releaseNext();
    await saving;
    expect(await load()).toMatchObject({ text: 'one two three', revision: 3 });
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('the store refuses a save based on the older text, so the newest text wins even if a screen loaded too early', async () => {
    const { load, editor, releaseNext } = setup();
    const first = editor(await load());
    first.autosaver.change('one');
    const firstSave = first.autosaver.flush();
    first.autosaver.change('one two');
    const leaving = first.autosaver.flush();

    await releaseNext();
    await firstSave;
    // A screen that does not wait reads the text between the two saves…
    const early = await load();
    expect(early).toMatchObject({ text: 'one', revision: 1 });
    await releaseNext();
    await leaving;

    // …and its edit, based on revision 1, must not replace revision 2.
    const second = editor(early);
    second.autosaver.change('one!');
    const saving = second.autosaver.flush();
    await releaseNext();
    await saving;
    expect(second.errors).toEqual(['conflict']);
    expect(await load()).toMatchObject({ text: 'one two', revision: 2 });
  });
});
