import type { AttemptProgressInput, AttemptView, ChannelOutput, IpcResult } from '../../../electron/ipc/contract';
import { elapsedMs, type TimerState } from '../../../prompts/mockTimer';
import { buildAttemptReport, isEmptyDesign, paramsWithCurveball, type GradeOutcome } from '../../../prompts/mockReport';
import { gradeFlowchart } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import { callApi } from '../api';
import { parseForGrading } from '../mermaid/index';

type Prompt = ChannelOutput<'prompts:get'>;

/** The prompt's grading parameters, with the curveball's changes once it was shown. */
export function gradingParams(prompt: Prompt, curveballId: string | null): GradingParams {
  const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };
  const curveball = curveballId === null ? undefined : prompt.curveballs?.find((c) => c.id === curveballId);
  return curveball === undefined ? params : paramsWithCurveball(params, curveball);
}

/** An empty diagram is never graded: it is "no design submitted". */
export async function gradeDiagram(diagram: string, params: GradingParams): Promise<GradeOutcome> {
  if (isEmptyDesign(diagram)) return { kind: 'empty' };
  const parsed = await parseForGrading(diagram);
  if (!parsed.ok) return { kind: 'unparsable', errors: parsed.errors };
  return { kind: 'graded', report: gradeFlowchart(parsed.flowchart, params) };
}

export function timerOf(attempt: Pick<AttemptView, 'startedAt' | 'timeLimitMs' | 'clockOffsetMs' | 'lastSeenAt'>): TimerState {
  return { startedAt: attempt.startedAt, limitMs: attempt.timeLimitMs ?? 0, offsetMs: attempt.clockOffsetMs, lastSeenAt: attempt.lastSeenAt };
}

export function progressOf(attempt: AttemptView): AttemptProgressInput {
  return {
    id: attempt.id,
    phase: attempt.phase,
    clockOffsetMs: attempt.clockOffsetMs,
    lastSeenAt: attempt.lastSeenAt,
    deadlineAt: attempt.deadlineAt,
    diagram: attempt.diagram,
    notes: attempt.notes,
    estimates: attempt.estimates,
    questions: attempt.questions,
    curveballId: attempt.curveballId,
    events: attempt.events,
  };
}

/**
 * Grades what the attempt holds and stores it as submitted. `progress` is the latest state (the
 * stored one when submitting on launch); `now` is the submission time, capped at the deadline for
 * a mock so time spent closed past the end is not reported as interview time.
 */
export async function submitAttempt(prompt: Prompt, attempt: AttemptView, progress: AttemptProgressInput, now: number): Promise<IpcResult<AttemptView>> {
  const grade = await gradeDiagram(progress.diagram, gradingParams(prompt, progress.curveballId));
  const timer = timerOf({ ...attempt, clockOffsetMs: progress.clockOffsetMs, lastSeenAt: progress.lastSeenAt });
  const endElapsedMs = attempt.mode === 'mock' ? Math.min(elapsedMs(timer, now), timer.limitMs) : 0;
  const report = buildAttemptReport({
    prompt,
    grade,
    ...(attempt.mode === 'mock'
      ? {
          mock: {
            plan: attempt.phasePlan,
            events: progress.events,
            endElapsedMs,
            estimates: progress.estimates,
            questions: progress.questions,
            ...(progress.curveballId === null ? {} : { curveballId: progress.curveballId }),
          },
        }
      : {}),
  });
  const submittedAt = Math.max(now, attempt.startedAt);
  return callApi((api) =>
    api.submitAttempt({
      progress: { ...progress, lastSeenAt: Math.max(progress.lastSeenAt, attempt.startedAt) },
      submittedAt,
      // buildAttemptReport holds only what the contract stores (tests/prompts/mockReport.test.ts).
      report: JSON.parse(JSON.stringify(report)) as Parameters<typeof api.submitAttempt>[0]['report'],
    }),
  );
}
