import type { AttemptMode, HistoryFilterInput } from '../../../electron/ipc/contract';

/** What the History screen's filter controls hold, as typed (strings, '' for "any"). */
export interface HistoryFilterForm {
  readonly promptId: string;
  readonly mode: '' | AttemptMode;
  /** `YYYY-MM-DD` from a date input, local time; '' for open. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly minScore: string;
  readonly maxScore: string;
}

export const EMPTY_FILTER_FORM: HistoryFilterForm = { promptId: '', mode: '', fromDate: '', toDate: '', minScore: '', maxScore: '' };

export type FilterField = keyof HistoryFilterForm;

export type FilterResult =
  | { readonly ok: true; readonly filter: HistoryFilterInput }
  | { readonly ok: false; readonly field: FilterField; readonly message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day, or undefined when it is not a real date. */
export function localDayStart(day: string): number | undefined {
  const match = DATE.exec(day);
  if (match === null) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(year, month - 1, date);
  return at.getFullYear() === year && at.getMonth() === month - 1 && at.getDate() === date ? at.getTime() : undefined;
}

function score(text: string): number | undefined | 'bad' {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : 'bad';
}

/**
 * The IPC filter for a form: dates become local day bounds (the "to" day is included, so the
 * bound is the next midnight), scores whole numbers 0–100. A bad field is named with a message.
 */
export function filterFromForm(form: HistoryFilterForm): FilterResult {
  const from = form.fromDate === '' ? undefined : localDayStart(form.fromDate);
  if (form.fromDate !== '' && from === undefined) return { ok: false, field: 'fromDate', message: 'not a date' };
  const toStart = form.toDate === '' ? undefined : localDayStart(form.toDate);
  if (form.toDate !== '' && toStart === undefined) return { ok: false, field: 'toDate', message: 'not a date' };
  const to = toStart === undefined ? undefined : nextLocalDay(toStart);
  if (from !== undefined && to !== undefined && from >= to) return { ok: false, field: 'toDate', message: 'the end date is before the start date' };
  const min = score(form.minScore);
  if (min === 'bad') return { ok: false, field: 'minScore', message: 'a whole number from 0 to 100' };
  const max = score(form.maxScore);
  if (max === 'bad') return { ok: false, field: 'maxScore', message: 'a whole number from 0 to 100' };
  if (min !== undefined && max !== undefined && min > max) return { ok: false, field: 'maxScore', message: 'lower than the lowest score' };
  return {
    ok: true,
    filter: {
      ...(form.promptId === '' ? {} : { promptId: form.promptId }),
      ...(form.mode === '' ? {} : { mode: form.mode }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(min === undefined ? {} : { minScore: min }),
      ...(max === undefined ? {} : { maxScore: max }),
    },
  };
}

/** The next local midnight (a day is not always 24 hours: daylight saving). */
function nextLocalDay(start: number): number {
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** Where the History screen keeps its filters for the session, so they outlive a visit to a report. */
export const FILTER_MEMORY_KEY = 'sysdrill.historyFilter';

const MODES: readonly string[] = ['', 'practice', 'mock'] satisfies readonly HistoryFilterForm['mode'][];

function isFilterForm(value: unknown): value is HistoryFilterForm {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (Object.keys(EMPTY_FILTER_FORM) as FilterField[]).every((field) => typeof record[field] === 'string') && MODES.includes(record['mode'] as string);
}

/** The filters remembered in `storage`, or none when nothing (or something else) is there. */
export function rememberedFilterForm(storage: Pick<Storage, 'getItem'>): HistoryFilterForm {
  try {
    const stored: unknown = JSON.parse(storage.getItem(FILTER_MEMORY_KEY) ?? 'null');
    if (!isFilterForm(stored)) return EMPTY_FILTER_FORM;
    const { promptId, mode, fromDate, toDate, minScore, maxScore } = stored;
    return { promptId, mode, fromDate, toDate, minScore, maxScore };
  } catch {
    return EMPTY_FILTER_FORM;
  }
}

export function rememberFilterForm(storage: Pick<Storage, 'setItem'>, form: HistoryFilterForm): void {
  try {
    storage.setItem(FILTER_MEMORY_KEY, JSON.stringify(form));
  } catch {
    // Storage full or refused: the filters are then forgotten on leaving the screen, as before.
  }
}
