import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerResult } from './worker';

/** A case that runs longer than this is a hang (a grade of a 30-node diagram takes milliseconds). */
export const DEFAULT_CASE_TIMEOUT_MS = 10_000;

export interface TargetOutcome {
  readonly target: string;
  readonly cases: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly slowestMs: number;
  /** What failed, with the input that did it and how to replay it. */
  readonly problem?: string;
}

export interface RunOptions {
  readonly targetsModule: string;
  readonly target: string;
  readonly runs: number;
  readonly seed: number;
  readonly caseTimeoutMs?: number;
}

const WORKER = new URL('./worker.ts', import.meta.url);

/**
 * Runs one target in its own worker thread and watches it from here: a case still running after
 * `caseTimeoutMs` is a hang, and the worker is terminated (a synchronous loop cannot be stopped
 * from inside). Never rejects.
 */
export function runTarget(options: RunOptions): Promise<TargetOutcome> {
  const timeoutMs = options.caseTimeoutMs ?? DEFAULT_CASE_TIMEOUT_MS;
  const heartbeat = new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT);
  const beat = new Float64Array(heartbeat);
  const workerData: WorkerInput = { targetsModule: options.targetsModule, target: options.target, runs: options.runs, seed: options.seed, heartbeat };
  const worker = new Worker(WORKER, { workerData, execArgv: ['--import', 'tsx'] });
  const replay = `FUZZ_SEED=${options.seed} FUZZ_TARGET="${options.target}"`;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: TargetOutcome): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      resolve(outcome);
    };
    const base = { target: options.target, slowestMs: 0 };
    const watchdog = setInterval(() => {
      const started = beat[1] ?? 0;
      if (started !== 0 && Date.now() - started > timeoutMs) {
        const cases = beat[0] ?? 0;
        finish({ ...base, cases, crashes: 0, hangs: 1, slowestMs: Date.now() - started, problem: `case ${cases} ran longer than ${timeoutMs} ms (replay: ${replay})` });
      }
    }, Math.min(100, timeoutMs / 4));

    worker.on('message', (result: WorkerResult) => {
      finish({
        ...base,
        cases: result.cases,
        crashes: result.failure === undefined ? 0 : 1,
        hangs: 0,
        slowestMs: result.slowestMs,
        ...(result.failure === undefined ? {} : { problem: `${result.failure.error}\n  input: ${result.failure.counterexample}\n  replay: ${replay}` }),
      });
    });
    worker.on('error', (error) => {
      finish({ ...base, cases: beat[0] ?? 0, crashes: 1, hangs: 0, problem: `the worker crashed: ${error.stack ?? error.message} (replay: ${replay})` });
    });
    worker.on('exit', (code) => {
      finish({ ...base, cases: beat[0] ?? 0, crashes: 1, hangs: 0, problem: `the worker exited (code ${code}) without a result (replay: ${replay})` });
    });
  });
}
