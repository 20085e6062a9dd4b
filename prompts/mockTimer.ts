/**
 * Mock interview time, computed from stored timestamps and the wall clock only (never by counting
 * ticks, which stop while a laptop sleeps or a tab is throttled).
 *
 *   elapsed(now) = now − startedAt − offsetMs
 *
 * `offsetMs` absorbs the time that must not count: a wall clock set backwards (elapsed never goes
 * down) and, when the user chose to pause mocks while Sysdrill is closed, the time it was closed.
 * A clock that jumps forwards (sleep, a manual change) counts, as it would in a real interview.
 */

export interface TimerState {
  readonly startedAt: number;
  readonly limitMs: number;
  readonly offsetMs: number;
  /** The last wall-clock time the app saw (stored with every write of the attempt). */
  readonly lastSeenAt: number;
}

export type ClosedTimePolicy = 'running' | 'paused';

export function startTimer(now: number, limitMs: number): TimerState {
  return { startedAt: now, limitMs, offsetMs: 0, lastSeenAt: now };
}

/** Moves the timer to `now`; a wall clock that went backwards leaves elapsed time where it was. */
export function observe(state: TimerState, now: number): TimerState {
  if (now >= state.lastSeenAt) return { ...state, lastSeenAt: now };
  return { ...state, offsetMs: state.offsetMs - (state.lastSeenAt - now), lastSeenAt: now };
}

/**
 * Re-opens a stored attempt at `now`. With `paused`, the time since the last write does not
 * count; with `running` it does, like a real interview.
 */
export function reopen(state: TimerState, now: number, policy: ClosedTimePolicy): TimerState {
  if (policy === 'paused' && now > state.lastSeenAt) {
    return { ...state, offsetMs: state.offsetMs + (now - state.lastSeenAt), lastSeenAt: now };
  }
  return observe(state, now);
}

export function elapsedMs(state: TimerState, now: number): number {
  const seen = observe(state, now);
  return Math.max(0, seen.lastSeenAt - seen.startedAt - seen.offsetMs);
}

export function remainingMs(state: TimerState, now: number): number {
  return Math.max(0, state.limitMs - elapsedMs(state, now));
}

export function isOver(state: TimerState, now: number): boolean {
  return remainingMs(state, now) === 0;
}

/** The wall-clock time at which the interview ends, as things stand. */
export function deadlineAt(state: TimerState): number {
  return state.startedAt + state.offsetMs + state.limitMs;
}

export type PhaseTone = 'calm' | 'amber' | 'red';

/** Calm until 80 % of a phase's budget is used, amber until it is all used, red after. */
export function phaseTone(usedMs: number, budgetMs: number): PhaseTone {
  if (usedMs >= budgetMs) return 'red';
  if (usedMs >= budgetMs * 0.8) return 'amber';
  return 'calm';
}
