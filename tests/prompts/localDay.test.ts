import { describe, expect, it } from 'vitest';
import { dayStart, localDay, shortDate, weekdayOf } from '../../prompts/localDay';

const at = (iso: string): number => Date.parse(iso);

describe('local calendar days from a fixed UTC offset', () => {
  it.each([
    { iso: '1970-01-01T00:00:00Z', offset: 0, day: 0, weekday: 'Thursday' },
    { iso: '2026-12-01T10:00:00Z', offset: 0, day: 20788, weekday: 'Tuesday' },
    { iso: '2026-11-30T23:30:00Z', offset: 60, day: 20788, weekday: 'Tuesday' },
    { iso: '2026-12-01T03:00:00Z', offset: -300, day: 20787, weekday: 'Monday' },
  ])('$iso at UTC$offset min is day $day, a $weekday', ({ iso, offset, day, weekday }) => {
    expect(localDay(at(iso), offset)).toBe(day);
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('starts a local day at local midnight', () => {
    expect(dayStart(20788, 60)).toBe(at('2026-11-30T23:00:00Z'));
  });

  it('writes a short date, with the year only when it is not this year', () => {
    expect(shortDate(localDay(at('2026-11-03T12:00:00Z'), 0), 20788)).toBe('3 Nov');
    expect(shortDate(localDay(at('2025-11-03T12:00:00Z'), 0), 20788)).toBe('3 Nov 2025');
  });
});
