import { describe, expect, it } from 'vitest';
import { conceptStanding, practiceStreak, weekStartDay } from '../../prompts/progressFigures';

// Day 20788 is Tuesday 1 December 2026.
const TUE = 20788;

describe('practiceStreak: consecutive days practised', () => {
  it.each([
    { case: 'nothing practised', days: [], streak: 0 },
    { case: 'today only', days: [TUE], streak: 1 },
    { case: 'today and the two days before', days: [TUE, TUE - 1, TUE - 2], streak: 3 },
    { case: 'up to yesterday (today not yet)', days: [TUE - 1, TUE - 2], streak: 2 },
    { case: 'broken by a gap', days: [TUE, TUE - 1, TUE - 3, TUE - 4], streak: 2 },
    { case: 'last practised two days ago', days: [TUE - 2, TUE - 3], streak: 0 },
    { case: 'a clock ahead of today is ignored', days: [TUE + 1, TUE], streak: 1 },
  ])('$case: $streak', ({ days, streak }) => {
    expect(practiceStreak(days, TUE)).toBe(streak);
  });
});

describe('weekStartDay: the Monday of the week', () => {
  it.each([
    { day: TUE, monday: TUE - 1 },
    { day: TUE - 1, monday: TUE - 1 },
    { day: TUE + 5, monday: TUE - 1 },
    { day: TUE + 6, monday: TUE + 6 },
    { day: 0, monday: -3 },
  ])('day $day starts on $monday', ({ day, monday }) => {
    expect(weekStartDay(day)).toBe(monday);
  });
});

describe('conceptStanding: level of the last five scores; trend from the older half of the recent scores to the newer half', () => {
  it.each([
    { case: 'no score', scores: [], standing: null },
    { case: 'a single score has no trend yet', scores: [40], standing: { level: 40, trend: null } },
    { case: 'two scores: the change from the first to the second', scores: [30, 50], standing: { level: 40, trend: 20 } },
    // Caching on the walkthrough showed "new" here: 0, 0 then 70, 70 (the middle 70 in neither half).
    { case: 'five scores, 0, 0, 70, 70, 70, trend up 70 (not "new")', scores: [0, 0, 70, 70, 70], standing: { level: 42, trend: 70 } },
    // older 40, 50 → 45; newer 70, 80 → 75
    { case: 'five rising scores', scores: [40, 50, 60, 70, 80], standing: { level: 60, trend: 30 } },
    // older 100, 100, 0 → 67; newer 0, 49, 0 → 16; level of the last five 100, 0, 0, 49, 0 → 30
    { case: 'six scores, 100, 100, 0, 0, 49, 0: halves of three', scores: [100, 100, 0, 0, 49, 0], standing: { level: 30, trend: -51 } },
    // older 20, 50, 60 → 43; newer 70, 80, 90 → 80
    { case: 'six rising scores', scores: [20, 50, 60, 70, 80, 90], standing: { level: 70, trend: 37 } },
    // last five mean 30, previous five mean 80 → −50
    { case: 'ten scores: the last five against the five before', scores: [80, 80, 80, 80, 80, 30, 30, 30, 30, 30], standing: { level: 30, trend: -50 } },
    // only the ten latest count: the leading 0 is ignored
    { case: 'only the ten latest count', scores: [0, 60, 60, 60, 60, 60, 61, 61, 61, 61, 61], standing: { level: 61, trend: 1 } },
  ])('$case: $scores', ({ scores, standing }) => {
    expect(conceptStanding(scores)).toEqual(standing);
  });
});
