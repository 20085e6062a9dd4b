/**
 * Seeds a database with submitted attempts through the real attempts store, for the benchmarks
 * that need a lived-in database (history paging, progress, practice next, backup).
 *
 * Deterministic: the same options give the same rows. Attempts are spread over `spanMs` (two
 * years by default) ending at `endAt`, over every built-in prompt (18), about one in three a mock
 * interview. Each stores a real report: every prompt's reference design, its naive design and
 * two partial reference designs (lines dropped) are graded once, and an attempt takes one of those
 * reports, better ones more often as time goes on, so scores improve over the two years and the
 * per-rule and per-concept rows are the grader's own.
 */
import { createHash } from 'node:crypto';
import { createAttemptsRepo, resultRows, type AttemptId, type AttemptProgress } from '../electron/db/attempts';
import type { Db, EpochMs } from '../electron/db/types';
import { phasePlan, type MockLengthMin } from '../prompts/mockPlan';
import { buildAttemptReport, type AttemptReport, type GradeOutcome, type PhaseEvent } from '../prompts/mockReport';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../prompts/node/load';
import type { Prompt } from '../prompts/schema';
import { gradeFlowchart } from '../rubrics/grade';
import { parseMermaid } from '../rubrics/parse/node/index';
import { GRADER_VERSION } from '../rubrics/version';
import { seededRandom, type Random } from './diagrams';

export interface SeedAttemptsOptions {
  readonly count: number;
  readonly seed: number;
  /** Submission time of the newest attempt at most; default 2026-12-01T00:00Z. */
  readonly endAt?: EpochMs;
  /** How far back the oldest attempt may start; default two years (730 days). */
  readonly spanMs?: number;
  /** Default: the built-in prompts. */
  readonly prompts?: readonly Prompt[];
}

export interface SeedAttemptsResult {
  readonly count: number;
  readonly promptIds: readonly string[];
  readonly firstSubmittedAt: EpochMs;
  readonly lastSubmittedAt: EpochMs;
}

export const SEED_END_AT: EpochMs = Date.UTC(2026, 11, 1);
const DAY_MS = 86_400_000;
const TWO_YEARS_MS = 730 * DAY_MS;
const MOCK_LENGTHS: readonly MockLengthMin[] = [30, 45, 60];

interface Design {
  readonly diagram: string;
  readonly grade: GradeOutcome;
  readonly total: number;
}

/** A reference design with some of its lines dropped: a realistic half-finished answer. */
function partialDesign(mermaid: string, keep: number, random: Random): string {
  const [header = 'flowchart LR', ...body] = mermaid.split('\n');
  return [header, ...body.filter(() => random() < keep)].join('\n');
}

async function gradeDesign(prompt: Prompt, diagram: string): Promise<Design> {
  const parsed = await parseMermaid(diagram);
  if (!parsed.ok) return { diagram, grade: { kind: 'unparsable', errors: parsed.errors }, total: 0 };
  const report = gradeFlowchart(parsed.flowchart, { rubric: prompt.rubric, entities: prompt.entities });
  return { diagram, grade: { kind: 'graded', report }, total: report.score.total };
}

/** The prompt's designs, worst score first. */
async function designsFor(prompt: Prompt, random: Random): Promise<readonly Design[]> {
  const diagrams = [prompt.naive.mermaid, partialDesign(prompt.reference.mermaid, 0.5, random), partialDesign(prompt.reference.mermaid, 0.8, random), prompt.reference.mermaid];
  const graded = await Promise.all(diagrams.map((d) => gradeDesign(prompt, d)));
  return [...graded].sort((a, b) => a.total - b.total);
}

function mockDetails(prompt: Prompt, lengthMin: MockLengthMin, startedAt: EpochMs, random: Random) {
  const plan = phasePlan(lengthMin).map(({ phase, budgetMs }) => ({ phase, budgetMs }));
  const events: PhaseEvent[] = [];
  let elapsed = 0;
  for (const { phase, budgetMs } of plan) {
    events.push({ kind: 'entered', phase, at: startedAt + elapsed, elapsedMs: elapsed });
    elapsed += Math.round(budgetMs * (0.6 + random() * 0.6));
    events.push({ kind: 'left', phase, at: startedAt + elapsed, elapsedMs: elapsed });
  }
  const limitMs = lengthMin * 60_000;
  const endElapsedMs = Math.min(elapsed, limitMs);
  const estimates = prompt.estimates.map((e) => ({ id: e.id, typed: random() < 0.8 ? `${Math.round(e.value * (0.3 + random() * 3))} ${e.unit}` : '' }));
  const questions = prompt.clarifyingQuestions.flatMap((_, index) => (random() < 0.5 ? [{ index, elapsedMs: Math.round(random() * 300_000) }] : []));
  return { plan, events, endElapsedMs, estimates, questions, limitMs };
}

/**
 * Adds `count` submitted attempts (one transaction) and says what it wrote. Ids grow with the
 * submission time, as they do in the app.
 */
export async function seedAttempts(db: Db, options: SeedAttemptsOptions): Promise<SeedAttemptsResult> {
  const random = seededRandom(options.seed);
  const prompts = options.prompts ?? loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts;
  if (prompts.length === 0) throw new Error('seedAttempts: no prompts to attempt');
  const endAt = options.endAt ?? SEED_END_AT;
  const spanMs = options.spanMs ?? TWO_YEARS_MS;
  const designs = new Map<string, readonly Design[]>();
  for (const prompt of prompts) designs.set(prompt.id, await designsFor(prompt, random));
  const hashes = new Map(prompts.map((p) => [p.id, createHash('sha256').update(JSON.stringify(p)).digest('hex')]));

  const starts = Array.from({ length: options.count }, () => endAt - spanMs + Math.floor(random() * (spanMs - 2 * 60 * 60_000))).sort((a, b) => a - b);
  const repo = createAttemptsRepo(db);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;

  db.transaction(() => {
    starts.forEach((startedAt) => {
      const prompt = prompts[Math.floor(random() * prompts.length)] as Prompt;
      const ladder = designs.get(prompt.id) ?? [];
      // Later attempts lean towards the better designs: progress over the two years.
      const progressFraction = (startedAt - (endAt - spanMs)) / spanMs;
      const index = Math.min(ladder.length - 1, Math.floor(Math.pow(random(), 1.5 - progressFraction) * ladder.length));
      const design = ladder[index] as Design;
      const isMock = random() < 0.35;
      const lengthMin = MOCK_LENGTHS[Math.floor(random() * MOCK_LENGTHS.length)] as MockLengthMin;
      const mock = isMock ? mockDetails(prompt, lengthMin, startedAt, random) : undefined;
      const id = repo.start({
        promptId: prompt.id,
        mode: isMock ? 'mock' : 'practice',
        startedAt,
        promptHash: hashes.get(prompt.id) ?? '',
        graderVersion: GRADER_VERSION,
        timeLimitMs: mock === undefined ? null : mock.limitMs,
        phasePlan: mock?.plan ?? [],
        phase: mock === undefined ? null : 'requirements',
      });
      const durationMs = mock === undefined ? Math.round((5 + random() * 40) * 60_000) : mock.endElapsedMs;
      const submittedAt = startedAt + durationMs;
      const report: AttemptReport = buildAttemptReport({
        prompt,
        grade: design.grade,
        ...(mock === undefined ? {} : { mock: { plan: mock.plan, events: mock.events, endElapsedMs: mock.endElapsedMs, estimates: mock.estimates, questions: mock.questions } }),
      });
      const progress: AttemptProgress = {
        id: id satisfies AttemptId,
        phase: mock === undefined ? null : 'wrap-up',
        clockOffsetMs: 0,
        lastSeenAt: submittedAt,
        deadlineAt: mock === undefined ? null : startedAt + mock.limitMs,
        diagram: design.diagram,
        notes: mock === undefined ? {} : { requirements: 'Reads dominate; ask about peak traffic.', 'wrap-up': 'Shard by user id; replicate across zones.' },
        estimates: mock?.estimates ?? [],
        questions: mock?.questions ?? [],
        curveballId: null,
        events: mock?.events ?? [],
      };
      repo.submit({ progress, submittedAt, report, ...resultRows(report, prompt.concepts) });
      first = Math.min(first, submittedAt);
      last = Math.max(last, submittedAt);
    });
  })();

  return { count: options.count, promptIds: prompts.map((p) => p.id), firstSubmittedAt: first, lastSubmittedAt: last };
}
