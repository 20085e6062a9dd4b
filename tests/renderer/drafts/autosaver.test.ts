import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../electron/ipc/contract';
import { createAutosaver, type SavedDraft, type SaveStatus, type Timers } from '../../../renderer/src/drafts/autosaver';

/** Timers driven by the test: nothing fires until `runDue()`. */
function manualTimers(): Timers & { pending: () => number; runDue: () => void } {
  let next = 0;
  const queue = new Map<number, () => void>();
  return {
    setTimeout: (callback) => {
      next += 1;
      queue.set(next, callback);
      return next;
    },
    clearTimeout: (handle) => {
      queue.delete(handle as number);
    },
    pending: () => queue.size,
    runDue: () => {
      const callbacks = [...queue.values()];
      queue.clear();
      for (const callback of callbacks) callback();
    },
  };
}

/** A save function whose answers the test releases one by one. */
function controlledSave() {
  const calls: { text: string; base: number; resolve: (result: IpcResult<SavedDraft>) => void }[] = [];
  const save = vi.fn(
    (text: string, base: number) =>
      new Promise<IpcResult<SavedDraft>>((resolve) => {
        calls.push({ text, base, resolve });
      }),
  );
  return { save, calls };
}

const flushPromises = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

function setup(initialText = '', initialRevision = 0) {
  const timers = manualTimers();
  const { save, calls } = controlledSave();
  const statuses: SaveStatus['kind'][] = [];
  const autosaver = createAutosaver({ save, delayMs: 400, timers, initialText, initialRevision, onStatus: (s) => statuses.push(s.kind) });
  return { timers, save, calls, statuses, autosaver };
}

describe('createAutosaver', () => {
  it('waits for a quiet period and then saves only the latest text once', async () => {
    const { timers, save, calls, statuses, autosaver } = setup();
    autosaver.change('f');
    autosaver.change('fl');
    autosaver.change('flow');
    expect(save).not.toHaveBeenCalled();
    expect(timers.pending()).toBe(1);

    timers.runDue();
    await flushPromises();
    expect(save.mock.calls).toEqual([['flow', 0]]);
    calls[0]?.resolve({ ok: true, value: { savedAt: 42, revision: 42 } });
    await flushPromises();
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves at once on flush, cancelling the pending timer', async () => {
    const { timers, save, calls, autosaver } = setup();
    autosaver.change('draft');
    const flushed = autosaver.flush();
    expect(timers.pending()).toBe(0);
    await flushPromises();
    expect(save.mock.calls).toEqual([['draft', 0]]);
    calls[0]?.resolve({ ok: true, value: { savedAt: 1, revision: 1 } });
    await flushed;
  });

  it('does not save text equal to what is stored', async () => {
    const { timers, save, statuses, autosaver } = setup('stored');
    autosaver.change('stored');
    expect(timers.pending()).toBe(0);
    await autosaver.flush();
    expect(save).not.toHaveBeenCalled();
    expect(statuses).toEqual(['unchanged']);
  });

  it('never runs two saves at once, and saves edits made during a save right after it', async () => {
    const { timers, save, calls, statuses, autosaver } = setup();
    autosaver.change('one');
    timers.runDue();
    await flushPromises();
    expect(save).toHaveBeenCalledTimes(1);

    autosaver.change('one two');
    timers.runDue();
    await flushPromises();
    expect(save).toHaveBeenCalledTimes(1);

    calls[0]?.resolve({ ok: true, value: { savedAt: 1, revision: 1 } });
    await flushPromises();
    expect(statuses).toContain('pending');
    expect(save.mock.calls.map(([text]) => text)).toEqual(['one', 'one two']);
    calls[1]?.resolve({ ok: true, value: { savedAt: 2, revision: 2 } });
    await flushPromises();
    expect(statuses.at(-1)).toBe('saved');
  });

  it('reports a failed save and retries with the next change', async () => {
    const { timers, save, calls, statuses, autosaver } = setup();
    autosaver.change('x'.repeat(10));
    timers.runDue();
    await flushPromises();
    calls[0]?.resolve({ ok: false, error: { code: 'validation', message: 'too big' } });
    await flushPromises();
    expect(statuses.at(-1)).toBe('error');

    autosaver.change('small');
    timers.runDue();
    await flushPromises();
    expect(save.mock.calls.at(-1)).toEqual(['small', 0]);
  });

  it('bases each save on the revision the previous one was stored as, starting from the loaded one', async () => {
    const { timers, calls, autosaver } = setup('loaded', 7);
    autosaver.change('loaded + a');
    timers.runDue();
    await flushPromises();
    calls[0]?.resolve({ ok: true, value: { savedAt: 10, revision: 8 } });
    await flushPromises();
    autosaver.change('loaded + ab');
    timers.runDue();
    await flushPromises();
    expect(calls.map((c) => [c.text, c.base])).toEqual([
      ['loaded + a', 7],
      ['loaded + ab', 8],
    ]);
  });

  it('reports a refused stale save as an error and keeps the text to save again', async () => {
    const { timers, calls, statuses, autosaver } = setup('old', 1);
    autosaver.change('old + edit');
    timers.runDue();
    await flushPromises();
    calls[0]?.resolve({ ok: false, error: { code: 'conflict', message: 'A newer version of this draft is already saved' } });
    await flushPromises();
    expect(statuses.at(-1)).toBe('error');
    const flushed = autosaver.flush();
    await flushPromises();
    expect(calls.map((c) => c.text)).toEqual(['old + edit', 'old + edit']);
    calls[1]?.resolve({ ok: false, error: { code: 'conflict', message: 'still newer' } });
    await flushed;
  });
});
