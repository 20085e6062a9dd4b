import type { Db, EpochMs } from './types';
import type { AttemptMode } from '../ipc/contract';
import type { AskedQuestion, AttemptOutcome, AttemptReport, PhaseEvent, TypedEstimate } from '../../prompts/mockReport';
import type { MockPhase } from '../../prompts/mockPlan';
import { SEVERITIES, type Severity } from '../../rubrics/vocabulary';

export type AttemptStatus = 'in_progress' | 'submitted' | 'abandoned';

/** Branded so an attempt id is never confused with another number. */
export type AttemptId = number & { readonly __brand: 'AttemptId' };

export interface PlannedBudget {
  readonly phase: MockPhase;
  readonly budgetMs: number;
}

/** What the candidate has done so far; written within a second of every change. */
export interface AttemptProgress {
  readonly id: AttemptId;
  readonly phase: MockPhase | null;
  readonly clockOffsetMs: number;
  readonly lastSeenAt: EpochMs;
  readonly deadlineAt: EpochMs | null;
  readonly diagram: string;
  readonly notes: Readonly<Partial<Record<MockPhase, string>>>;
  readonly estimates: readonly TypedEstimate[];
  readonly questions: readonly AskedQuestion[];
  readonly curveballId: string | null;
  /** Every event so far, oldest first; already stored ones are kept as they are. */
  readonly events: readonly PhaseEvent[];
}

export interface AttemptRecord extends Omit<AttemptProgress, 'id'> {
  readonly id: AttemptId;
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly status: AttemptStatus;
  readonly startedAt: EpochMs;
  readonly submittedAt: EpochMs | null;
  readonly promptHash: string;
  readonly graderVersion: string;
  /** Mock interviews have a time limit; practice attempts do not. */
  readonly timeLimitMs: number | null;
  readonly phasePlan: readonly PlannedBudget[];
  readonly outcome: AttemptOutcome | null;
  readonly totalScore: number | null;
  /** The stored report (validated by the IPC contract before it was written). */
  readonly report: unknown;
}

export interface StartAttempt {
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly startedAt: EpochMs;
  readonly promptHash: string;
  readonly graderVersion: string;
  readonly timeLimitMs: number | null;
  readonly phasePlan: readonly PlannedBudget[];
  readonly phase: MockPhase | null;
}

export interface RuleResultRow {
  readonly rule: string;
  readonly category: string;
  readonly weight: number;
  readonly required: boolean;
  readonly score: number;
  readonly findings: number;
  readonly worstSeverity: Severity | null;
}

export interface ConceptResultRow {
  readonly concept: string;
  readonly findings: number;
  /** No critical or major finding cites the concept. */
  readonly met: boolean;
}

export interface SubmitAttempt {
  readonly progress: AttemptProgress;
  readonly submittedAt: EpochMs;
  readonly report: AttemptReport;
  readonly rules: readonly RuleResultRow[];
  readonly concepts: readonly ConceptResultRow[];
}

export interface AttemptsRepo {
  start(attempt: StartAttempt): AttemptId;
  get(id: AttemptId): AttemptRecord | null;
  listForPrompt(promptId: string): readonly AttemptRecord[];
  inProgress(): readonly AttemptRecord[];
  /** Returns false when the attempt does not exist or is no longer in progress. */
  saveProgress(progress: AttemptProgress): boolean;
  /** Returns false when the attempt does not exist or is no longer in progress. */
  submit(submission: SubmitAttempt): boolean;
  abandon(id: AttemptId): boolean;
  ruleResults(id: AttemptId): readonly RuleResultRow[];
  conceptResults(id: AttemptId): readonly ConceptResultRow[];
}

interface AttemptRow {
  id: number;
  prompt_id: string;
  mode: AttemptMode;
  status: AttemptStatus;
  started_at: number;
  deadline_at: number | null;
  submitted_at: number | null;
  diagram: string;
  prompt_hash: string;
  grader_version: string;
  time_limit_ms: number | null;
  phase_plan_json: string;
  phase: MockPhase | null;
  clock_offset_ms: number;
  last_seen_at: number | null;
  notes_json: string;
  estimates_json: string;
  questions_json: string;
  curveball_id: string | null;
  outcome: AttemptOutcome | null;
  total_score: number | null;
  report_json: string | null;
}

interface EventRow {
  attempt_id: number;
  seq: number;
  kind: PhaseEvent['kind'];
  phase: MockPhase;
  at: number;
  elapsed_ms: number;
  detail: string | null;
}

const COLUMNS = `id, prompt_id, mode, status, started_at, deadline_at, submitted_at, diagram, prompt_hash, grader_version,
  time_limit_ms, phase_plan_json, phase, clock_offset_ms, last_seen_at, notes_json, estimates_json, questions_json,
  curveball_id, outcome, total_score, report_json`;

export function createAttemptsRepo(db: Db): AttemptsRepo {
  const insert = db.prepare<[string, string, number, number | null, string, string, number | null, string, string | null, number]>(
    `INSERT INTO attempts (prompt_id, mode, status, started_at, deadline_at, prompt_hash, grader_version, time_limit_ms, phase_plan_json, phase, last_seen_at)
     VALUES (?, ?, 'in_progress', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectOne = db.prepare<[number], AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE id = ?`);
  const selectForPrompt = db.prepare<[string], AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE prompt_id = ? ORDER BY started_at DESC, id DESC`);
  const selectInProgress = db.prepare<[], AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE status = 'in_progress' ORDER BY started_at DESC, id DESC`);
  const selectEvents = db.prepare<[number], EventRow>('SELECT * FROM attempt_phase_events WHERE attempt_id = ? ORDER BY seq');
  const insertEvent = db.prepare<[number, number, string, string, number, number, string | null]>(
    `INSERT OR IGNORE INTO attempt_phase_events (attempt_id, seq, kind, phase, at, elapsed_ms, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateProgress = db.prepare<[string | null, number, number, number | null, string, string, string, string, string | null, number]>(
    `UPDATE attempts SET phase = ?, clock_offset_ms = ?, last_seen_at = ?, deadline_at = ?, diagram = ?, notes_json = ?,
       estimates_json = ?, questions_json = ?, curveball_id = ?
     WHERE id = ? AND status = 'in_progress'`,
  );
  const updateSubmitted = db.prepare<[number, string | null, number | null, string, string | null, string, number]>(
    `UPDATE attempts SET status = 'submitted', submitted_at = ?, outcome = ?, total_score = ?, report_json = ?, score_json = ?, findings_json = ?
     WHERE id = ? AND status = 'in_progress'`,
  );
  const updateAbandoned = db.prepare<[number]>(`UPDATE attempts SET status = 'abandoned' WHERE id = ? AND status = 'in_progress'`);
  const insertRule = db.prepare<[number, string, string, number, number, number, number, string | null]>(
    'INSERT INTO attempt_rule_results (attempt_id, rule, category, weight, required, score, findings, worst_severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertConcept = db.prepare<[number, string, number, number]>(
    'INSERT INTO attempt_concept_results (attempt_id, concept, findings, met) VALUES (?, ?, ?, ?)',
  );
  const selectRules = db.prepare<[number], { rule: string; category: string; weight: number; required: number; score: number; findings: number; worst_severity: Severity | null }>(
    'SELECT rule, category, weight, required, score, findings, worst_severity FROM attempt_rule_results WHERE attempt_id = ? ORDER BY rule',
  );
  const selectConcepts = db.prepare<[number], { concept: string; findings: number; met: number }>(
    'SELECT concept, findings, met FROM attempt_concept_results WHERE attempt_id = ? ORDER BY concept',
  );

  const toRecord = (row: AttemptRow): AttemptRecord => ({
    id: row.id as AttemptId,
    promptId: row.prompt_id,
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    submittedAt: row.submitted_at,
    diagram: row.diagram,
    promptHash: row.prompt_hash,
    graderVersion: row.grader_version,
    timeLimitMs: row.time_limit_ms,
    phasePlan: JSON.parse(row.phase_plan_json) as PlannedBudget[],
    phase: row.phase,
    clockOffsetMs: row.clock_offset_ms,
    lastSeenAt: row.last_seen_at ?? row.started_at,
    notes: JSON.parse(row.notes_json) as Partial<Record<MockPhase, string>>,
    estimates: JSON.parse(row.estimates_json) as TypedEstimate[],
    questions: JSON.parse(row.questions_json) as AskedQuestion[],
    curveballId: row.curveball_id,
    events: selectEvents.all(row.id).map((e) => ({
      kind: e.kind,
      phase: e.phase,
      at: e.at,
      elapsedMs: e.elapsed_ms,
      ...(e.detail === null ? {} : { detail: e.detail }),
    })),
    outcome: row.outcome,
    totalScore: row.total_score,
    report: row.report_json === null ? null : (JSON.parse(row.report_json) as unknown),
  });

  const writeProgress = (p: AttemptProgress): boolean => {
    const changed =
      updateProgress.run(
        p.phase,
        p.clockOffsetMs,
        p.lastSeenAt,
        p.deadlineAt,
        p.diagram,
        JSON.stringify(p.notes),
        JSON.stringify(p.estimates),
        JSON.stringify(p.questions),
        p.curveballId,
        p.id,
      ).changes === 1;
    if (!changed) return false;
    p.events.forEach((e, seq) => insertEvent.run(p.id, seq, e.kind, e.phase, e.at, e.elapsedMs, e.detail ?? null));
    return true;
  };

  const saveProgress = db.transaction(writeProgress);
  const submit = db.transaction((s: SubmitAttempt): boolean => {
    if (!writeProgress(s.progress)) return false;
    const { report } = s;
    updateSubmitted.run(
      s.submittedAt,
      report.outcome,
      report.score?.total ?? null,
      JSON.stringify(report),
      report.score === undefined ? null : JSON.stringify(report.score),
      JSON.stringify(report.findings),
      s.progress.id,
    );
    for (const r of s.rules) insertRule.run(s.progress.id, r.rule, r.category, r.weight, r.required ? 1 : 0, r.score, r.findings, r.worstSeverity);
    for (const c of s.concepts) insertConcept.run(s.progress.id, c.concept, c.findings, c.met ? 1 : 0);
    return true;
  });

  return {
    start(a) {
      const deadline = a.timeLimitMs === null ? null : a.startedAt + a.timeLimitMs;
      const result = insert.run(a.promptId, a.mode, a.startedAt, deadline, a.promptHash, a.graderVersion, a.timeLimitMs, JSON.stringify(a.phasePlan), a.phase, a.startedAt);
      return Number(result.lastInsertRowid) as AttemptId;
    },
    get(id) {
      const row = selectOne.get(id);
      return row === undefined ? null : toRecord(row);
    },
    listForPrompt(promptId) {
      return selectForPrompt.all(promptId).map(toRecord);
    },
    inProgress() {
      return selectInProgress.all().map(toRecord);
    },
    saveProgress: (p) => saveProgress(p),
    submit: (s) => submit(s),
    abandon(id) {
      return updateAbandoned.run(id).changes === 1;
    },
    ruleResults(id) {
      return selectRules.all(id).map((r) => ({
        rule: r.rule,
        category: r.category,
        weight: r.weight,
        required: r.required === 1,
        score: r.score,
        findings: r.findings,
        worstSeverity: r.worst_severity,
      }));
    },
    conceptResults(id) {
      return selectConcepts.all(id).map((c) => ({ concept: c.concept, findings: c.findings, met: c.met === 1 }));
    },
  };
}

/**
 * The per-rule and per-concept rows of a report, so history and progress are plain SQL. Concepts
 * are the prompt's own plus any a finding cites; a concept is met when no critical or major
 * finding cites it. A design that was not graded has no rows.
 */
export function resultRows(report: AttemptReport, promptConcepts: readonly string[]): { rules: RuleResultRow[]; concepts: ConceptResultRow[] } {
  if (report.score === undefined) return { rules: [], concepts: [] };
  const rules = report.score.rules.map((r) => {
    const own = report.findings.filter((f) => f.rule === r.rule);
    const worst = SEVERITIES.find((severity) => own.some((f) => f.severity === severity)) ?? null;
    return { rule: r.rule, category: r.category, weight: r.weight, required: r.required, score: r.score, findings: own.length, worstSeverity: worst };
  });
  const conceptIds = [...new Set([...promptConcepts, ...report.findings.map((f) => f.concept)])];
  const concepts = conceptIds.map((concept) => {
    const own = report.findings.filter((f) => f.concept === concept);
    return { concept, findings: own.length, met: !own.some((f) => f.severity === 'critical' || f.severity === 'major') };
  });
  return { rules, concepts };
}
