import type { GradeReport } from '../rubrics/grade';
import type { GradingParams } from '../rubrics/params';
import type { ParseError } from '../rubrics/parse/types';
import type { Finding } from '../rubrics/rules/types';
import type { Score } from '../rubrics/score';
import type { RuleId } from '../rubrics/vocabulary';
import { VERDICT_TITLES, judgeEstimate, type Verdict } from './estimates';
import { MOCK_PHASES, PHASE_TITLES, type MockPhase } from './mockPlan';
import type { Curveball, CurveballFeature, Prompt } from './schema';

/**
 * What a submitted attempt's report holds, built from the prompt, what the candidate did and the
 * grader's output. Pure: the renderer builds it, main validates it (IPC contract) and stores it.
 */

export type PhaseEventKind = 'entered' | 'left' | 'curveball';

export interface PhaseEvent {
  readonly kind: PhaseEventKind;
  readonly phase: MockPhase;
  /** Wall-clock time (ms since epoch). */
  readonly at: number;
  /** Interview time elapsed (see prompts/mockTimer.ts): what phase durations are computed from. */
  readonly elapsedMs: number;
  readonly detail?: string;
}

export interface AskedQuestion {
  /** Index in the prompt's clarifyingQuestions. */
  readonly index: number;
  readonly elapsedMs: number;
}

export interface TypedEstimate {
  readonly id: string;
  readonly typed: string;
}

export type AttemptOutcome = 'graded' | 'no-design' | 'unparsable';

export interface ReportEstimate {
  readonly id: string;
  readonly label: string;
  readonly typed: string;
  /** The typed value in the prompt's unit; absent when it could not be read or compared. */
  readonly value?: number;
  readonly expected: number;
  readonly unit: string;
  readonly verdict: Verdict;
  readonly note: string;
  readonly derivation: string;
}

export interface ReportQuestion {
  readonly question: string;
  readonly answer: string;
  readonly askedAtMs?: number;
}

export interface ReportPhase {
  readonly phase: MockPhase;
  readonly title: string;
  readonly budgetMs: number;
  readonly usedMs: number;
}

export interface ReportCurveball {
  readonly id: string;
  readonly change: string;
  readonly absorbedWhen: string;
  readonly shownAtMs: number;
  readonly absorbed: boolean;
  /** Findings under the changed rubric that show the change was not absorbed. */
  readonly problems: readonly string[];
}

export interface Coverage {
  readonly capabilities: readonly { id: string; title: string; met: boolean; nodes: readonly string[] }[];
  readonly served: number;
  readonly total: number;
}

export interface AttemptReport {
  readonly outcome: AttemptOutcome;
  readonly score?: Score;
  readonly findings: readonly Finding[];
  readonly coverage?: Coverage;
  readonly parseErrors: readonly { line: number; column: number; message: string }[];
  readonly curveball?: ReportCurveball;
  readonly estimates: readonly ReportEstimate[];
  readonly questions: readonly ReportQuestion[];
  readonly phases: readonly ReportPhase[];
}

/** The rule that grades each feature a curveball can raise. */
const FEATURE_RULE: Readonly<Record<CurveballFeature, RuleId>> = {
  caching: 'caching',
  cdn: 'cdn-object-storage',
  objectStorage: 'cdn-object-storage',
  async: 'async-processing',
  sharding: 'sharding',
  replication: 'replication',
};

/** The grading parameters once the curveball's requirement change is in force. */
export function paramsWithCurveball(params: GradingParams, curveball: Curveball): GradingParams {
  const { rubric } = params;
  const rules = { ...rubric.rules };
  for (const rule of curveball.rubric.require) {
    const weight = rules[rule];
    if (weight !== undefined) rules[rule] = { ...weight, required: true };
  }
  const raise = curveball.rubric.raise;
  return {
    ...params,
    rubric: {
      ...rubric,
      rules,
      caching: raise.caching ?? rubric.caching,
      cdn: raise.cdn ?? rubric.cdn,
      objectStorage: raise.objectStorage ?? rubric.objectStorage,
      async: { ...rubric.async, need: raise.async ?? rubric.async.need },
      sharding: { ...rubric.sharding, need: raise.sharding ?? rubric.sharding.need },
      replication: {
        ...rubric.replication,
        need: raise.replication ?? rubric.replication.need,
        multiRegion: curveball.rubric.multiRegion ?? rubric.replication.multiRegion,
      },
    },
  };
}

/** The rules a curveball's change is judged by. */
export function curveballRules(curveball: Curveball): readonly RuleId[] {
  const rules = new Set<RuleId>(curveball.rubric.require);
  for (const feature of Object.keys(curveball.rubric.raise) as CurveballFeature[]) rules.add(FEATURE_RULE[feature]);
  if (curveball.rubric.multiRegion === true) rules.add('replication');
  return [...rules];
}

/** Absorbed: no critical or major finding, under the changed rubric, in a rule the change touches. */
export function judgeCurveball(curveball: Curveball, findings: readonly Finding[]): { absorbed: boolean; problems: readonly string[] } {
  const rules = new Set(curveballRules(curveball));
  const problems = findings.filter((f) => rules.has(f.rule) && (f.severity === 'critical' || f.severity === 'major')).map((f) => f.message);
  return { absorbed: problems.length === 0, problems };
}

/** Time spent in each phase, from the entered/left events (an open phase runs to `endElapsedMs`). */
export function phaseTimes(events: readonly PhaseEvent[], endElapsedMs: number): Readonly<Record<MockPhase, number>> {
  const used = Object.fromEntries(MOCK_PHASES.map((p) => [p, 0])) as Record<MockPhase, number>;
  let open: PhaseEvent | undefined;
  for (const event of events) {
    if (event.kind === 'entered') {
      if (open !== undefined) used[open.phase] += Math.max(0, event.elapsedMs - open.elapsedMs);
      open = event;
    } else if (event.kind === 'left' && open !== undefined && open.phase === event.phase) {
      used[open.phase] += Math.max(0, event.elapsedMs - open.elapsedMs);
      open = undefined;
    }
  }
  if (open !== undefined) used[open.phase] += Math.max(0, endElapsedMs - open.elapsedMs);
  return used;
}

export type GradeOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unparsable'; readonly errors: readonly ParseError[] }
  | { readonly kind: 'graded'; readonly report: GradeReport & { readonly coverage?: Coverage } };

export interface ReportInput {
  readonly prompt: Prompt;
  readonly grade: GradeOutcome;
  /** Mock interviews only; practice attempts have no phases, estimates or curveball. */
  readonly mock?: {
    readonly plan: readonly { phase: MockPhase; budgetMs: number }[];
    readonly events: readonly PhaseEvent[];
    readonly endElapsedMs: number;
    readonly estimates: readonly TypedEstimate[];
    readonly questions: readonly AskedQuestion[];
    readonly curveballId?: string;
  };
}

export function isEmptyDesign(diagram: string): boolean {
  // A diagram with nothing but its header (e.g. `flowchart LR`) is not a design either.
  return diagram.split('\n').every((line) => line.trim() === '' || /^(flowchart|graph)(\s+\w+)?\s*;?$/i.test(line.trim()) || line.trim().startsWith('%%'));
}

export function buildAttemptReport(input: ReportInput): AttemptReport {
  const { prompt, grade, mock } = input;
  const findings = grade.kind === 'graded' ? grade.report.findings : [];
  const shown = mock?.curveballId === undefined ? undefined : prompt.curveballs?.find((c) => c.id === mock.curveballId);
  const shownEvent = mock?.events.find((e) => e.kind === 'curveball');
  const typed = new Map((mock?.estimates ?? []).map((e) => [e.id, e.typed]));
  const asked = new Map((mock?.questions ?? []).map((q) => [q.index, q.elapsedMs]));
  const used = mock === undefined ? undefined : phaseTimes(mock.events, mock.endElapsedMs);

  return {
    outcome: grade.kind === 'graded' ? 'graded' : grade.kind === 'empty' ? 'no-design' : 'unparsable',
    ...(grade.kind === 'graded' ? { score: grade.report.score } : {}),
    findings,
    ...(grade.kind === 'graded' && grade.report.coverage !== undefined ? { coverage: grade.report.coverage } : {}),
    parseErrors: grade.kind === 'unparsable' ? grade.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })) : [],
    ...(shown === undefined
      ? {}
      : {
          curveball: {
            id: shown.id,
            change: shown.change,
            absorbedWhen: shown.absorbed,
            shownAtMs: shownEvent?.elapsedMs ?? 0,
            ...(grade.kind === 'graded' ? judgeCurveball(shown, findings) : { absorbed: false, problems: ['No design was graded.'] }),
          },
        }),
    estimates:
      mock === undefined
        ? []
        : prompt.estimates.map((estimate) => {
            const judged = judgeEstimate(estimate, typed.get(estimate.id) ?? '');
            return {
              id: estimate.id,
              label: estimate.label,
              typed: judged.typed,
              ...(judged.value === undefined ? {} : { value: judged.value }),
              expected: estimate.value,
              unit: estimate.unit,
              verdict: judged.verdict,
              note: judged.note,
              derivation: estimate.derivation,
            };
          }),
    questions:
      mock === undefined
        ? []
        : prompt.clarifyingQuestions.map((q, index) => {
            const at = asked.get(index);
            return { question: q.question, answer: q.answer, ...(at === undefined ? {} : { askedAtMs: at }) };
          }),
    phases:
      mock === undefined || used === undefined
        ? []
        : mock.plan.map(({ phase, budgetMs }) => ({ phase, title: PHASE_TITLES[phase], budgetMs, usedMs: used[phase] })),
  };
}

export { VERDICT_TITLES };
