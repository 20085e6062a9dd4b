import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { settleCopy, type DriverOptions } from './backup';
import { checkImportFile } from './importCheck';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { quickCheck } from './open';
import type { DataStore } from './store';
import type { Db, EpochMs } from './types';

/**
 * "Export all data" and "Import": one self-contained SQLite file, written with SQLite's online
 * backup (a consistent copy of the live database while it stays open), and read back only after
 * it passed every check in importCheck.ts, on a copy, with the current data kept beside it.
 */

function stamp(at: EpochMs): string {
  return new Date(at).toISOString().replace(/:/g, '-');
}

/** Writes a consistent copy of `db` to `target` (a path the user chose) and checks it. Throws with a worded reason. */
export async function exportDatabase(db: Db, target: string, driver: DriverOptions = {}): Promise<void> {
  // The user confirmed replacing `target` in the save dialog; backup() would refuse a non-database there.
  rmSync(target, { force: true });
  await db.backup(target);
  const problems = settleCopy(target, driver);
  if (problems.length > 0) {
    rmSync(target, { force: true });
    throw new Error(`the copy failed its check: ${problems.join('; ')}`);
  }
}

/** Name of the copy of the current data kept before an import replaces it. */
export function beforeImportFileName(at: EpochMs): string {
  return `sysdrill-before-import-${stamp(at)}.db`;
}

/** Copies `source` to `work` and migrates the copy (never the user's file) to the app's version. */
async function prepareCopy(source: string, work: string, driver: DriverOptions): Promise<void> {
  const original = new Database(source, { ...driver, readonly: true, fileMustExist: true });
  try {
    await original.backup(work);
  } finally {
    original.close();
  }
  const copy = new Database(work, { ...driver, fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    migrate(copy, work);
    const problems = quickCheck(copy);
    if (problems.length > 0) throw new Error(`the migrated copy failed its check: ${problems.join('; ')}`);
  } finally {
    copy.close();
  }
}

export type ImportOutcome =
  | {
      readonly ok: true;
      /** Submitted attempts in the imported data. */
      readonly attempts: number;
      /** Where the data from before the import was kept. */
      readonly previousCopy: string;
      /** The imported file's data version when it was older than the app's (it was migrated), else null. */
      readonly migratedFrom: number | null;
    }
  | { readonly ok: false; readonly reason: string };

export interface ImportOptions extends DriverOptions {
  /** Where the copy of the current data goes (the automatic backups' folder). */
  readonly keepDir: string;
  readonly now: EpochMs;
}

/**
 * Replaces the live data with `source` only after it passed every check and its migrated copy is
 * ready; the current data is first copied to `keepDir`. Any failure before the swap leaves the
 * live database exactly as it was.
 */
export async function importDatabase(store: DataStore, source: string, options: ImportOptions): Promise<ImportOutcome> {
  const driver: DriverOptions = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
  const check = checkImportFile(source, driver);
  if (!check.ok) return check;

  const work = `${store.file}.import-${stamp(options.now)}`;
  const cleanUp = (): void => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  };
  try {
    await prepareCopy(source, work, driver);
  } catch (error) {
    cleanUp();
    return { ok: false, reason: `${source} could not be read as Sysdrill data (${error instanceof Error ? error.message : String(error)}). Nothing was changed.` };
  }

  const previousCopy = join(options.keepDir, beforeImportFileName(options.now));
  try {
    mkdirSync(options.keepDir, { recursive: true });
    await store.db.backup(previousCopy);
    const problems = settleCopy(previousCopy, driver);
    if (problems.length > 0) throw new Error(problems.join('; '));
  } catch (error) {
    cleanUp();
    rmSync(previousCopy, { force: true });
    return { ok: false, reason: `Your current data could not be copied to ${previousCopy} first (${error instanceof Error ? error.message : String(error)}), so nothing was imported. Nothing was changed.` };
  }

  try {
    store.replace(work, previousCopy);
  } catch (error) {
    cleanUp();
    return { ok: false, reason: `The imported data could not be opened (${error instanceof Error ? error.message : String(error)}); your data from before is back in place and also kept at ${previousCopy}.` };
  }
  return { ok: true, attempts: check.attempts, previousCopy, migratedFrom: check.version < LATEST_SCHEMA_VERSION ? check.version : null };
}
