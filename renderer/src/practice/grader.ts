import { gradeFlowchart, type GradeReport } from '../../../rubrics/grade';
import { architectureFromData } from '../../../rubrics/model/build';
import type { GradingParams } from '../../../rubrics/params';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { realElapsedMs } from '../realElapsed';
import { feedbackOf, type Feedback } from './feedback';
import type { GradeRequest, GradeResponse } from './gradeMessages';

export type GradeResult = { readonly ok: true; readonly report: GradeReport; readonly feedback: Feedback } | { readonly ok: false; readonly error: string };

export interface Grader {
  /** Always settles: with the report, or with a worded error (never rejects, never hangs). */
  grade(flowchart: ParsedFlowchart, params: GradingParams): Promise<GradeResult>;
}

/** The part of a Worker the grader uses. */
export interface WorkerLike {
  postMessage(message: GradeRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GradeResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface GraderTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds elapsed in real time (realElapsed.ts): a timer that fires early is re-armed for the rest. */
  now(): number;
}

export interface GraderOptions {
  /** How long one grade may take in the worker before it is given up (and the worker replaced). */
  readonly timeoutMs?: number;
  readonly timers?: GraderTimers;
}

/** A grade of a 200-node diagram takes about a second in the worker on a busy two-core machine. */
export const GRADE_TIMEOUT_MS = 20_000;

export function gradeTimedOutMessage(timeoutMs: number): string {
  return `grading took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; it starts again with your next change.`;
}
export const GRADE_ANSWER_UNREADABLE = "the grading worker's answer could not be read.";

const browserTimers: GraderTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: realElapsedMs,
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Grades on this thread: where no worker can start (jsdom), or after the worker failed to load. */
export function gradeHere(flowchart: ParsedFlowchart, params: GradingParams): Promise<GradeResult> {
  try {
    const report = gradeFlowchart(flowchart, params);
    return Promise.resolve({ ok: true, report, feedback: feedbackOf(report, params) });
  } catch (error) {
    return Promise.resolve({ ok: false, error: messageOf(error) });
  }
}

interface Waiting {
  readonly resolve: (result: GradeResult) => void;
  readonly flowchart: ParsedFlowchart;
  readonly params: GradingParams;
  /** The time-out's current timer (re-armed when it fires early). */
  timer: unknown;
}

/**
 * Sends each flowchart to the grading worker and resolves with its answer. Every request settles:
 * - the worker cannot start or fails to load (`error`): what is waiting and everything after it is
 *   graded here instead (slower, never lost);
 * - the worker does not answer in time (stuck, or gone without an event): the request gets a
 *   worded error, the worker is terminated and the next request starts a new one;
 * - an answer that cannot be read (`messageerror`) or a request that cannot be sent: a worded error.
 */
export function createGrader(spawn: () => WorkerLike | undefined, options: GraderOptions = {}): Grader {
  const timeoutMs = options.timeoutMs ?? GRADE_TIMEOUT_MS;
  const timers = options.timers ?? browserTimers;
  let worker: WorkerLike | undefined;
  let failed = false;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  /** Takes request `id` off the waiting list; undefined when it was already settled. */
  const take = (id: number): Waiting | undefined => {
    const request = waiting.get(id);
    if (request === undefined) return undefined;
    waiting.delete(id);
    timers.clearTimeout(request.timer);
    return request;
  };

  /** The worker is dropped; requests still waiting on it get `settle`'s answer. */
  const drop = (settle: (request: Waiting) => void): void => {
    const dropped = worker;
    worker = undefined;
    for (const id of [...waiting.keys()]) {
      const request = take(id);
      if (request !== undefined) settle(request);
    }
    dropped?.terminate();
  };

  const start = (): WorkerLike | undefined => {
    if (failed) return undefined;
    if (worker !== undefined) return worker;
    let started: WorkerLike | undefined;
    try {
      started = spawn();
    } catch {
      started = undefined;
    }
    if (started === undefined) {
      failed = true;
      return undefined;
    }
    const self = started;
    self.addEventListener('message', (event) => {
      const answer = event.data;
      const request = take(answer.id);
      if (request === undefined) return;
      request.resolve(answer.ok ? { ok: true, report: { ...answer.report, architecture: architectureFromData(answer.report.architecture) }, feedback: answer.feedback } : { ok: false, error: answer.error });
    });
    self.addEventListener('messageerror', () => {
      // Which request the unreadable answer was for is unknown: every one waiting on it is answered.
      if (worker === self) drop((request) => request.resolve({ ok: false, error: GRADE_ANSWER_UNREADABLE }));
    });
    self.addEventListener('error', () => {
      if (worker !== self) return;
      failed = true;
      drop((request) => void gradeHere(request.flowchart, request.params).then(request.resolve));
    });
    worker = self;
    return self;
  };

  return {
    grade(flowchart, params) {
      const target = start();
      if (target === undefined) return gradeHere(flowchart, params);
      const id = nextId++;
      return new Promise<GradeResult>((resolve) => {
        const sentAt = timers.now();
        const timedOut = (): void => {
          const request = take(id);
          if (request === undefined) return;
          request.resolve({ ok: false, error: gradeTimedOutMessage(timeoutMs) });
          // A stuck worker would hold every later grade: replace it.
          if (worker === target) drop((other) => other.resolve({ ok: false, error: gradeTimedOutMessage(timeoutMs) }));
        };
        const arm = (wait: number): unknown =>
          timers.setTimeout(() => {
            const request = waiting.get(id);
            if (request === undefined) return;
            const left = timeoutMs - (timers.now() - sentAt);
            if (left > 0) request.timer = arm(left);
            else timedOut();
          }, wait);
        waiting.set(id, { resolve, flowchart, params, timer: arm(timeoutMs) });
        try {
          target.postMessage({ id, flowchart, params });
        } catch (error) {
          take(id);
          resolve({ ok: false, error: `the diagram could not be sent to the grader: ${messageOf(error)}` });
        }
      });
    },
  };
}

/** The app's grading worker, bundled by Vite as a module worker of the app's own origin (CSP `worker-src 'self'`). */
export function spawnGradeWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module', name: 'sysdrill-grader' }) as unknown as WorkerLike;
}
