import { describe, expect, it } from 'vitest';
import { adaptiveDelay, createLivePipeline, TYPING_DEBOUNCE_MS, type PipelineTimers } from '../../../renderer/src/practice/livePipeline';

/** A hand-driven clock: `advance` fires due timers in order. */
function fakeTimers(): PipelineTimers & { advance(ms: number): void } {
  let now = 1_000;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
  };
}

/** A check whose answers the test releases one by one. */
function manualCheck(): { check: (text: string) => Promise<string>; started: string[]; finish(text: string): Promise<void> } {
  const waiting = new Map<string, () => void>();
  const started: string[] = [];
  return {
    started,
    check: (text) =>
      new Promise((resolve) => {
        started.push(text);
        waiting.set(text, () => resolve(`checked ${text}`));
      }),
    async finish(text) {
      waiting.get(text)?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('adaptiveDelay', () => {
  it('checks at once after a pause and debounces keys closer than 250 ms', () => {
    expect(adaptiveDelay(Number.POSITIVE_INFINITY)).toBe(0);
    expect(adaptiveDelay(250)).toBe(0);
    expect(adaptiveDelay(249)).toBe(200);
    expect(adaptiveDelay(40)).toBe(200);
  });
});

describe('createLivePipeline', () => {
  it('checks a single edit after a pause at once (in the same task, no timer), not after a fixed delay', async () => {
    const timers = fakeTimers();
    const manual = manualCheck();
    const results: string[] = [];
    const pipeline = createLivePipeline({ check: manual.check, onResult: (_t, r) => results.push(r), timers });
    pipeline.change('A');
    expect(manual.started).toEqual(['A']);
    await manual.finish('A');
    expect(results).toEqual(['checked A']);
  });

  it('while typing fast, waits for the typing to pause and checks only the last text', () => {
    const timers = fakeTimers();
    const manual = manualCheck();
    const pipeline = createLivePipeline({ check: manual.check, onResult: () => undefined, timers });
    pipeline.change('A');
    timers.advance(0);
    for (const text of ['AB', 'ABC', 'ABCD']) {
      timers.advance(100);
      pipeline.change(text);
    }
    timers.advance(TYPING_DEBOUNCE_MS - 1);
    expect(manual.started).toEqual(['A']);
    timers.advance(1);
    // 'A' is still running: 'ABCD' waits for it, 'AB' and 'ABC' are never checked.
    expect(manual.started).toEqual(['A']);
  });

  it('runs one check at a time, then the latest text, and never reports an older result after a newer one', async () => {
    const timers = fakeTimers();
    const manual = manualCheck();
    const results: string[] = [];
    const pipeline = createLivePipeline({ check: manual.check, onResult: (_t, r) => results.push(r), timers });
    pipeline.change('A');
    timers.advance(0);
    timers.advance(300);
    pipeline.change('AB');
    timers.advance(0);
    timers.advance(300);
    pipeline.change('ABC');
    timers.advance(0);
    expect(manual.started).toEqual(['A']);
    await manual.finish('A');
    // 'A' was newer than anything shown: reported; then straight to 'ABC', skipping 'AB'.
    expect(results).toEqual(['checked A']);
    expect(manual.started).toEqual(['A', 'ABC']);
    await manual.finish('ABC');
    expect(results).toEqual(['checked A', 'checked ABC']);
  });

  it('a change to the text it already has (the editor, then the render that follows it) is neither checked again nor counted as typing', async () => {
    const timers = fakeTimers();
    const manual = manualCheck();
    const pipeline = createLivePipeline({ check: manual.check, onResult: () => undefined, timers });
    pipeline.change('A');
    pipeline.change('A');
    expect(manual.started).toEqual(['A']);
    await manual.finish('A');
    timers.advance(1_000);
    pipeline.change('AB');
    timers.advance(100);
    pipeline.change('AB');
    // Checked at once: the repeated 'AB' 100 ms later did not make the typing look fast.
    expect(manual.started).toEqual(['A', 'AB']);
    await manual.finish('AB');
    timers.advance(1_000);
    expect(manual.started).toEqual(['A', 'AB']);
  });

  it('refresh re-checks the current text; dispose stops every report', async () => {
    const timers = fakeTimers();
    const manual = manualCheck();
    const results: string[] = [];
    const pipeline = createLivePipeline({ check: manual.check, onResult: (t, r) => results.push(`${t}: ${r}`), timers });
    pipeline.refresh();
    timers.advance(0);
    expect(manual.started).toEqual([]);
    pipeline.change('A');
    timers.advance(0);
    await manual.finish('A');
    timers.advance(1_000);
    pipeline.refresh();
    timers.advance(0);
    expect(manual.started).toEqual(['A', 'A']);
    pipeline.dispose();
    await manual.finish('A');
    expect(results).toEqual(['A: checked A']);
  });
});
