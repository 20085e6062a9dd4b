import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptProgressInput, AttemptView, ChannelOutput, IpcError, Settings } from '../../../electron/ipc/contract';
import { MOCK_PHASES, nextPhase, type MockPhase } from '../../../prompts/mockPlan';
import type { AskedQuestion, PhaseEvent, TypedEstimate } from '../../../prompts/mockReport';
import { deadlineAt, elapsedMs, observe, remainingMs, reopen, type TimerState } from '../../../prompts/mockTimer';
import { callApi } from '../api';
import { registerActiveMock } from './flushActiveMock';
import { createProgressSaver } from './progressSaver';
import { submitAttempt, timerOf } from './submitAttempt';

type Prompt = ChannelOutput<'prompts:get'>;

/** A change is in SQLite within this long (the product asks for 1 s). */
export const PROGRESS_SAVE_MS = 500;
/** How often the countdowns are redrawn; the time itself always comes from the wall clock. */
export const TICK_MS = 250;
/** Written even without a change, so the "last seen" time is fresh if the app is closed. */
export const HEARTBEAT_MS = 5_000;

export interface MockState {
  readonly timer: TimerState;
  readonly phase: MockPhase;
  readonly events: readonly PhaseEvent[];
  readonly diagram: string;
  readonly notes: Readonly<Partial<Record<MockPhase, string>>>;
  readonly estimates: readonly TypedEstimate[];
  readonly questions: readonly AskedQuestion[];
  readonly curveballId: string | null;
}

export interface MockSession {
  readonly state: MockState;
  /** Wall-clock time of the last redraw. */
  readonly now: number;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly phaseEnteredMs: number;
  readonly submitting: boolean;
  readonly error: IpcError | undefined;
  readonly saveError: IpcError | undefined;
  nextPhase(): void;
  ask(index: number): void;
  setNote(phase: MockPhase, text: string): void;
  setEstimate(id: string, typed: string): void;
  setDiagram(text: string): void;
  /** Writes the latest state now (editor blur). */
  flush(): void;
  submit(): void;
}

function initialState(attempt: AttemptView, now: number, policy: Settings['mockTimeWhileClosed']): MockState {
  const timer = reopen(timerOf(attempt), now, policy);
  const phase = attempt.phase ?? 'requirements';
  const events: PhaseEvent[] =
    attempt.events.length > 0 ? [...attempt.events] : [{ kind: 'entered', phase: 'requirements', at: attempt.startedAt, elapsedMs: 0 }];
  return {
    timer,
    phase,
    events,
    diagram: attempt.diagram,
    notes: attempt.notes,
    estimates: attempt.estimates,
    questions: attempt.questions,
    curveballId: attempt.curveballId,
  };
}

export function toProgress(id: number, state: MockState): AttemptProgressInput {
  return {
    id,
    phase: state.phase,
    clockOffsetMs: state.timer.offsetMs,
    lastSeenAt: state.timer.lastSeenAt,
    deadlineAt: deadlineAt(state.timer),
    diagram: state.diagram,
    notes: { ...state.notes },
    estimates: [...state.estimates],
    questions: [...state.questions],
    curveballId: state.curveballId,
    events: [...state.events],
  };
}

/** Whether the prompt's curveball is due: its moment has come and the deep dive has started. */
function dueCurveball(prompt: Prompt, state: MockState, elapsed: number): string | undefined {
  if (state.curveballId !== null) return undefined;
  const curveball = prompt.curveballs?.[0];
  if (curveball === undefined) return undefined;
  const reachedDeepDive = MOCK_PHASES.indexOf(state.phase) >= MOCK_PHASES.indexOf('deep-dive');
  return reachedDeepDive && elapsed >= curveball.at * state.timer.limitMs ? curveball.id : undefined;
}

/**
 * One running mock interview: its state, kept in SQLite as it changes (within PROGRESS_SAVE_MS,
 * at once on a phase change, the curveball, blur and a hidden or closing page), the countdowns
 * from the wall clock, the curveball at its moment and the submission at zero.
 */
export function useMockSession(
  attempt: AttemptView,
  prompt: Prompt,
  policy: Settings['mockTimeWhileClosed'],
  onSubmitted: (attempt: AttemptView) => void,
): MockSession {
  const [state, setState] = useState<MockState>(() => initialState(attempt, Date.now(), policy));
  const [now, setNow] = useState(() => Date.now());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();
  const [saveError, setSaveError] = useState<IpcError | undefined>();
  const latest = useRef(state);
  const submitted = useRef(false);

  // One saver per mounted session (the screen is keyed by attempt).
  const [saver] = useState(() =>
    createProgressSaver<AttemptProgressInput>({
      save: (progress) => callApi((api) => api.saveAttempt(progress)),
      maxDelayMs: PROGRESS_SAVE_MS,
      onError: setSaveError,
    }),
  );

  /** Applies a change; `urgent` writes it at once instead of within PROGRESS_SAVE_MS. */
  const update = useCallback(
    (change: (s: MockState) => MockState, urgent = false): void => {
      if (submitted.current) return;
      const at = Date.now();
      const next = change({ ...latest.current, timer: observe(latest.current.timer, at) });
      latest.current = next;
      setState(next);
      saver.change(toProgress(attempt.id, next));
      if (urgent) void saver.flush();
    },
    [saver, attempt.id],
  );

  const submit = useCallback((): void => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    const at = Date.now();
    const final = { ...latest.current, timer: observe(latest.current.timer, at) };
    void saver
      .flush()
      .then(() => submitAttempt(prompt, attempt, toProgress(attempt.id, final), at))
      .then((result) => {
        if (result.ok) {
          onSubmitted(result.value);
        } else {
          submitted.current = false;
          setSubmitting(false);
          setError(result.error);
        }
      });
  }, [saver, prompt, attempt, onSubmitted]);

  // The clock: redraw, bring up the curveball at its moment, submit at zero.
  useEffect(() => {
    const tick = (): void => {
      const at = Date.now();
      setNow(at);
      const current = latest.current;
      const timer = observe(current.timer, at);
      if (remainingMs(timer, at) === 0) {
        submit();
        return;
      }
      const elapsed = elapsedMs(timer, at);
      const curveballId = dueCurveball(prompt, current, elapsed);
      if (curveballId !== undefined) {
        update(
          (s) => ({
            ...s,
            curveballId,
            events: [...s.events, { kind: 'curveball', phase: s.phase, at, elapsedMs: elapsedMs(s.timer, at), detail: curveballId }],
          }),
          true,
        );
      } else if (timer !== current.timer) {
        latest.current = { ...current, timer };
        setState(latest.current);
      }
    };
    tick();
    const interval = setInterval(tick, TICK_MS);
    const heartbeat = setInterval(() => update((s) => s), HEARTBEAT_MS);
    return () => {
      clearInterval(interval);
      clearInterval(heartbeat);
    };
  }, [prompt, submit, update]);

  // Written at once when the window loses focus, is hidden or closes, and when the screen goes.
  useEffect(() => {
    const unregister = registerActiveMock(() => saver.flush());
    saver.change(toProgress(attempt.id, latest.current));
    const flush = (): void => {
      if (submitted.current) return;
      saver.change(toProgress(attempt.id, { ...latest.current, timer: observe(latest.current.timer, Date.now()) }));
      void saver.flush();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      unregister();
      flush();
    };
  }, [saver, attempt.id]);

  // The state holds the timer as of the last tick (a clock set backwards is absorbed there).
  const elapsed = elapsedMs(state.timer, now);
  const entered = [...state.events].reverse().find((e) => e.kind === 'entered' && e.phase === state.phase);

  return {
    state,
    now,
    elapsedMs: elapsed,
    remainingMs: remainingMs(state.timer, now),
    phaseEnteredMs: entered?.elapsedMs ?? 0,
    submitting,
    error,
    saveError,
    nextPhase: () =>
      update((s) => {
        const next = nextPhase(s.phase);
        if (next === undefined) return s;
        const at = s.timer.lastSeenAt;
        const e = elapsedMs(s.timer, at);
        return {
          ...s,
          phase: next,
          events: [...s.events, { kind: 'left', phase: s.phase, at, elapsedMs: e }, { kind: 'entered', phase: next, at, elapsedMs: e }],
        };
      }, true),
    ask: (index) =>
      update((s) => (s.questions.some((q) => q.index === index) ? s : { ...s, questions: [...s.questions, { index, elapsedMs: elapsedMs(s.timer, s.timer.lastSeenAt) }] })),
    setNote: (phase, text) => update((s) => ({ ...s, notes: { ...s.notes, [phase]: text } })),
    setEstimate: (id, typed) => update((s) => ({ ...s, estimates: [...s.estimates.filter((e) => e.id !== id), { id, typed }] })),
    setDiagram: (text) => update((s) => ({ ...s, diagram: text })),
    flush: () => void saver.flush(),
    submit,
  };
}
