import { describe, expect, it } from 'vitest';
import { buildSplit, halfOf } from '../../../scripts/eval/splitRule';

// First bytes from `printf %s <repo> | sha256sum`: a/b c1, a/c 24, x/y bd, owner/repo 65, stripe/stripe-samples 5c.
describe('halfOf applies the LABELLING.md rule to the lower-cased repository name', () => {
  it.each([
    ['a/b', 'test'],
    ['a/c', 'tuning'],
    ['x/y', 'test'],
    ['owner/repo', 'test'],
    ['Owner/Repo', 'test'],
    ['stripe/stripe-samples', 'tuning'],
  ] as const)('%s → %s', (repo, half) => {
    expect(halfOf(repo)).toBe(half);
  });
});

describe('buildSplit', () => {
  it('lists each repository once, lower case, sorted, in its half', () => {
    expect(buildSplit(['x/y', 'a/c', 'A/B', 'a/b', 'stripe/stripe-samples'])).toMatchObject({
      tuning: ['a/c', 'stripe/stripe-samples'],
      test: ['a/b', 'x/y'],
    });
  });
});
