import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { quickCheck } from './open';
import type { Db, EpochMs } from './types';

/**
 * Automatic backups: a consistent copy of the live database made with SQLite's online backup
 * (better-sqlite3 `backup()`), at most once a day, when the app starts or quits, in
 * `<userData>/backups/`. Each copy is checked with `quick_check` before it counts; the newest
 * seven are kept.
 */

export const BACKUPS_KEPT = 7;

export function backupsDirOf(userDataDir: string): string {
  return join(userDataDir, 'backups');
}
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const NAME = /^sysdrill-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z\.db$/;

/** `sysdrill-2026-11-30T23-14-50.123Z.db`: sortable, and legal on every file system. */
export function backupFileName(at: EpochMs): string {
  return `sysdrill-${new Date(at).toISOString().replace(/:/g, '-')}.db`;
}

export interface BackupFile {
  readonly file: string;
  readonly takenAt: EpochMs;
}

/** The backups in `dir`, newest first; files that are not ours are ignored. */
export function listBackups(dir: string): readonly BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (m === null) return [];
      const takenAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
      return Number.isNaN(takenAt) ? [] : [{ file: join(dir, name), takenAt }];
    })
    .sort((a, b) => b.takenAt - a.takenAt);
}

/** Due when there is no backup yet or the newest is a day old (or the clock moved back a day). */
export function isBackupDue(dir: string, now: EpochMs): boolean {
  const newest = listBackups(dir)[0];
  return newest === undefined || Math.abs(now - newest.takenAt) >= BACKUP_INTERVAL_MS;
}

export interface DriverOptions {
  readonly nativeBinding?: string;
}

/** Problems `quick_check` finds in a database file, opened read-only; a file SQLite cannot read is one problem. */
export function checkDatabaseFile(file: string, driver: DriverOptions = {}): readonly string[] {
  let db: Db | undefined;
  try {
    db = new Database(file, { ...driver, readonly: true, fileMustExist: true });
    return quickCheck(db);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}

/**
 * The copy inherits the live database's WAL mode; switched to a plain rollback journal it is one
 * self-contained file (no -wal/-shm beside it), then checked.
 */
export function settleCopy(file: string, driver: DriverOptions = {}): readonly string[] {
  let copy: Db | undefined;
  try {
    copy = new Database(file, { ...driver, fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    return quickCheck(copy);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    copy?.close();
  }
}

export type BackupOutcome =
  | { readonly kind: 'skipped' }
  | { readonly kind: 'written'; readonly file: string; readonly removed: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Makes today's backup if one is due; never throws. The copy is written under a temporary name
 * and renamed only after it passed `quick_check`, so a half-written or bad copy never counts.
 */
export async function backupIfDue(db: Db, dir: string, now: EpochMs, driver: DriverOptions = {}): Promise<BackupOutcome> {
  try {
    if (!isBackupDue(dir, now)) return { kind: 'skipped' };
    mkdirSync(dir, { recursive: true });
    const file = join(dir, backupFileName(now));
    const partial = `${file}.partial`;
    await db.backup(partial);
    const problems = settleCopy(partial, driver);
    if (problems.length > 0) {
      rmSync(partial, { force: true });
      return { kind: 'failed', reason: `the copy failed its check: ${problems.join('; ')}` };
    }
    renameSync(partial, file);
    return { kind: 'written', file, removed: rotateBackups(dir) };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Deletes all but the newest `keep` backups (only files named like ours); returns what it removed. */
export function rotateBackups(dir: string, keep: number = BACKUPS_KEPT): readonly string[] {
  const old = listBackups(dir).slice(keep).map((b) => b.file);
  for (const file of old) rmSync(file, { force: true });
  return old;
}
