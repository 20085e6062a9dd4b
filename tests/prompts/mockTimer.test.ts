import { describe, expect, it } from 'vitest';
import { deadlineAt, elapsedMs, isOver, observe, phaseTone, remainingMs, reopen, startTimer } from '../../prompts/mockTimer';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const MIN = 60_000;

describe('mock timer', () => {
  it('counts from the stored start and the wall clock, not from ticks', () => {
    const timer = startTimer(T0, 30 * MIN);
    expect(elapsedMs(timer, T0 + 7 * MIN)).toBe(7 * MIN);
    expect(remainingMs(timer, T0 + 7 * MIN)).toBe(23 * MIN);
    expect(deadlineAt(timer)).toBe(T0 + 30 * MIN);
  });

  it('counts a sleep of the machine (the clock jumps forwards) as time used, and ends at zero', () => {
    const timer = observe(startTimer(T0, 30 * MIN), T0 + 5 * MIN);
    const woke = observe(timer, T0 + 50 * MIN);
    expect(elapsedMs(woke, T0 + 50 * MIN)).toBe(50 * MIN);
    expect(remainingMs(woke, T0 + 50 * MIN)).toBe(0);
    expect(isOver(woke, T0 + 50 * MIN)).toBe(true);
  });

  it('never gives time back when the clock is set backwards', () => {
    const seen = observe(startTimer(T0, 30 * MIN), T0 + 10 * MIN);
    const back = observe(seen, T0 + 4 * MIN);
    expect(elapsedMs(back, T0 + 4 * MIN)).toBe(10 * MIN);
    // Time then runs on from where it was.
    expect(elapsedMs(back, T0 + 6 * MIN)).toBe(12 * MIN);
    expect(deadlineAt(back)).toBe(T0 + 24 * MIN);
  });

  it('reads a backwards jump correctly even before it is observed', () => {
    const seen = observe(startTimer(T0, 30 * MIN), T0 + 10 * MIN);
    expect(elapsedMs(seen, T0 + 1 * MIN)).toBe(10 * MIN);
    expect(elapsedMs(seen, T0 - 60 * MIN)).toBe(10 * MIN);
  });

  it('keeps running while the app was closed by default', () => {
    const saved = observe(startTimer(T0, 45 * MIN), T0 + 12 * MIN);
    const reopened = reopen(saved, T0 + 20 * MIN, 'running');
    expect(elapsedMs(reopened, T0 + 20 * MIN)).toBe(20 * MIN);
  });

  it('pauses for the time the app was closed when the user chose that', () => {
    const saved = observe(startTimer(T0, 45 * MIN), T0 + 12 * MIN);
    const reopened = reopen(saved, T0 + 20 * MIN, 'paused');
    expect(elapsedMs(reopened, T0 + 20 * MIN)).toBe(12 * MIN);
    expect(elapsedMs(reopened, T0 + 21 * MIN)).toBe(13 * MIN);
    expect(deadlineAt(reopened)).toBe(T0 + 53 * MIN);
  });

  it('reopens after a clock set backwards while closed without losing or adding time', () => {
    const saved = observe(startTimer(T0, 45 * MIN), T0 + 12 * MIN);
    expect(elapsedMs(reopen(saved, T0 + 2 * MIN, 'running'), T0 + 2 * MIN)).toBe(12 * MIN);
    expect(elapsedMs(reopen(saved, T0 + 2 * MIN, 'paused'), T0 + 2 * MIN)).toBe(12 * MIN);
  });
});

describe('phase tone', () => {
  it.each([
    [0, 100, 'calm'],
    [79, 100, 'calm'],
    [80, 100, 'amber'],
    [99, 100, 'amber'],
    [100, 100, 'red'],
    [250, 100, 'red'],
  ] as const)('is %s ms into a %i ms budget → %s', (used, budget, tone) => {
    expect(phaseTone(used, budget)).toBe(tone);
  });
});
