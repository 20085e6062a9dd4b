const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2026-12" → "Dec 2026". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1];
  return name === undefined || year === undefined ? month : `${name} ${year}`;
}

/** "+12", "−5", "±0", or "new" without earlier scores. */
export function trendLabel(trend: number | null): string {
  if (trend === null) return 'new';
  if (trend > 0) return `+${trend}`;
  if (trend < 0) return `−${-trend}`;
  return '±0';
}

/** "1 h 25 min", "40 min". */
export function minutesLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${rest} min` : `${hours} h ${rest} min`;
}

export interface SeriesPoint {
  readonly month: string;
  readonly score: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Every `YYYY-MM` from the earliest of `months` to the latest, the ones without attempts included. */
export function everyMonthBetween(months: readonly string[]): string[] {
  const indexes = months.flatMap((month) => {
    const match = MONTH.exec(month);
    return match === null ? [] : [Number(match[1]) * 12 + Number(match[2]) - 1];
  });
  if (indexes.length === 0) return [];
  const [first, last] = [Math.min(...indexes), Math.max(...indexes)];
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const index = first + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Recharts wants one row per x value: `{ month, <series>: score }` for every month of the axis.
 * The axis runs through the months without attempts too: it is a time axis, and skipping them
 * would draw months practised far apart as neighbours.
 */
export function chartRows(months: readonly string[], series: readonly { readonly key: string; readonly points: readonly SeriesPoint[] }[]): Record<string, string | number>[] {
  return everyMonthBetween(months).map((month) => {
    const row: Record<string, string | number> = { month: monthLabel(month) };
    for (const { key, points } of series) {
      const point = points.find((p) => p.month === month);
      if (point !== undefined) row[key] = point.score;
    }
    return row;
  });
}
