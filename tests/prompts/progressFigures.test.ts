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

describe('conceptStanding: level of the last five scores and the change from the five before', () => {
  it.each([
    { scores: [], standing: null },
    { scores: [40], standing: { level: 40, trend: null } },
    { scores: [40, 50, 60, 70, 80], standing: { level: 60, trend: null } },
    // last five 50,60,70,80,90 → 70; before: 20 → +50
    { scores: [20, 50, 60, 70, 80, 90], standing: { level: 70, trend: 50 } },
    // last five mean 30, previous five mean 80 → −50
    { scores: [80, 80, 80, 80, 80, 30, 30, 30, 30, 30], standing: { level: 30, trend: -50 } },
    // only the ten latest count: the leading 0 is ignored
    { scores: [0, 60, 60, 60, 60, 60, 61, 61, 61, 61, 61], standing: { level: 61, trend: 1 } },
  ])('$scores', ({ scores, standing }) => {
    expect(conceptStanding(scores)).toEqual(standing);
  });
});
