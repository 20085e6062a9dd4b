import type fc from 'fast-check';

/**
 * One fuzz target: inputs from `arbitrary`, and `check`, which must return normally for every
 * input. A thrown error (or a rejected promise) is a crash; a case that does not finish within
 * the runner's time bound is a hang.
 */
export interface FuzzTarget<T = unknown> {
  readonly name: string;
  /** Cases in the short (CI) pass; FUZZ_RUNS replaces it for a long run. */
  readonly runs: number;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Loads what the target needs once (e.g. Mermaid) before the first case. */
  readonly setUp?: () => Promise<void>;
  readonly check: (input: T) => void | Promise<void>;
}

/** Throws when `condition` is false: the invariant checks of the targets. */
export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
