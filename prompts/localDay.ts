/**
 * Calendar days in the user's time zone without Intl or Date's local methods, so pure code (and
 * its tests) decides "today", "Tuesday" and streaks from a fixed offset it is given.
 */

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Minutes to add to UTC for local time (UTC+1 is 60): the negation of Date#getTimezoneOffset. */
export type UtcOffsetMin = number;

/** Days since 1970-01-01 in local time. */
export function localDay(ms: number, offsetMin: UtcOffsetMin): number {
  return Math.floor((ms + offsetMin * 60_000) / DAY_MS);
}

export function weekdayOf(day: number): (typeof WEEKDAYS)[number] {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] ?? 'Sunday';
}

/** "3 Nov", or "3 Nov 2025" when the year differs from `today`'s. */
export function shortDate(day: number, today: number): string {
  const date = new Date(day * DAY_MS);
  const year = new Date(today * DAY_MS).getUTCFullYear();
  const base = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''}`;
  return date.getUTCFullYear() === year ? base : `${base} ${date.getUTCFullYear()}`;
}

/** Local midnight (as epoch ms) that starts `day`. */
export function dayStart(day: number, offsetMin: UtcOffsetMin): number {
  return day * DAY_MS - offsetMin * 60_000;
}
