import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../renderer/src/afterNextPaint';

/** A scope whose animation frames and timers run only when the test says so. */
function manualScope() {
  let frames = new Map<number, FrameRequestCallback>();
  let tasks = new Map<number, () => void>();
  let next = 1;
  const scope = {
    requestAnimationFrame: (callback: FrameRequestCallback) => (frames.set(next, callback), next++),
    cancelAnimationFrame: (id: number) => void frames.delete(id),
    setTimeout: ((callback: () => void) => (tasks.set(next, callback), next++)) as unknown as typeof setTimeout,
    clearTimeout: ((id: number) => void tasks.delete(id)) as unknown as typeof clearTimeout,
  };
  const runFrame = (): void => {
    const due = frames;
    frames = new Map();
    for (const callback of due.values()) callback(0);
  };
  const runTasks = (): void => {
    const due = tasks;
    tasks = new Map();
    for (const callback of due.values()) callback();
  };
  return { scope, runFrame, runTasks };
}

describe('afterNextPaint', () => {
  it('runs the callback in a task after the coming animation frame, not in it', () => {
    const { scope, runFrame, runTasks } = manualScope();
    const calls: string[] = [];
    afterNextPaint(() => calls.push('ran'), scope);
    runTasks();
    expect(calls).toEqual([]);
    runFrame();
    expect(calls).toEqual([]);
    runTasks();
    expect(calls).toEqual(['ran']);
  });

  it.each([
    ['before the frame', (step: { runFrame: () => void }) => void step],
    ['between the frame and the task', (step: { runFrame: () => void }) => step.runFrame()],
  ])('never runs once cancelled %s', (_when, before) => {
    const manual = manualScope();
    const calls: string[] = [];
    const cancel = afterNextPaint(() => calls.push('ran'), manual.scope);
    before(manual);
    cancel();
    manual.runFrame();
    manual.runTasks();
    manual.runTasks();
    expect(calls).toEqual([]);
  });
});
