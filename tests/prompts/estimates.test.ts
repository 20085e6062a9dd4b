import { describe, expect, it } from 'vitest';
import { expectedQuantity, judgeEstimate, parseQuantity, unitsInWords } from '../../prompts/estimates';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Estimate } from '../../prompts/schema';

/** Each input with its value in SI base units (1/s for rates, bytes, seconds, bytes/s). */
describe('parseQuantity', () => {
  it.each([
    ['20k/s', 20_000, '1/s'],
    ['20k requests/s', 20_000, '1/s'],
    ['20 k req/s', 20_000, '1/s'],
    ['300 QPS', 300, '1/s'],
    ['1.2M rps', 1_200_000, '1/s'],
    ['50M per day', 50e6 / 86_400, '1/s'],
    ['2e6', 2e6, ''],
    ['1,500', 1500, ''],
    ['1.5B', 1.5e9, ''],
    ['3 servers', 3, ''],
    ['3.5 TB/day', 3.5e12 / 86_400, 'B/s'],
    ['3.5 TB per day', 3.5e12 / 86_400, 'B/s'],
    ['200 B', 200, 'B'],
    ['5 GB', 5e9, 'B'],
    ['7.3 TB', 7.3e12, 'B'],
    ['10 Gbit/s', 10e9 / 8, 'B/s'],
    ['10 Gbps', 10e9 / 8, 'B/s'],
    ['53 minutes', 53 * 60, 's'],
    ['2 h', 7200, 's'],
    ['100 TB/month', 100e12 / (30 * 86_400), 'B/s'],
  ])('reads %j', (input, base, unit) => {
    const parsed = parseQuantity(input);
    if (!parsed.ok) throw new Error(parsed.message);
    const si = unit === '' ? parsed.quantity.scalar : parsed.quantity.to(unit).scalar;
    expect(si / base).toBeCloseTo(1, 9);
    if (unit === '') expect(parsed.quantity.isUnitless()).toBe(true);
  });

  it.each([
    ['', /Enter a number with a unit/],
    ['   ', /Enter a number with a unit/],
    ['lots', /does not start with a number/],
    ['about 20k', /does not start with a number/],
    ['twenty/s', /does not start with a number/],
    ['20k/s/s', /more than one “\/”/],
    ['5 TB/fortnightish', /“\/fortnightish” is not a unit/],
    ['5 %$', /“%\$” is not a unit/],
    ['12..3 TB', /“\.3 TB” is not a unit/],
  ])('explains at the field why %j cannot be read', (input, message) => {
    const parsed = parseQuantity(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

const RATE: Estimate = { id: 'rate', label: 'Average transfers per second', value: 580, unit: 'transfers/s', tolerance: 0.3, derivation: '50M / 86,400 s' };
const DAILY: Estimate = { id: 'daily', label: 'Location history per day', value: 3.2, unit: 'TB', tolerance: 0.5, derivation: 'x' };
const YEARLY: Estimate = { id: 'yearly', label: 'Journal storage per year', value: 7.3, unit: 'TB', tolerance: 0.5, derivation: 'y' };
const DOWNTIME: Estimate = { id: 'downtime', label: 'Allowed downtime per year at 99.99 %', value: 53, unit: 'minutes', tolerance: 0.1, derivation: 'z' };

const BY_ID: Readonly<Record<string, Estimate>> = { rate: RATE, daily: DAILY, yearly: YEARLY, downtime: DOWNTIME };
const estimate = (id: string): Estimate => BY_ID[id] ?? RATE;

describe('judgeEstimate', () => {
  it.each([
    ['rate', '600/s', 'on-target'],
    ['rate', '580 transfers/s', 'on-target'],
    ['rate', '50M/day', 'on-target'],
    ['rate', '2k/s', 'order-of-magnitude'],
    ['rate', '100/s', 'order-of-magnitude'],
    ['rate', '20k/s', 'off'],
    ['rate', '5/s', 'off'],
    ['daily', '3.5 TB/day', 'on-target'],
    ['daily', '3.5 TB', 'on-target'],
    ['daily', '20 TB/day', 'order-of-magnitude'],
    ['daily', '40 GB/s', 'off'],
    ['yearly', '20 GB/day', 'on-target'],
    ['yearly', '7300 GB', 'on-target'],
    ['downtime', '52.6 min', 'on-target'],
    ['downtime', '1 h', 'order-of-magnitude'],
    ['downtime', '3150 s', 'on-target'],
  ] as const)('%s: %j is %s', (id, typed, verdict) => {
    expect(judgeEstimate(estimate(id), typed).verdict).toBe(verdict);
  });

  it('converts the answer into the prompt’s unit', () => {
    expect(judgeEstimate(DAILY, '3.5 TB/day').value).toBeCloseTo(3.5, 9);
    expect(judgeEstimate(RATE, '0.6k/s').value).toBeCloseTo(600, 9);
  });

  it.each([
    ['rate', '3.5 TB', /Wrong dimension: you gave a data size \(TB\), the estimate is a rate/],
    ['rate', '3.5 TB/day', /Wrong dimension: you gave a data rate/],
    ['yearly', '20k/s', /Wrong dimension: you gave a rate .* the estimate is a data size \(TB\)/],
    ['downtime', '53 GB', /Wrong dimension: you gave a data size/],
  ] as const)('calls %s answered with %j off for its dimension', (id, typed, note) => {
    const judged = judgeEstimate(estimate(id), typed);
    expect(judged.verdict).toBe('off');
    expect(judged.note).toMatch(note);
    expect(judged.value).toBeUndefined();
  });

  it('calls garbage off with the reading error, and an empty field unanswered', () => {
    expect(judgeEstimate(RATE, 'a lot')).toMatchObject({ verdict: 'off', note: expect.stringMatching(/does not start with a number/) });
    expect(judgeEstimate(RATE, '  ')).toMatchObject({ verdict: 'unanswered' });
  });

  it('reads the expected unit of every estimate in the built-in library', () => {
    const estimates = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts.flatMap((p) => p.estimates.map((e) => [p.id, e] as const));
    expect(estimates.length).toBeGreaterThan(50);
    for (const [prompt, estimate] of estimates) {
      expect(() => expectedQuantity(estimate), `${prompt}/${estimate.id}`).not.toThrow();
      expect(judgeEstimate(estimate, `${estimate.value} ${estimate.unit}`).verdict, `${prompt}/${estimate.id}`).toBe('on-target');
    }
  });
});

describe('unitsInWords: what a typed estimate reads as, in words', () => {
  it.each([
    ['a bare rate', '1/s', 'per second'],
    ['a size per day', 'TB/d', 'TB per day'],
    ['per hour', '1/h', 'per hour'],
    ['per minute', 'GB/min', 'GB per minute'],
    ['per year', 'PB/y', 'PB per year'],
    ['a size, not a rate', 'TB', 'TB'],
    ['no unit', '', ''],
    ['bits per second keep their unit', 'Mb/s', 'Mb per second'],
  ])('%s: "%s" → "%s"', (_name, units, words) => {
    expect(unitsInWords(units)).toBe(words);
  });

  it('reads what parseQuantity makes of typed rates', () => {
    const read = (typed: string): string => {
      const parsed = parseQuantity(typed);
      if (!parsed.ok) throw new Error(parsed.message);
      return unitsInWords(parsed.quantity.units());
    };
    expect(read('20k/s')).toBe('per second');
    expect(read('3.5 TB/day')).toBe('TB per day');
    expect(read('300 QPS')).toBe('per second');
  });
});
