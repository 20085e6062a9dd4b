import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { checkDatabaseFile, listBackups, type DriverOptions } from './backup';
import { DatabaseDamagedError, openDatabase } from './open';
import type { Db, EpochMs } from './types';

/**
 * Start-up with a damaged database: the file is moved aside (never deleted) as
 * `sysdrill.db.corrupt-<timestamp>`, the newest backup that passes `quick_check` is restored if
 * there is one, otherwise a fresh database is created, and the caller gets what happened to tell
 * the user. Errors that are not damage (a database from a newer Sysdrill, a driver built for
 * another runtime, a permission problem) are thrown unchanged: moving those files would not help.
 */

export interface Recovery {
  /** Why the database could not be used, in SQLite's or quick_check's words. */
  readonly reason: string;
  /** Where the damaged file is now. */
  readonly movedTo: string;
  /** The backup copied in its place, or null when a fresh database was created. */
  readonly restoredFrom: { readonly file: string; readonly takenAt: EpochMs } | null;
}

export interface OpenedDatabase {
  readonly db: Db;
  /** Present when the database had to be recovered at this start. */
  readonly recovery?: Recovery;
}

export interface OpenOrRecoverOptions extends DriverOptions {
  readonly file: string;
  readonly backupsDir: string;
  readonly now: EpochMs;
}

const DAMAGE_CODES = /^SQLITE_(NOTADB|CORRUPT|IOERR_SHORT_READ)/;

/** True for the errors that mean "this file is not a usable SQLite database". */
export function isDamage(error: unknown): boolean {
  if (error instanceof DatabaseDamagedError) return true;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return DAMAGE_CODES.test(code);
}

/** `sysdrill.db.corrupt-2026-11-30T23-14-50.123Z`, with `-2`, `-3` … if that name is taken. */
export function corruptFileName(file: string, now: EpochMs): string {
  const base = `${file}.corrupt-${new Date(now).toISOString().replace(/:/g, '-')}`;
  let candidate = base;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/** Moves the database and its WAL/SHM companions aside together; returns the new main file name. */
function moveAside(file: string, now: EpochMs): string {
  const target = corruptFileName(file, now);
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
  return target;
}

export function openOrRecover(options: OpenOrRecoverOptions): OpenedDatabase {
  const driver: DriverOptions = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
  const open = (): Db => openDatabase({ file: options.file, ...driver });
  try {
    return { db: open() };
  } catch (error) {
    if (!isDamage(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = moveAside(options.file, options.now);
    for (const backup of listBackups(options.backupsDir)) {
      if (checkDatabaseFile(backup.file, driver).length > 0) continue;
      copyFileSync(backup.file, options.file);
      try {
        return { db: open(), recovery: { reason, movedTo, restoredFrom: backup } };
      } catch (restoreError) {
        if (!isDamage(restoreError)) throw restoreError;
        rmSync(options.file, { force: true });
      }
    }
    return { db: open(), recovery: { reason, movedTo, restoredFrom: null } };
  }
}

/** What the start-up window tells the user after a recovery. */
export function recoveryMessage(recovery: Recovery): { readonly title: string; readonly message: string; readonly detail: string } {
  const restored =
    recovery.restoredFrom === null
      ? 'There was no usable backup, so Sysdrill started with a new, empty database. Your earlier drafts and attempts are only in the damaged file.'
      : `Your data was restored from the automatic backup of ${new Date(recovery.restoredFrom.takenAt).toUTCString()} ` +
        `(${recovery.restoredFrom.file}). Anything saved after that backup is only in the damaged file.`;
  return {
    title: 'Sysdrill repaired its database',
    message: `Sysdrill's database was damaged and could not be used, so it was moved aside (not deleted) as ${basename(recovery.movedTo)}.`,
    detail: `Problem: ${recovery.reason}\n\nThe damaged file is kept at:\n${recovery.movedTo}\n\n${restored}`,
  };
}
