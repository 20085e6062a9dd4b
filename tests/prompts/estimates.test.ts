import { describe, expect, it } from 'vitest';
import { acceptedRange, isWithinTolerance } from '../../prompts/estimates';

describe('estimate tolerance', () => {
  const qps = { value: 4000, tolerance: 0.5 };

  it.each([
    [4000, true],
    [2000, true],
    [6000, true],
    [1999, false],
    [6001, false],
    [0, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('answer %d for 4000 ±50 %% is accepted: %s', (answer, accepted) => {
    expect(isWithinTolerance(qps, answer)).toBe(accepted);
  });

  it('never accepts negative answers, even with a tolerance above 100 %', () => {
    expect(acceptedRange({ value: 10, tolerance: 2 })).toEqual({ min: 0, max: 30 });
    expect(isWithinTolerance({ value: 10, tolerance: 2 }, -1)).toBe(false);
  });
});
