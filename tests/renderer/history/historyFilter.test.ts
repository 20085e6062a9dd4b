import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER_FORM, filterFromForm, localDayStart } from '../../../renderer/src/history/historyFilter';

describe('history filter form', () => {
  it('an empty form filters nothing', () => {
    expect(filterFromForm(EMPTY_FILTER_FORM)).toEqual({ ok: true, filter: {} });
  });

  it('turns the date range into local midnights, the end day included', () => {
    const result = filterFromForm({ ...EMPTY_FILTER_FORM, fromDate: '2026-03-02', toDate: '2026-03-04' });
    expect(result).toEqual({ ok: true, filter: { from: new Date(2026, 2, 2).getTime(), to: new Date(2026, 2, 5).getTime() } });
  });

  it('keeps prompt, mode and the score range as typed', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, promptId: 'instagram', mode: 'mock', minScore: '60', maxScore: '100' })).toEqual({
      ok: true,
      filter: { promptId: 'instagram', mode: 'mock', minScore: 60, maxScore: 100 },
    });
  });

  it('names the field that is wrong', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, minScore: '101' })).toEqual({ ok: false, field: 'minScore', message: 'a whole number from 0 to 100' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, maxScore: '4.5' })).toEqual({ ok: false, field: 'maxScore', message: 'a whole number from 0 to 100' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, minScore: '80', maxScore: '70' })).toEqual({ ok: false, field: 'maxScore', message: 'lower than the lowest score' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, fromDate: '2026-03-05', toDate: '2026-03-04' })).toEqual({ ok: false, field: 'toDate', message: 'the end date is before the start date' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, fromDate: '2026-02-30' })).toEqual({ ok: false, field: 'fromDate', message: 'not a date' });
  });

  it('accepts a one-day range (from and to the same day)', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, fromDate: '2026-03-04', toDate: '2026-03-04' }).ok).toBe(true);
  });

  it('reads only real calendar days', () => {
    expect(localDayStart('2024-02-29')).toBe(new Date(2024, 1, 29).getTime());
    expect(localDayStart('2025-02-29')).toBeUndefined();
    expect(localDayStart('yesterday')).toBeUndefined();
  });
});
