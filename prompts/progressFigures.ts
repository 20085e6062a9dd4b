/**
 * The small calculations of the Progress screen, on plain numbers: a practice streak from the
 * days practised, the start of this week, and where a concept stands (recent level and trend).
 */

/** Consecutive days practised, ending today, or yesterday when today has nothing yet. */
export function practiceStreak(daysNewestFirst: Iterable<number>, today: number): number {
  let streak = 0;
  let expected: number | undefined;
  for (const day of daysNewestFirst) {
    if (day > today) continue;
    if (expected === undefined) {
      if (day < today - 1) return 0;
      expected = day;
    }
    if (day !== expected) break;
    streak += 1;
    expected -= 1;
  }
  return streak;
}

/** The Monday that starts the week of `day` (days since 1970; 1970-01-01 was a Thursday). */
export function weekStartDay(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** How many recent scores make a concept's level; the trend compares at most this many on each side. */
export const STANDING_WINDOW = 5;

export interface ConceptStanding {
  /** Mean of the latest scores, rounded. */
  readonly level: number;
  /**
   * Mean of the newer half of the recent scores minus the mean of the older half (each rounded,
   * at most STANDING_WINDOW a side; with an odd count the middle score is in neither), so it
   * reads straight off the recent scores from the second score on. Null with a single score.
   */
  readonly trend: number | null;
}

export function conceptStanding(scoresOldestFirst: readonly number[]): ConceptStanding | null {
  if (scoresOldestFirst.length === 0) return null;
  const latest = scoresOldestFirst.slice(-STANDING_WINDOW);
  const level = Math.round(mean(latest));
  const recent = scoresOldestFirst.slice(-2 * STANDING_WINDOW);
  const half = Math.floor(recent.length / 2);
  if (half === 0) return { level, trend: null };
  return { level, trend: Math.round(mean(recent.slice(-half))) - Math.round(mean(recent.slice(0, half))) };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
