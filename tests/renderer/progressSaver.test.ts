import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../electron/ipc/contract';
import { createProgressSaver, type SaverTimers } from '../../renderer/src/mock/progressSaver';

/** Timers driven by the test: `advance` runs what is due. */
function manualTimers(): SaverTimers & { advance(ms: number): void } {
  let now = 0;
  let queue: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    setTimeout: (run, ms) => {
      const id = ++next;
      queue.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((t) => t.id !== id);
    },
    advance(ms) {
      now += ms;
      const due = queue.filter((t) => t.at <= now);
      queue = queue.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const saved: string[] = [];
  const save = (value: string): Promise<IpcResult<unknown>> => {
    saved.push(value);
    return Promise.resolve({ ok: true, value: undefined });
  };
  return { saved, save };
}

describe('progress saver', () => {
  it('writes within the delay of the first change even while changes keep coming', async () => {
    const timers = manualTimers();
    const { saved, save } = recorder();
    const saver = createProgressSaver({ save, maxDelayMs: 500, onError: () => undefined, timers });
    saver.change('a');
    timers.advance(300);
    saver.change('ab');
    timers.advance(199);
    expect(saved).toEqual([]);
    timers.advance(1);
    await settle();
    expect(saved).toEqual(['ab']);
  });

  it('writes at once on flush, and only what is new', async () => {
    const timers = manualTimers();
    const { saved, save } = recorder();
    const saver = createProgressSaver({ save, maxDelayMs: 500, onError: () => undefined, timers });
    saver.change('phase 2');
    await saver.flush();
    await saver.flush();
    timers.advance(1_000);
    await settle();
    expect(saved).toEqual(['phase 2']);
  });

  it('keeps one write in flight and writes the latest value after it', async () => {
    const timers = manualTimers();
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const save = (value: string): Promise<IpcResult<unknown>> => {
      saved.push(value);
      return new Promise((resolve) => {
        release = () => resolve({ ok: true, value: undefined });
      });
    };
    const saver = createProgressSaver({ save, maxDelayMs: 500, onError: () => undefined, timers });
    saver.change('one');
    const first = saver.flush();
    saver.change('two');
    saver.change('three');
    const second = saver.flush();
    expect(saved).toEqual(['one']);
    release();
    await first;
    await settle();
    release();
    await second;
    expect(saved).toEqual(['one', 'three']);
  });

  it('reports a failed write and writes the value again on the next flush', async () => {
    const errors: unknown[] = [];
    const saved: string[] = [];
    let fail = true;
    const save = (value: string): Promise<IpcResult<unknown>> => {
      saved.push(value);
      return Promise.resolve(fail ? { ok: false, error: { code: 'internal', message: 'disk full' } } : { ok: true, value: undefined });
    };
    const saver = createProgressSaver({ save, maxDelayMs: 500, onError: (e) => errors.push(e), timers: manualTimers() });
    saver.change('x');
    await saver.flush();
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['x', 'x']);
    expect(errors).toEqual([{ code: 'internal', message: 'disk full' }, undefined]);
  });
});
