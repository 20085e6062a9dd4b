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
