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

export { DatabaseTooNewError, LATEST_SCHEMA_VERSION };
