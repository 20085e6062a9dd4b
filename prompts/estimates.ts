import Qty from 'js-quantities';
import type { Estimate } from './schema';

/**
 * Capacity estimates as a candidate types them (`20k/s`, `3.5 TB/day`, `2e6`, `300 QPS`), parsed
 * with js-quantities, and judged against the value a prompt expects.
 *
 * On top of the units js-quantities knows:
 * - a k / M / B (or bn) / T written right after the number multiplies it (thousand, million,
 *   billion, trillion): `20k/s`, `1.5B`. Bytes are written with a space or a prefix: `200 B`, `5 GB`;
 * - a word that is not a unit counts things: `20k requests/s`, `5 servers` (rates become 1/s);
 * - QPS, RPS and TPS mean per second; `per day` means `/day`; a month is 30 days.
 */

export type QuantityParse =
  | { readonly ok: true; readonly quantity: Qty; readonly text: string }
  | { readonly ok: false; readonly message: string };

const EXAMPLES = 'e.g. 20k/s, 3.5 TB/day, 2e6 or 300 ms';

// k / M / bn may follow after a space (`20 k`); B and T only right after the number, since `5 B` is bytes.
const NUMBER = /^([+-]?(?:\d[\d,_]*\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?:\s*(k|K|M|bn)(?![A-Za-z])|(B|T)(?![A-Za-z]))?\s*(.*)$/;

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9, T: 1e12 };

const PER_SECOND_WORDS = /^(qps|rps|tps)$/i;
const COUNT_WORDS = /^[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)*$/;

function unitQuantity(unit: string): Qty | null {
  const trimmed = unit.trim();
  if (/^(months?|mo)$/i.test(trimmed)) return Qty('30 d');
  if (trimmed === '') return null;
  try {
    return Qty.parse(`1 ${trimmed}`);
  } catch {
    return null;
  }
}

/** Parses what a candidate typed; the message says what is wrong, at the field. */
export function parseQuantity(input: string): QuantityParse {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Enter a number with a unit, ${EXAMPLES}.` };
  const match = NUMBER.exec(text);
  if (match === null) return { ok: false, message: `“${text}” does not start with a number: ${EXAMPLES}.` };
  const [, digits = '', spacedSuffix, attachedSuffix, rest = ''] = match;
  const suffix = spacedSuffix ?? attachedSuffix;
  const value = Number(digits.replace(/[,_]/g, '')) * (suffix === undefined ? 1 : (SUFFIX[suffix] ?? 1));
  if (!Number.isFinite(value)) return { ok: false, message: `“${digits}” is not a number: ${EXAMPLES}.` };

  const unit = rest
    .trim()
    .replace(/\s+per\s+/gi, '/')
    .replace(/^per\s+/i, '/')
    .replace(/\s*\/\s*/g, '/');
  if (PER_SECOND_WORDS.test(unit)) return { ok: true, quantity: Qty(`${value} 1/s`), text };
  const parts = unit.split('/');
  if (parts.length > 2) return { ok: false, message: `“${unit}” has more than one “/”: write one unit per unit, ${EXAMPLES}.` };
  const [numerator = '', denominator] = parts;

  let quantity: Qty;
  if (numerator === '') {
    quantity = Qty(`${value}`);
  } else {
    const known = unitQuantity(numerator);
    if (known !== null) quantity = known.mul(value);
    else if (COUNT_WORDS.test(numerator)) quantity = Qty(`${value}`);
    else return { ok: false, message: `“${numerator}” is not a unit Sysdrill knows: ${EXAMPLES}.` };
  }
  if (denominator !== undefined) {
    const per = unitQuantity(denominator);
    if (per === null) return { ok: false, message: `“/${denominator}” is not a unit of time or size Sysdrill knows: ${EXAMPLES}.` };
    quantity = quantity.div(per);
  }
  return { ok: true, quantity, text };
}

const PERIOD_IN_LABEL = /\bper (second|minute|hour|day|week|month|year)\b/i;
const PERIOD_UNITS: Readonly<Record<string, string>> = {
  second: 's',
  minute: 'min',
  hour: 'h',
  day: 'd',
  week: 'wk',
  month: 'month',
  year: 'y',
};

/** The expected value as a quantity, in the prompt's unit (`580 transfers/s`, `7.3 TB`). */
export function expectedQuantity(estimate: Estimate): Qty {
  const parsed = parseQuantity(`${estimate.value} ${estimate.unit}`);
  if (!parsed.ok) throw new Error(`estimate ${estimate.id} has a unit Sysdrill cannot read (${estimate.unit}): ${parsed.message}`);
  return parsed.quantity;
}

export type Verdict = 'on-target' | 'order-of-magnitude' | 'off' | 'unanswered';

export const VERDICT_TITLES: Readonly<Record<Verdict, string>> = {
  'on-target': 'On target',
  'order-of-magnitude': 'Right order of magnitude',
  off: 'Off',
  unanswered: 'Not answered',
};

export interface EstimateJudgement {
  readonly id: string;
  readonly verdict: Verdict;
  /** What the candidate typed, as typed. */
  readonly typed: string;
  /** The typed value converted to the prompt's unit, when it could be. */
  readonly value?: number;
  /** Why the verdict (wrong dimension, how far off, unreadable input). */
  readonly note: string;
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  information: 'a data size',
  information_rate: 'a data rate',
  frequency: 'a rate (things per unit of time)',
  time: 'a duration',
  unitless: 'a plain count',
};

function kindWord(q: Qty): string {
  return KIND_WORDS[q.kind()] ?? `a quantity in ${q.units()}`;
}

function describe(q: Qty): string {
  return q.units() === '' ? 'a plain count' : `${kindWord(q)} (${q.units()})`;
}

/** Converts `answer` into `expected`'s units; a size per period answers a "… per day" size. */
function inExpectedUnits(answer: Qty, expected: Qty, label: string): number | undefined {
  if (answer.isCompatible(expected)) return answer.to(expected.units() === '' ? answer.units() : expected.units()).scalar;
  const period = PERIOD_IN_LABEL.exec(label)?.[1]?.toLowerCase();
  const unit = period === undefined ? undefined : PERIOD_UNITS[period];
  const periodQty = unit === undefined ? null : unitQuantity(unit);
  if (periodQty !== null) {
    const overPeriod = answer.mul(periodQty);
    if (overPeriod.isCompatible(expected)) return overPeriod.to(expected.units() === '' ? overPeriod.units() : expected.units()).scalar;
  }
  return undefined;
}

/**
 * On target within the prompt's relative tolerance, the right order of magnitude within 10×,
 * otherwise off; an answer of the wrong dimension (a size for a rate) is off.
 */
export function judgeEstimate(estimate: Estimate, typed: string): EstimateJudgement {
  const base = { id: estimate.id, typed };
  if (typed.trim() === '') return { ...base, verdict: 'unanswered', note: 'No value was given.' };
  const parsed = parseQuantity(typed);
  if (!parsed.ok) return { ...base, verdict: 'off', note: parsed.message };
  const expected = expectedQuantity(estimate);
  const value = inExpectedUnits(parsed.quantity, expected, estimate.label);
  if (value === undefined) {
    return { ...base, verdict: 'off', note: `Wrong dimension: you gave ${describe(parsed.quantity)}, the estimate is ${describe(expected)}.` };
  }
  const ratio = value / estimate.value;
  const shown = `${formatNumber(value)} ${estimate.unit}`;
  if (Math.abs(ratio - 1) <= estimate.tolerance) {
    return { ...base, verdict: 'on-target', value, note: `${shown}, within ±${Math.round(estimate.tolerance * 100)} % of ${formatNumber(estimate.value)}.` };
  }
  if (ratio >= 0.1 && ratio <= 10) {
    return { ...base, verdict: 'order-of-magnitude', value, note: `${shown} is ${formatRatio(ratio)} the expected ${formatNumber(estimate.value)}, within 10×.` };
  }
  return { ...base, verdict: 'off', value, note: `${shown} is ${formatRatio(ratio)} the expected ${formatNumber(estimate.value)}: more than 10× away.` };
}

function formatRatio(ratio: number): string {
  return ratio >= 1 ? `${formatNumber(ratio)}×` : `1/${formatNumber(1 / ratio)} of`;
}

const PER_TIME: Readonly<Record<string, string>> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', y: 'year', yr: 'year' };

/** A quantity's unit text in words where it is a rate: "1/s" → "per second", "TB/d" → "TB per day". */
export function unitsInWords(units: string): string {
  const rate = /^(.*?)\/(s|min|h|d|wk|mo|yr?)$/.exec(units);
  if (rate === null) return units;
  const over = rate[1] as string;
  const per = `per ${PER_TIME[rate[2] as string] ?? ''}`;
  return over === '' || over === '1' ? per : `${over} ${per}`;
}

/** Three significant digits, no exponent for everyday sizes. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(3));
  return Math.abs(rounded) >= 1e15 || Math.abs(rounded) < 1e-3 ? rounded.toExponential(2) : rounded.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
