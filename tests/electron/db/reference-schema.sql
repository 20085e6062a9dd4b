-- The schema a database must have after every migration, written by hand (NOT generated from
-- electron/db/migrations.ts). tests/electron/db/migrations.test.ts compares the columns, keys,
-- indexes and foreign keys of a migrated database with a database made from this file.
-- Change it only together with a new migration step.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY NOT NULL,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE drafts (
  prompt_id  TEXT NOT NULL,
  mode       TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 0,
  size_bytes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (prompt_id, mode)
) WITHOUT ROWID;

CREATE TABLE draft_extras (
  prompt_id   TEXT NOT NULL,
  mode        TEXT NOT NULL,
  extras_json TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (prompt_id, mode)
) WITHOUT ROWID;

CREATE TABLE attempts (
  id              INTEGER PRIMARY KEY,
  prompt_id       TEXT NOT NULL,
  mode            TEXT NOT NULL,
  status          TEXT NOT NULL,
  started_at      INTEGER NOT NULL,
  deadline_at     INTEGER,
  submitted_at    INTEGER,
  diagram         TEXT NOT NULL DEFAULT '',
  score_json      TEXT,
  findings_json   TEXT,
  prompt_hash     TEXT NOT NULL DEFAULT '',
  grader_version  TEXT NOT NULL DEFAULT '',
  time_limit_ms   INTEGER,
  phase_plan_json TEXT NOT NULL DEFAULT '[]',
  phase           TEXT,
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  last_seen_at    INTEGER,
  notes_json      TEXT NOT NULL DEFAULT '{}',
  estimates_json  TEXT NOT NULL DEFAULT '[]',
  questions_json  TEXT NOT NULL DEFAULT '[]',
  curveball_id    TEXT,
  outcome         TEXT,
  total_score     INTEGER,
  report_json     TEXT
);
CREATE INDEX attempts_by_prompt ON attempts (prompt_id, started_at);
CREATE INDEX attempts_in_progress ON attempts (status) WHERE status = 'in_progress';
CREATE INDEX attempts_submitted ON attempts (submitted_at, started_at) WHERE status = 'submitted';
CREATE INDEX attempts_graded ON attempts (prompt_id, submitted_at, total_score) WHERE outcome = 'graded';
CREATE INDEX attempts_history ON attempts (status, submitted_at);
CREATE INDEX attempts_history_by_prompt ON attempts (prompt_id, status, submitted_at);
CREATE INDEX attempts_history_by_mode ON attempts (mode, status, submitted_at);
CREATE INDEX attempts_prompt_stats ON attempts (status, prompt_id, total_score, submitted_at);

CREATE TABLE attempt_phase_events (
  attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  phase      TEXT NOT NULL,
  at         INTEGER NOT NULL,
  elapsed_ms INTEGER NOT NULL,
  detail     TEXT,
  PRIMARY KEY (attempt_id, seq)
) WITHOUT ROWID;

CREATE TABLE attempt_rule_results (
  attempt_id     INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  rule           TEXT NOT NULL,
  category       TEXT NOT NULL,
  weight         REAL NOT NULL,
  required       INTEGER NOT NULL,
  score          REAL NOT NULL,
  findings       INTEGER NOT NULL,
  worst_severity TEXT,
  PRIMARY KEY (attempt_id, rule)
) WITHOUT ROWID;

CREATE TABLE attempt_concept_results (
  attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  concept    TEXT NOT NULL,
  findings   INTEGER NOT NULL,
  met        INTEGER NOT NULL,
  PRIMARY KEY (attempt_id, concept)
) WITHOUT ROWID;
CREATE INDEX attempt_concept_results_by_concept ON attempt_concept_results (concept);

-- Category score sums per UTC day of submission, kept by triggers (migration "progress").
CREATE TABLE progress_category_days (
  category TEXT NOT NULL,
  day      INTEGER NOT NULL,
  weighted REAL NOT NULL,
  weight   REAL NOT NULL,
  PRIMARY KEY (category, day)
) WITHOUT ROWID;
