import { describe, expect, it } from 'vitest';
import { chartRows, minutesLabel, monthLabel, trendLabel } from '../../renderer/src/progress/format';

describe('Progress screen wording', () => {
  it.each([
    ['2026-12', 'Dec 2026'],
    ['2025-01', 'Jan 2025'],
    ['garbage', 'garbage'],
  ])('month %s reads %s', (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });

  it.each([
    [null, 'new'],
    [12, '+12'],
    [-5, '−5'],
    [0, '±0'],
  ])('trend %s reads %s', (trend, label) => {
    expect(trendLabel(trend)).toBe(label);
  });

  it.each([
    [0, '0 min'],
    [40, '40 min'],
    [85, '1 h 25 min'],
    [210, '3 h 30 min'],
  ])('%i minutes read %s', (minutes, label) => {
    expect(minutesLabel(minutes)).toBe(label);
  });

  it('makes one chart row per month, leaving out series without a score that month', () => {
    expect(
      chartRows(
        ['2026-10', '2026-11'],
        [
          { key: 'banking', points: [{ month: '2026-10', score: 60 }] },
          { key: 'instagram', points: [{ month: '2026-11', score: 65 }] },
        ],
      ),
    ).toEqual([
      { month: 'Oct 2026', banking: 60 },
      { month: 'Nov 2026', instagram: 65 },
    ]);
  });
});
