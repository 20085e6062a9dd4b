import type { Db } from './types';

/**
 * One schema step. `version` is the `PRAGMA user_version` the database has after the step.
 * Released steps are never edited: a schema change is always a new step at the end.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings and drafts',
    up: (db) => {
      db.exec(`
        CREATE TABLE settings (
          key        TEXT PRIMARY KEY NOT NULL,
          value_json TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE drafts (
          prompt_id  TEXT NOT NULL,
          mode       TEXT NOT NULL CHECK (mode IN ('practice', 'mock')),
          text       TEXT NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (prompt_id, mode)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    name: 'attempts',
    up: (db) => {
      db.exec(`
        CREATE TABLE attempts (
          id            INTEGER PRIMARY KEY,
          prompt_id     TEXT NOT NULL,
          mode          TEXT NOT NULL CHECK (mode IN ('practice', 'mock')),
          status        TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted', 'abandoned')),
          started_at    INTEGER NOT NULL,
          deadline_at   INTEGER,
          submitted_at  INTEGER,
          diagram       TEXT NOT NULL DEFAULT '',
          score_json    TEXT,
          findings_json TEXT,
          CHECK (status <> 'submitted' OR submitted_at IS NOT NULL),
          CHECK (deadline_at IS NULL OR deadline_at >= started_at)
        );

        CREATE INDEX attempts_by_prompt ON attempts (prompt_id, started_at);
      `);
    },
  },
  // --- mock interviews (issue 8) ---
  {
    version: 3,
    name: 'mock interviews: attempt details, phase events, per-rule and per-concept results',
    up: (db) => {
      db.exec(`
        ALTER TABLE attempts ADD COLUMN prompt_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE attempts ADD COLUMN grader_version TEXT NOT NULL DEFAULT '';
        ALTER TABLE attempts ADD COLUMN time_limit_ms INTEGER CHECK (time_limit_ms IS NULL OR time_limit_ms > 0);
        ALTER TABLE attempts ADD COLUMN phase_plan_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE attempts ADD COLUMN phase TEXT;
        ALTER TABLE attempts ADD COLUMN clock_offset_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE attempts ADD COLUMN last_seen_at INTEGER;
        ALTER TABLE attempts ADD COLUMN notes_json TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE attempts ADD COLUMN estimates_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE attempts ADD COLUMN questions_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE attempts ADD COLUMN curveball_id TEXT;
        ALTER TABLE attempts ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN ('graded', 'no-design', 'unparsable'));
        ALTER TABLE attempts ADD COLUMN total_score INTEGER CHECK (total_score IS NULL OR total_score BETWEEN 0 AND 100);
        ALTER TABLE attempts ADD COLUMN report_json TEXT;

        CREATE INDEX attempts_in_progress ON attempts (status) WHERE status = 'in_progress';

        CREATE TABLE attempt_phase_events (
          attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
          seq        INTEGER NOT NULL CHECK (seq >= 0),
          kind       TEXT NOT NULL CHECK (kind IN ('entered', 'left', 'curveball')),
          phase      TEXT NOT NULL,
          at         INTEGER NOT NULL,
          elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
          detail     TEXT,
          PRIMARY KEY (attempt_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE attempt_rule_results (
          attempt_id     INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
          rule           TEXT NOT NULL,
          category       TEXT NOT NULL,
          weight         REAL NOT NULL,
          required       INTEGER NOT NULL CHECK (required IN (0, 1)),
          score          REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
          findings       INTEGER NOT NULL CHECK (findings >= 0),
          worst_severity TEXT CHECK (worst_severity IS NULL OR worst_severity IN ('critical', 'major', 'minor', 'info')),
          PRIMARY KEY (attempt_id, rule)
        ) WITHOUT ROWID;

        CREATE TABLE attempt_concept_results (
          attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
          concept    TEXT NOT NULL,
          findings   INTEGER NOT NULL CHECK (findings >= 0),
          met        INTEGER NOT NULL CHECK (met IN (0, 1)),
          PRIMARY KEY (attempt_id, concept)
        ) WITHOUT ROWID;

        CREATE INDEX attempt_concept_results_by_concept ON attempt_concept_results (concept);
      `);
    },
  },
  // --- end mock interviews ---
  {
    version: 4,
    name: 'draft revisions and sizes',
    up: (db) => {
      // revision: refuses a save based on an older text (autosave never goes backwards);
      // size_bytes: the UTF-8 size, so the bound on all drafts together is a sum of small numbers.
      db.exec(`
        ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
        ALTER TABLE drafts ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0 CHECK (size_bytes >= 0);
        UPDATE drafts SET revision = 1, size_bytes = length(CAST(text AS BLOB));
      `);
    },
  },
  // --- progress (issue 9, branch progress) ---
  {
    version: 5,
    name: 'progress: submitted and graded attempts by time, category scores by day',
    up: (db) => {
      // Covering, partial indexes: the streak, week and score-over-time figures read only these
      // columns, never the wide attempt rows (diagram, report JSON).
      // progress_category_days: the per-category chart would otherwise aggregate every rule row
      // (about nine per attempt); triggers keep these sums per UTC day as rule rows come and go.
      db.exec(`
        CREATE INDEX attempts_submitted ON attempts (submitted_at, started_at) WHERE status = 'submitted';
        CREATE INDEX attempts_graded ON attempts (prompt_id, submitted_at, total_score) WHERE outcome = 'graded';

        CREATE TABLE progress_category_days (
          category TEXT NOT NULL,
          day      INTEGER NOT NULL,
          weighted REAL NOT NULL,
          weight   REAL NOT NULL,
          PRIMARY KEY (category, day)
        ) WITHOUT ROWID;

        INSERT INTO progress_category_days (category, day, weighted, weight)
          SELECT r.category, a.submitted_at / 86400000, sum(r.weight * r.score), sum(r.weight)
            FROM attempt_rule_results r JOIN attempts a ON a.id = r.attempt_id
           WHERE a.outcome = 'graded' AND a.submitted_at IS NOT NULL
           GROUP BY r.category, a.submitted_at / 86400000;

        CREATE TRIGGER progress_category_days_add AFTER INSERT ON attempt_rule_results
        BEGIN
          INSERT INTO progress_category_days (category, day, weighted, weight)
            SELECT NEW.category, a.submitted_at / 86400000, NEW.weight * NEW.score, NEW.weight
              FROM attempts a WHERE a.id = NEW.attempt_id AND a.outcome = 'graded' AND a.submitted_at IS NOT NULL
            ON CONFLICT (category, day) DO UPDATE SET weighted = weighted + excluded.weighted, weight = weight + excluded.weight;
        END;

        CREATE TRIGGER progress_category_days_remove AFTER DELETE ON attempt_rule_results
        BEGIN
          UPDATE progress_category_days
             SET weighted = weighted - OLD.weight * OLD.score, weight = weight - OLD.weight
           WHERE category = OLD.category
             AND day = (SELECT a.submitted_at / 86400000 FROM attempts a WHERE a.id = OLD.attempt_id AND a.outcome = 'graded');
        END;

        -- Rule rows go first, while their attempt (and its day) can still be read.
        CREATE TRIGGER progress_category_days_forget BEFORE DELETE ON attempts
        BEGIN
          DELETE FROM attempt_rule_results WHERE attempt_id = OLD.id;
        END;
      `);
    },
  },
  // --- end progress ---
  // --- history (issue 9, branch history) ---
  {
    version: 6,
    name: 'history indexes: submitted attempts newest first, overall, per prompt and per mode',
    up: (db) => {
      // Keyset paging reads (status, submitted_at, rowid) in index order: no sort, no scan of the
      // table; each filter that narrows by equality has its own leading column. The home cards'
      // per-prompt figures are read from a covering index: the rows themselves are large.
      db.exec(`
        CREATE INDEX attempts_history ON attempts (status, submitted_at);
        CREATE INDEX attempts_history_by_prompt ON attempts (prompt_id, status, submitted_at);
        CREATE INDEX attempts_history_by_mode ON attempts (mode, status, submitted_at);
        CREATE INDEX attempts_prompt_stats ON attempts (status, prompt_id, total_score, submitted_at);
      `);
    },
  },
  // --- end history ---
  // --- workspace (branch workspace) ---
  {
    version: 7,
    name: 'what a practice draft keeps besides its text',
    up: (db) => {
      // The estimates worksheet and the hints shown, per draft; JSON checked by the IPC contract
      // (DraftExtrasSchema) on the way in and on the way out.
      db.exec(`
        CREATE TABLE draft_extras (
          prompt_id   TEXT NOT NULL,
          mode        TEXT NOT NULL CHECK (mode IN ('practice', 'mock')),
          extras_json TEXT NOT NULL,
          updated_at  INTEGER NOT NULL,
          PRIMARY KEY (prompt_id, mode)
        ) WITHOUT ROWID;
      `);
    },
  },
  // --- end workspace ---
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The database ${file} has schema version ${foundVersion}, but this version of Sysdrill ` +
        `only understands versions up to ${supportedVersion}. It was written by a newer Sysdrill: ` +
        `update the app (the file was left untouched).`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Checks that the steps are numbered 1, 2, 3 … with no gap, so `user_version` is unambiguous. */
export function assertMigrationsOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration "${step.name}" has version ${step.version}, expected ${index + 1}.`);
    }
  });
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Brings the database to the latest version. All pending steps run in ONE transaction: either
 * every step is applied and `user_version` moves, or nothing changes.
 */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  assertMigrationsOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = readUserVersion(db);
  if (from > latest) throw new DatabaseTooNewError(file, from, latest);
  const pending = migrations.filter((step) => step.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };

  db.transaction(() => {
    for (const step of pending) step.up(db);
    // user_version lives in the database header, which SQLite writes inside this transaction.
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest, applied: pending.map((step) => step.name) };
}
