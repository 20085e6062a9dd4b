import type { AttemptMode } from '../ipc/contract';
import type { AttemptId } from './attempts';
import type { Statement } from 'better-sqlite3';
import type { Db, EpochMs } from './types';

/**
 * The History screen's queries: submitted attempts newest first, filtered, paged by keyset
 * (`(submitted_at, id) < cursor`, never OFFSET, so a deep page costs what the first one does),
 * and the per-prompt figures the home screen's cards show. The indexes they use are migration 5.
 */

export interface HistoryFilter {
  readonly promptId?: string;
  readonly mode?: AttemptMode;
  /** Submitted at or after (inclusive). */
  readonly from?: EpochMs;
  /** Submitted before (exclusive). */
  readonly to?: EpochMs;
  /** Score bounds, inclusive; an attempt without a score (no design, unparsable) is left out when either is set. */
  readonly minScore?: number;
  readonly maxScore?: number;
}

/** The last row of the previous page. */
export interface HistoryCursor {
  readonly submittedAt: EpochMs;
  readonly id: number;
}

export interface HistoryRow {
  readonly id: AttemptId;
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly startedAt: EpochMs;
  readonly submittedAt: EpochMs;
  readonly totalScore: number | null;
  readonly graderVersion: string;
  readonly criticalFindings: number;
}

export interface HistoryPage {
  readonly rows: readonly HistoryRow[];
  /** Pass back for the next page; null on the last page. */
  readonly next: HistoryCursor | null;
}

export interface PromptStats {
  readonly promptId: string;
  readonly attempts: number;
  readonly bestScore: number | null;
  readonly lastSubmittedAt: EpochMs;
}

export const HISTORY_PAGE_SIZE = 50;

interface Row {
  id: number;
  prompt_id: string;
  mode: AttemptMode;
  started_at: number;
  submitted_at: number;
  total_score: number | null;
  grader_version: string;
  critical: number;
}

type Bound = string | number;

/** The WHERE clause and its parameters, in a fixed order so equal shapes share one statement. */
function whereClause(filter: HistoryFilter, cursor: HistoryCursor | null): { sql: string; params: Bound[] } {
  // `status = 'submitted'` as an equality on the index's column (see migration 5).
  const parts = ["status = 'submitted'"];
  const params: Bound[] = [];
  const add = (sql: string, ...values: Bound[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filter.promptId !== undefined) add('prompt_id = ?', filter.promptId);
  if (filter.mode !== undefined) add('mode = ?', filter.mode);
  if (filter.from !== undefined) add('submitted_at >= ?', filter.from);
  if (filter.to !== undefined) add('submitted_at < ?', filter.to);
  if (filter.minScore !== undefined) add('total_score >= ?', filter.minScore);
  if (filter.maxScore !== undefined) add('total_score <= ?', filter.maxScore);
  if (cursor !== null) add('(submitted_at, id) < (?, ?)', cursor.submittedAt, cursor.id);
  return { sql: parts.join(' AND '), params };
}

/** The page query for a filter shape (exported so the query-plan test reads exactly this SQL). */
export function historySql(filter: HistoryFilter, cursor: HistoryCursor | null, limit: number): { sql: string; params: Bound[] } {
  const where = whereClause(filter, cursor);
  return {
    sql: `SELECT id, prompt_id, mode, started_at, submitted_at, total_score, grader_version,
        (SELECT count(*) FROM json_each(attempts.findings_json) WHERE json_extract(value, '$.severity') = 'critical') AS critical
      FROM attempts WHERE ${where.sql}
      ORDER BY submitted_at DESC, id DESC LIMIT ${Math.trunc(limit) + 1}`,
    params: where.params,
  };
}

export const PROMPT_STATS_SQL = `SELECT prompt_id, count(*) AS attempts, max(total_score) AS best, max(submitted_at) AS last
  FROM attempts WHERE status = 'submitted' GROUP BY prompt_id`;

export interface HistoryRepo {
  page(filter: HistoryFilter, cursor: HistoryCursor | null, limit?: number): HistoryPage;
  promptStats(): readonly PromptStats[];
}

export function createHistoryRepo(db: Db): HistoryRepo {
  const statements = new Map<string, Statement<Bound[], Row>>();
  const statement = (sql: string) => {
    let found = statements.get(sql);
    if (found === undefined) {
      found = db.prepare<Bound[], Row>(sql);
      statements.set(sql, found);
    }
    return found;
  };
  const stats = db.prepare<[], { prompt_id: string; attempts: number; best: number | null; last: number }>(PROMPT_STATS_SQL);

  return {
    page(filter, cursor, limit = HISTORY_PAGE_SIZE) {
      const { sql, params } = historySql(filter, cursor, limit);
      const found = statement(sql).all(...params);
      const rows = found.slice(0, limit).map((r) => ({
        id: r.id as AttemptId,
        promptId: r.prompt_id,
        mode: r.mode,
        startedAt: r.started_at,
        submittedAt: r.submitted_at,
        totalScore: r.total_score,
        graderVersion: r.grader_version,
        criticalFindings: r.critical,
      }));
      const last = rows.at(-1);
      return { rows, next: found.length > limit && last !== undefined ? { submittedAt: last.submittedAt, id: last.id } : null };
    },
    promptStats() {
      return stats.all().map((r) => ({ promptId: r.prompt_id, attempts: r.attempts, bestScore: r.best, lastSubmittedAt: r.last }));
    },
  };
}
