import { describe, expect, it } from 'vitest';
import type { GradeRequest, GradeResponse } from '../../../renderer/src/practice/gradeMessages';
import { createGrader, GRADE_ANSWER_UNREADABLE, gradeTimedOutMessage, type GraderTimers, type WorkerLike } from '../../../renderer/src/practice/grader';
import { parsePromptFile } from '../../../prompts/parse';
import urlShortenerYaml from '../../../prompts/data/url-shortener.yaml?raw';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { gradeFlowchart } from '../../../rubrics/grade';
import { architectureData } from '../../../rubrics/model/build';
import { feedbackOf } from '../../../renderer/src/practice/feedback';

const flowchart: ParsedFlowchart = {
  direction: 'LR',
  vertices: [{ id: 'App', label: 'Shortener service', shape: 'square', classes: [], styles: [] }],
  edges: [],
  subgraphs: [],
  classDefs: [],
} as unknown as ParsedFlowchart;
const params = (() => {
  const parsed = parsePromptFile('url-shortener.yaml', urlShortenerYaml);
  if (!parsed.ok) throw new Error('url-shortener.yaml does not load');
  return { rubric: parsed.prompt.rubric, entities: parsed.prompt.entities };
})();

/** A worker the test answers by hand. */
function fakeWorker(options: { readonly refusePost?: Error } = {}) {
  const posted: GradeRequest[] = [];
  const listeners: { message: ((event: MessageEvent<GradeResponse>) => void)[]; error: ((event: Event) => void)[]; messageerror: ((event: Event) => void)[] } = {
    message: [],
    error: [],
    messageerror: [],
  };
  const state = { terminated: false };
  const worker: WorkerLike = {
    postMessage: (message) => {
      if (options.refusePost !== undefined) throw options.refusePost;
      posted.push(message);
    },
    addEventListener: ((type: 'message' | 'error' | 'messageerror', listener: never) => listeners[type].push(listener)) as WorkerLike['addEventListener'],
    terminate: () => {
      state.terminated = true;
    },
  };
  return {
    worker,
    posted,
    state,
    answer: (response: GradeResponse) => listeners.message.forEach((l) => l({ data: response } as MessageEvent<GradeResponse>)),
    fail: () => listeners.error.forEach((l) => l(new Event('error'))),
    unreadable: () => listeners.messageerror.forEach((l) => l(new Event('messageerror'))),
  };
}

/** Timers the test fires by hand; `elapsed` is the real time the grader reads. */
function manualTimers(): GraderTimers & { fireAll(): void; readonly pending: number; elapsed: number } {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    elapsed: 0,
    now() {
      return this.elapsed;
    },
    setTimeout(callback) {
      pending.set(next, callback);
      return next++;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((callback) => callback());
    },
    get pending() {
      return pending.size;
    },
  };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('createGrader', () => {
  it('sends each flowchart to the worker with its own id and resolves each with its own answer', async () => {
    const fake = fakeWorker();
    const grader = createGrader(() => fake.worker);
    const first = grader.grade(flowchart, params);
    const second = grader.grade(flowchart, params);
    expect(fake.posted.map((r) => r.id)).toEqual([1, 2]);
    fake.answer({ id: 2, ok: false, error: 'second' });
    fake.answer({ id: 1, ok: false, error: 'first' });
    expect(await first).toEqual({ ok: false, error: 'first' });
    expect(await second).toEqual({ ok: false, error: 'second' });
  });

  it("hands on the worker's feedback with its report, the architecture rebuilt from data", async () => {
    const fake = fakeWorker();
    const waiting = createGrader(() => fake.worker).grade(flowchart, params);
    const graded = gradeFlowchart(flowchart, params);
    const feedback = feedbackOf(graded, params);
    fake.answer({ id: 1, ok: true, report: { ...graded, architecture: architectureData(graded.architecture) }, feedback });
    const result = await waiting;
    if (!result.ok) throw new Error(result.error);
    expect(result.feedback).toBe(feedback);
    expect(result.report.architecture.nodes.map((node) => node.id)).toEqual(['App']);
  });

  it('grades here when no worker can start, and when the worker fails with a request waiting', async () => {
    const here = await createGrader(() => undefined).grade(flowchart, params);
    expect(here.ok).toBe(true);
    const fake = fakeWorker();
    const grader = createGrader(() => fake.worker);
    const waiting = grader.grade(flowchart, params);
    fake.fail();
    const result = await waiting;
    expect(result.ok && result.report.score).toEqual(here.ok && here.report.score);
    // Later grades no longer go to the failed worker.
    await grader.grade(flowchart, params);
    expect(fake.posted).toHaveLength(1);
  });

  it('a worker that never answers (stuck, or gone without an event) gives a worded time-out, and the next grade goes to a new worker', async () => {
    const timers = manualTimers();
    const workers = [fakeWorker(), fakeWorker()];
    let spawned = 0;
    const grader = createGrader(() => workers[spawned++]?.worker, { timeoutMs: 20_000, timers });
    const waiting = grader.grade(flowchart, params);
    expect(await settled(waiting)).toBe(false);
    timers.elapsed = 20_000;
    timers.fireAll();
    expect(await waiting).toEqual({ ok: false, error: gradeTimedOutMessage(20_000) });
    expect(gradeTimedOutMessage(20_000)).toMatch(/longer than 20 s/);
    expect(workers[0]?.state.terminated).toBe(true);

    const next = grader.grade(flowchart, params);
    expect(workers[1]?.posted.map((r) => r.id)).toEqual([2]);
    workers[1]?.answer({ id: 2, ok: false, error: 'answered' });
    expect(await next).toEqual({ ok: false, error: 'answered' });
    // A late answer from the replaced worker changes nothing.
    workers[0]?.answer({ id: 1, ok: false, error: 'late' });
  });

  it('an answer leaves no time-out behind', async () => {
    const timers = manualTimers();
    const fake = fakeWorker();
    const grader = createGrader(() => fake.worker, { timers });
    const waiting = grader.grade(flowchart, params);
    expect(timers.pending).toBe(1);
    fake.answer({ id: 1, ok: false, error: 'done' });
    await waiting;
    expect(timers.pending).toBe(0);
  });

  it('an answer the page cannot read (messageerror) settles what was waiting with a worded error', async () => {
    const fake = fakeWorker();
    const grader = createGrader(() => fake.worker, { timers: manualTimers() });
    const waiting = grader.grade(flowchart, params);
    fake.unreadable();
    expect(await waiting).toEqual({ ok: false, error: GRADE_ANSWER_UNREADABLE });
  });

  it('a request that cannot be sent to the worker settles at once with why', async () => {
    const fake = fakeWorker({ refusePost: new Error('could not be cloned') });
    const timers = manualTimers();
    const result = await createGrader(() => fake.worker, { timers }).grade(flowchart, params);
    expect(result).toEqual({ ok: false, error: 'the diagram could not be sent to the grader: could not be cloned' });
    expect(timers.pending).toBe(0);
  });

  it('a timer fired early by a jump of the page clock (real time not yet up) waits for the rest, and the answer still counts', async () => {
    const timers = manualTimers();
    const fake = fakeWorker();
    const grader = createGrader(() => fake.worker, { timeoutMs: 20_000, timers });
    const waiting = grader.grade(flowchart, params);
    timers.elapsed = 150;
    timers.fireAll();
    expect(await settled(waiting)).toBe(false);
    expect(timers.pending).toBe(1);
    expect(fake.state.terminated).toBe(false);
    fake.answer({ id: 1, ok: false, error: 'answered' });
    expect(await waiting).toEqual({ ok: false, error: 'answered' });
    expect(timers.pending).toBe(0);
  });
});
