import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type { Db } from './types';

/**
 * The live database behind a handle that an import can swap: handlers read `store.db` on every
 * call, so after `replace` every channel works on the imported data without a restart.
 */
export interface DataStore {
  readonly db: Db;
  /** The live database file. */
  readonly file: string;
  /**
   * Closes the live database, moves `prepared` (a checked, migrated database file) into its place
   * and opens it. If that fails, a copy of `fallback` (the old data, kept elsewhere) is put back
   * and opened, and the error is thrown.
   */
  replace(prepared: string, fallback: string): void;
}

export function createDataStore(options: { readonly file: string; readonly db: Db; readonly open: () => Db }): DataStore {
  let current = options.db;
  const { file } = options;
  const moveIn = (source: string): void => {
    if (current.open) current.close();
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    renameSync(source, file);
    current = options.open();
  };
  return {
    get db() {
      return current;
    },
    file,
    replace(prepared, fallback) {
      try {
        moveIn(prepared);
      } catch (error) {
        if (existsSync(fallback)) {
          const restoring = `${file}.restoring`;
          copyFileSync(fallback, restoring);
          moveIn(restoring);
        }
        throw error;
      }
    },
  };
}
