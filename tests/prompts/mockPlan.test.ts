import { describe, expect, it } from 'vitest';
import { formatDuration, MOCK_LENGTHS_MIN, nextPhase, phasePlan } from '../../prompts/mockPlan';

const minutes = (ms: number): number => ms / 60_000;

describe('phase plan', () => {
  it.each([
    // length, requirements / estimates / high-level / deep dive / wrap-up in minutes
    [45, [5, 5, 15, 15, 5]],
    [60, [8, 7, 15, 22, 8]],
    [30, [10 / 3, 10 / 3, 10, 10, 10 / 3]],
  ] as const)('gives a %i-minute interview the budgets %j', (length, expected) => {
    const plan = phasePlan(length);
    expect(plan.map((p) => p.phase)).toEqual(['requirements', 'estimates', 'high-level', 'deep-dive', 'wrap-up']);
    plan.forEach((p, i) => expect(minutes(p.budgetMs)).toBeCloseTo(expected[i] ?? NaN, 9));
  });

  it.each(MOCK_LENGTHS_MIN)('fills exactly %i minutes, each phase starting where the previous one ends', (length) => {
    const plan = phasePlan(length);
    const last = plan.at(-1);
    expect(last === undefined ? 0 : last.startMs + last.budgetMs).toBe(length * 60_000);
    plan.slice(1).forEach((p, i) => expect(p.startMs).toBe((plan[i]?.startMs ?? 0) + (plan[i]?.budgetMs ?? 0)));
  });

  it('moves on to the next phase and stops after the wrap-up', () => {
    expect(nextPhase('requirements')).toBe('estimates');
    expect(nextPhase('deep-dive')).toBe('wrap-up');
    expect(nextPhase('wrap-up')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [200_000, '3:20'],
    [45 * 60_000, '45:00'],
    [3_600_000 + 5_000, '1:00:05'],
    [-61_000, '-1:01'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
