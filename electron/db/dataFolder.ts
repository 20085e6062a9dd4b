import { lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The data folder is missing and cannot be created, is not a folder, or cannot be written. */
export class DataFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
  ) {
    super(dataFolderMessage(folder, code));
    this.name = 'DataFolderError';
  }
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'UNKNOWN';
}

/** What the user reads: which folder, what is wrong with it, and what to do. */
export function dataFolderMessage(folder: string, code: string): string {
  const elsewhere = 'or start Sysdrill with the environment variable SYSDRILL_USER_DATA_DIR set to a folder you can write to.';
  const [problem, action] = ((): [string, string] => {
    switch (code) {
      case 'EROFS':
      case 'EACCES':
      case 'EPERM':
        return ['Sysdrill is not allowed to write there (the folder or its disk is read-only)', `Make the folder writable, ${elsewhere}`];
      case 'ENOSPC':
      case 'EDQUOT':
        return ['the disk is full', `Free some space on that disk and start Sysdrill again, ${elsewhere}`];
      case 'ENOTDIR':
      case 'EEXIST':
        return ['a file is in the way: that path (or a part of it) is a file, not a folder', `Move that file away, ${elsewhere}`];
      case 'ENOENT':
        return ['the folder does not exist and could not be created', `Create the folder, ${elsewhere}`];
      default:
        return [`the folder cannot be used (${code})`, `Check the folder, ${elsewhere}`];
    }
  })();
  return `Sysdrill keeps your drafts and attempts in\n${folder}\nbut ${problem}.\n\n${action}`;
}

/**
 * Creates the data folder if needed and proves it can be written (by writing and removing a small
 * file: permission bits alone do not tell, e.g. on a read-only mount). Throws DataFolderError.
 */
export function ensureDataFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    if (!lstatSync(folder).isDirectory() && !lstatSync(folder).isSymbolicLink()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const probe = join(folder, `.sysdrill-write-check-${process.pid}`);
    writeFileSync(probe, '', { flag: 'w' });
    rmSync(probe, { force: true });
  } catch (error) {
    throw new DataFolderError(folder, codeOf(error));
  }
}
