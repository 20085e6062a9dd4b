import { describe, expect, it } from 'vitest';
import { chartRows } from '../../../renderer/src/progress/format';

describe('Progress chart rows', () => {
  it('keeps a month without attempts on the time axis, so months practised apart are not drawn side by side', () => {
    expect(
      chartRows(
        ['2026-09', '2026-11'],
        [{ key: 'banking', points: [{ month: '2026-09', score: 30 }, { month: '2026-11', score: 70 }] }],
      ),
    ).toEqual([{ month: 'Sep 2026', banking: 30 }, { month: 'Oct 2026' }, { month: 'Nov 2026', banking: 70 }]);
  });

  it('runs the axis across a new year', () => {
    expect(chartRows(['2025-11', '2026-02'], []).map((row) => row.month)).toEqual(['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026']);
  });
});
