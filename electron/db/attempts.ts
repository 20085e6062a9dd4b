import type { Db, EpochMs } from './types';
import type { AttemptMode } from '../ipc/contract';

export type AttemptStatus = 'in_progress' | 'submitted' | 'abandoned';

/** Branded so an attempt id is never confused with another number. */
export type AttemptId = number & { readonly __brand: 'AttemptId' };

export interface AttemptRecord {
  readonly id: AttemptId;
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly status: AttemptStatus;
  readonly startedAt: EpochMs;
  /** Mock interviews have a deadline; practice attempts do not. */
  readonly deadlineAt: EpochMs | null;
  readonly submittedAt: EpochMs | null;
  readonly diagram: string;
  /** Grader output, stored as JSON and handed back parsed; its shape belongs to the grader. */
  readonly score: unknown;
  readonly findings: unknown;
}

export interface StartAttempt {
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly startedAt: EpochMs;
  readonly deadlineAt?: EpochMs;
}

export interface SubmitAttempt {
  readonly id: AttemptId;
  readonly submittedAt: EpochMs;
  readonly diagram: string;
  readonly score: unknown;
  readonly findings: unknown;
}

export interface AttemptsRepo {
  start(attempt: StartAttempt): AttemptId;
  get(id: AttemptId): AttemptRecord | null;
  listForPrompt(promptId: string): readonly AttemptRecord[];
  saveDiagram(id: AttemptId, diagram: string): boolean;
  /** Returns false when the attempt does not exist or is no longer in progress. */
  submit(submission: SubmitAttempt): boolean;
  abandon(id: AttemptId): boolean;
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
  score_json: string | null;
  findings_json: string | null;
}

const COLUMNS = 'id, prompt_id, mode, status, started_at, deadline_at, submitted_at, diagram, score_json, findings_json';

export function createAttemptsRepo(db: Db): AttemptsRepo {
  const insert = db.prepare<[string, string, number, number | null]>(
    `INSERT INTO attempts (prompt_id, mode, status, started_at, deadline_at) VALUES (?, ?, 'in_progress', ?, ?)`,
  );
  const selectOne = db.prepare<[number], AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE id = ?`);
  const selectForPrompt = db.prepare<[string], AttemptRow>(
    `SELECT ${COLUMNS} FROM attempts WHERE prompt_id = ? ORDER BY started_at DESC, id DESC`,
  );
  const updateDiagram = db.prepare<[string, number]>(
    `UPDATE attempts SET diagram = ? WHERE id = ? AND status = 'in_progress'`,
  );
  const updateSubmitted = db.prepare<[number, string, string, string, number]>(
    `UPDATE attempts SET status = 'submitted', submitted_at = ?, diagram = ?, score_json = ?, findings_json = ?
     WHERE id = ? AND status = 'in_progress'`,
  );
  const updateAbandoned = db.prepare<[number]>(`UPDATE attempts SET status = 'abandoned' WHERE id = ? AND status = 'in_progress'`);

  return {
    start(attempt) {
      const result = insert.run(attempt.promptId, attempt.mode, attempt.startedAt, attempt.deadlineAt ?? null);
      return Number(result.lastInsertRowid) as AttemptId;
    },
    get(id) {
      const row = selectOne.get(id);
      return row === undefined ? null : toRecord(row);
    },
    listForPrompt(promptId) {
      return selectForPrompt.all(promptId).map(toRecord);
    },
    saveDiagram(id, diagram) {
      return updateDiagram.run(diagram, id).changes === 1;
    },
    submit(s) {
      return updateSubmitted.run(s.submittedAt, s.diagram, toJson(s.score), toJson(s.findings), s.id).changes === 1;
    },
    abandon(id) {
      return updateAbandoned.run(id).changes === 1;
    },
  };
}

function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('grader output has no JSON representation');
  return json;
}

function toRecord(row: AttemptRow): AttemptRecord {
  return {
    id: row.id as AttemptId,
    promptId: row.prompt_id,
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    submittedAt: row.submitted_at,
    diagram: row.diagram,
    score: row.score_json === null ? null : (JSON.parse(row.score_json) as unknown),
    findings: row.findings_json === null ? null : (JSON.parse(row.findings_json) as unknown),
  };
}
