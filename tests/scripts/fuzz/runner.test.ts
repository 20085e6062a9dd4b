import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../scripts/fuzz/runner';

const targetsModule = new URL('./fixtureTargets.ts', import.meta.url).href;

describe('runTarget', () => {
  it.each([
    ['passes', { cases: 25, crashes: 0, hangs: 0 }],
    ['throws on the fifth case', { cases: 5, crashes: 1, hangs: 0 }],
    ['hangs in a synchronous loop on the third case', { cases: 3, crashes: 0, hangs: 1 }],
  ] as const)('a target that %s is reported as such', async (target, counts) => {
    const outcome = await runTarget({ targetsModule, target, runs: 25, seed: 42, caseTimeoutMs: 500 });
    expect({ cases: outcome.cases, crashes: outcome.crashes, hangs: outcome.hangs }).toEqual(counts);
    if (counts.crashes + counts.hangs === 0) expect(outcome.problem).toBeUndefined();
    else expect(outcome.problem).toContain(`FUZZ_SEED=42 FUZZ_TARGET="${target}"`);
  }, 60_000);

  it('names the thrown error and the input that caused it', async () => {
    const outcome = await runTarget({ targetsModule, target: 'throws on the fifth case', runs: 25, seed: 7, caseTimeoutMs: 5000 });
    expect(outcome.problem).toMatch(/boom on purpose[\s\S]*input: /);
  }, 60_000);
});
