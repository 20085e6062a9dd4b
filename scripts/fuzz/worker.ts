import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import type { FuzzTarget } from './target';

/**
 * Runs one target in a worker thread, so a hung case can be stopped from outside. Before each
 * case it writes the case number and start time into shared memory, which the runner watches.
 */

export interface WorkerInput {
  readonly targetsModule: string;
  readonly target: string;
  readonly runs: number;
  readonly seed: number;
  /** [0]: cases started; [1]: start time of the current case (ms since the epoch). */
  readonly heartbeat: SharedArrayBuffer;
}

export interface WorkerResult {
  readonly cases: number;
  readonly failure?: { readonly error: string; readonly counterexample: string; readonly path?: string };
  readonly slowestMs: number;
}

const input = workerData as WorkerInput;
const beat = new Float64Array(input.heartbeat);

const { TARGETS } = (await import(input.targetsModule)) as { TARGETS: readonly FuzzTarget[] };
const target = TARGETS.find((t) => t.name === input.target);
if (target === undefined) throw new Error(`no fuzz target named ${input.target}`);
await target.setUp?.();

let slowestMs = 0;
const details = await fc.check(
  fc.asyncProperty(target.arbitrary, async (value) => {
    beat[0] = (beat[0] ?? 0) + 1;
    const started = Date.now();
    beat[1] = started;
    try {
      await target.check(value);
    } finally {
      slowestMs = Math.max(slowestMs, Date.now() - started);
      beat[1] = 0;
    }
  }),
  { numRuns: input.runs, seed: input.seed, endOnFailure: true },
);

const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
const result: WorkerResult = {
  cases: details.numRuns,
  slowestMs,
  ...(details.failed
    ? { failure: { error, counterexample: fc.stringify(details.counterexample).slice(0, 2000), ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }) } }
    : {}),
};
parentPort?.postMessage(result);
