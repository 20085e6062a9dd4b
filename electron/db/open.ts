import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, readUserVersion, type Migration } from './migrations';
import type { Db } from './types';

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; created (with its folder already existing) when missing. */
  readonly file: string;
  /**
   * Absolute path of a better_sqlite3.node built for the running runtime's ABI. Main passes the
   * Electron build (see scripts/native-for-electron.mjs); plain Node leaves it unset.
   */
  readonly nativeBinding?: string;
  readonly migrations?: readonly Migration[];
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) and migrates the app database. A database written by a newer app
 * version is refused before anything touches the file: the version check runs on a read-only
 * connection, before WAL mode (which rewrites the header) is switched on.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const driverOptions = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };

  if (existsSync(options.file)) {
    const probe = new Database(options.file, { ...driverOptions, readonly: true, fileMustExist: true });
    try {
      const found = readUserVersion(probe);
      if (found > latest) throw new DatabaseTooNewError(options.file, found, latest);
    } finally {
      probe.close();
    }
  }

  const db = new Database(options.file, driverOptions);
  try {
    // A damaged page can open fine and fail on every later call: check the file first, so
    // start-up can move it aside and restore a backup (recovery.ts) instead.
    assertIntact(db, options.file);
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The database failed `PRAGMA quick_check`. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`The database ${file} is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : ''}.`);
    this.name = 'DatabaseDamagedError';
  }
}

/** What `PRAGMA quick_check` reports: empty when the file is intact. */
export function quickCheck(db: Db): readonly string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

function assertIntact(db: Db, file: string): void {
  const problems = quickCheck(db);
  if (problems.length > 0) throw new DatabaseDamagedError(file, problems);
}

export { DatabaseTooNewError, LATEST_SCHEMA_VERSION };
