import { closeSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DriverOptions } from './backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, readUserVersion, type Migration } from './migrations';
import { quickCheck } from './open';
import type { Db } from './types';

/**
 * Everything an import must pass before anything is replaced: a regular file, SQLite's header,
 * `PRAGMA quick_check`, a schema version this Sysdrill knows (not newer), and the tables that
 * version has. The file is only ever opened read-only here.
 */

export type ImportCheck =
  | { readonly ok: true; readonly version: number; readonly attempts: number }
  | { readonly ok: false; readonly reason: string };

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header is 100 bytes: anything shorter cannot be a database. */
const HEADER_BYTES = 100;

const tablesByVersion = new Map<number, readonly string[]>();

/** The tables a Sysdrill database has at `version`, worked out by running the migrations in memory. */
export function tablesAtVersion(version: number, migrations: readonly Migration[] = MIGRATIONS, driver: DriverOptions = {}): readonly string[] {
  const cached = migrations === MIGRATIONS ? tablesByVersion.get(version) : undefined;
  if (cached !== undefined) return cached;
  const scratch = new Database(':memory:', driver);
  try {
    for (const step of migrations.filter((m) => m.version <= version)) step.up(scratch);
    const tables = tableNames(scratch);
    if (migrations === MIGRATIONS) tablesByVersion.set(version, tables);
    return tables;
  } finally {
    scratch.close();
  }
}

function tableNames(db: Db): readonly string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return rows.map((row) => row.name);
}

function startsWithSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

const NOT_OURS = 'is not a Sysdrill data file';

/** Checks `file` as an import candidate; never throws, never writes. */
export function checkImportFile(file: string, options: DriverOptions & { readonly migrations?: readonly Migration[] } = {}): ImportCheck {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? LATEST_SCHEMA_VERSION;
  const driver: DriverOptions = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
  const fail = (reason: string): ImportCheck => ({ ok: false, reason: `${file} ${reason}. Nothing was changed.` });

  // Special files (a FIFO would block the read below) are refused before they are opened.
  try {
    const link = lstatSync(file);
    const target = link.isSymbolicLink() ? statSync(file) : link;
    if (!target.isFile()) return fail(`${NOT_OURS}: it is not a regular file`);
    if (target.size < HEADER_BYTES) return fail(`${NOT_OURS}: at ${target.size} bytes it is too short to be an SQLite database`);
    if (!startsWithSqliteHeader(file)) return fail(`${NOT_OURS}: it is not an SQLite database (it does not start with SQLite's header)`);
  } catch (error) {
    return fail(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }

  let db: Db | undefined;
  try {
    db = new Database(file, { ...driver, readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length > 0) return fail(`is damaged (it may be truncated or only partly copied): ${problems.slice(0, 3).join('; ')}`);
    const version = readUserVersion(db);
    if (version > latest) {
      return fail(`was written by a newer Sysdrill (data version ${version}; this Sysdrill reads versions up to ${latest}). Update Sysdrill, then import it again`);
    }
    if (version < 1) return fail(`${NOT_OURS}: it is an SQLite database, but not one Sysdrill wrote`);
    const present = new Set(tableNames(db));
    const missing = tablesAtVersion(version, migrations, driver).filter((table) => !present.has(table));
    if (missing.length > 0) return fail(`${NOT_OURS}: it lacks the tables ${missing.join(', ')}`);
    const attempts = present.has('attempts') ? (db.prepare("SELECT count(*) AS n FROM attempts WHERE status = 'submitted'").get() as { n: number }).n : 0;
    return { ok: true, version, attempts };
  } catch (error) {
    // SQLite reads lazily: a truncated file can open and fail on its first query.
    return fail(`is damaged (it may be truncated or only partly copied): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}
