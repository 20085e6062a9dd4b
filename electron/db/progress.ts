import { RULE_CONCEPTS } from '../../rubrics/rules/index';
import { CONCEPT_IDS, RULE_IDS, type ConceptId } from '../../rubrics/vocabulary';
import type { Db, EpochMs } from './types';

/**
 * The SQL behind the Progress screen and "practice next": aggregates over submitted attempts and
 * their per-rule / per-concept rows. Every query reads an index (migration 5, and the concept
 * index of migration 3), so the figures stay cheap with years of attempts.
 */

/** One concept's evidence in one graded attempt (prompts/conceptScore.ts turns it into a score). */
export interface ConceptResult {
  readonly concept: ConceptId;
  readonly attemptId: number;
  readonly at: EpochMs;
  readonly findings: number;
  readonly met: boolean;
  /** Mean score (0–1) of the attempt's rules that grade this concept; null when none ran. */
  readonly ruleMean: number | null;
}

export interface MonthScore {
  /** `YYYY-MM` in the user's local time. */
  readonly month: string;
  readonly score: number;
  readonly attempts: number;
}

export interface PromptMonthScore extends MonthScore {
  readonly promptId: string;
}

export interface CategoryMonthScore {
  readonly category: string;
  readonly month: string;
  readonly score: number;
}

export interface ProgressRepo {
  /** Each concept's latest `perConcept` results (by attempt id, i.e. start order), newest first. */
  recentConceptResults(perConcept: number): ConceptResult[];
  /** Mean total score of graded attempts per prompt and local month. */
  promptMonths(utcOffsetMin: number): PromptMonthScore[];
  /** Weighted mean of the rule scores (0–100) per category and local month. */
  categoryMonths(utcOffsetMin: number): CategoryMonthScore[];
  /** Local days (days since 1970) with a submitted attempt, newest first, once each. */
  practiceDays(utcOffsetMin: number): number[];
  /** Submitted attempts in [from, to) and the time they took, each counted at most `capMs`. */
  practised(from: EpochMs, to: EpochMs, capMs: number): { attempts: number; ms: number };
}

const RULES_OF_CONCEPT: ReadonlyMap<ConceptId, string> = new Map(
  CONCEPT_IDS.map((concept) => [concept, JSON.stringify(RULE_IDS.filter((rule) => RULE_CONCEPTS[rule].includes(concept)))]),
);

const DAY_MS = 86_400_000;

export function createProgressRepo(db: Db): ProgressRepo {
  const recent = db.prepare<[string, string, number], { attemptId: number; at: number; findings: number; met: number; ruleMean: number | null }>(
    `SELECT c.attempt_id AS attemptId, a.submitted_at AS at, c.findings, c.met,
            (SELECT avg(r.score) FROM attempt_rule_results r
              WHERE r.attempt_id = c.attempt_id AND r.rule IN (SELECT value FROM json_each(?))) AS ruleMean
       FROM attempt_concept_results c JOIN attempts a ON a.id = c.attempt_id
      WHERE c.concept = ? AND a.submitted_at IS NOT NULL
      ORDER BY c.attempt_id DESC
      LIMIT ?`,
  );
  const promptMonths = db.prepare<[number], { promptId: string; month: string; score: number; attempts: number }>(
    `SELECT prompt_id AS promptId, strftime('%Y-%m', (submitted_at + ?) / 1000, 'unixepoch') AS month,
            round(avg(total_score)) AS score, count(*) AS attempts
       FROM attempts WHERE outcome = 'graded'
      GROUP BY prompt_id, month ORDER BY prompt_id, month`,
  );
  // A UTC day counts in the local month of its noon: exact unless the user's offset moves part of
  // the day across a month boundary.
  const categoryMonths = db.prepare<[number], { category: string; month: string; score: number }>(
    `SELECT category, strftime('%Y-%m', day * 86400 + 43200 + ?, 'unixepoch') AS month,
            round(100 * sum(weighted) / sum(weight)) AS score
       FROM progress_category_days
      GROUP BY category, month HAVING sum(weight) > 0.000001 ORDER BY category, month`,
  );
  const days = db.prepare<[number, number], { day: number }>(
    // Numbers are bound as REAL, hence the CAST (times are positive: it floors).
    `SELECT CAST((submitted_at + ?) / ? AS INTEGER) AS day FROM attempts WHERE status = 'submitted' GROUP BY day ORDER BY day DESC`,
  );
  const practised = db.prepare<[number, number, number], { attempts: number; ms: number | null }>(
    `SELECT count(*) AS attempts, sum(min(submitted_at - started_at, ?)) AS ms FROM attempts
      WHERE status = 'submitted' AND submitted_at >= ? AND submitted_at < ?`,
  );

  return {
    recentConceptResults(perConcept) {
      return CONCEPT_IDS.flatMap((concept) =>
        recent.all(RULES_OF_CONCEPT.get(concept) ?? '[]', concept, perConcept).map((row) => ({
          concept,
          attemptId: row.attemptId,
          at: row.at,
          findings: row.findings,
          met: row.met === 1,
          ruleMean: row.ruleMean,
        })),
      );
    },
    promptMonths: (offset) => promptMonths.all(offset * 60_000),
    categoryMonths: (offset) => categoryMonths.all(offset * 60),
    practiceDays: (offset) => days.all(offset * 60_000, DAY_MS).map((row) => row.day),
    practised(from, to, capMs) {
      const row = practised.get(capMs, from, to);
      return { attempts: row?.attempts ?? 0, ms: row?.ms ?? 0 };
    },
  };
}
