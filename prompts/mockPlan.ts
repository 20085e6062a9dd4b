/**
 * The phases of a mock interview and their time budgets, as data. 45 minutes follows the common
 * interview structure (requirements 5, estimates 5, high-level design 15, deep dive 15, wrap-up 5);
 * 30 minutes is the same plan scaled by 2/3 (to the second); 60 minutes gives the deep dive most
 * of the extra time.
 */

export const MOCK_PHASES = ['requirements', 'estimates', 'high-level', 'deep-dive', 'wrap-up'] as const;
export type MockPhase = (typeof MOCK_PHASES)[number];

export const MOCK_LENGTHS_MIN = [30, 45, 60] as const;
export type MockLengthMin = (typeof MOCK_LENGTHS_MIN)[number];
export const DEFAULT_MOCK_LENGTH_MIN: MockLengthMin = 45;

export const PHASE_TITLES: Readonly<Record<MockPhase, string>> = {
  requirements: 'Requirements and clarifying questions',
  estimates: 'Capacity estimates',
  'high-level': 'High-level design',
  'deep-dive': 'Deep dive',
  'wrap-up': 'Wrap-up',
};

/** Seconds per phase, in MOCK_PHASES order. */
export const PHASE_PLAN_SECONDS: Readonly<Record<MockLengthMin, readonly number[]>> = {
  30: [200, 200, 600, 600, 200],
  45: [300, 300, 900, 900, 300],
  60: [480, 420, 900, 1320, 480],
};

export interface PlannedPhase {
  readonly phase: MockPhase;
  readonly title: string;
  readonly budgetMs: number;
  /** Elapsed interview time at which the phase is due to start. */
  readonly startMs: number;
}

export function isMockLength(value: number): value is MockLengthMin {
  return (MOCK_LENGTHS_MIN as readonly number[]).includes(value);
}

export function phasePlan(lengthMin: MockLengthMin): readonly PlannedPhase[] {
  const seconds = PHASE_PLAN_SECONDS[lengthMin];
  let start = 0;
  return MOCK_PHASES.map((phase, index) => {
    const budgetMs = (seconds[index] ?? 0) * 1000;
    const planned = { phase, title: PHASE_TITLES[phase], budgetMs, startMs: start };
    start += budgetMs;
    return planned;
  });
}

export function nextPhase(phase: MockPhase): MockPhase | undefined {
  return MOCK_PHASES[MOCK_PHASES.indexOf(phase) + 1];
}

/** `m:ss`, or `h:mm:ss` past an hour; negative durations print with a leading minus. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${sign}${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}
