import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderError, dataFolderMessage, ensureDataFolder } from '../../../electron/db/dataFolder';
import { tempDir } from '../helpers';

function failureOf(folder: string): DataFolderError {
  try {
    ensureDataFolder(folder);
  } catch (error) {
    if (error instanceof DataFolderError) return error;
    throw error;
  }
  throw new Error('expected ensureDataFolder to fail');
}

describe('ensureDataFolder', () => {
  it('creates a missing folder (and its parents) and leaves nothing behind in it', () => {
    const folder = join(tempDir(), 'a', 'b', 'Sysdrill');
    ensureDataFolder(folder);
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('names the folder and what to do when a file is in the way', () => {
    const blocker = join(tempDir(), 'Sysdrill');
    writeFileSync(blocker, 'a file, not a folder');
    const error = failureOf(join(blocker, 'data'));
    expect(error.folder).toBe(join(blocker, 'data'));
    expect(error.message).toBe(dataFolderMessage(join(blocker, 'data'), 'ENOTDIR'));
  });

  it('reports a folder it may not write to (a read-only system folder)', () => {
    const error = failureOf('/sys');
    expect(['EACCES', 'EPERM', 'EROFS']).toContain(error.code);
    expect(error.message).toContain('Sysdrill is not allowed to write there');
  });
});

describe('dataFolderMessage', () => {
  it.each([
    ['EROFS', 'but Sysdrill is not allowed to write there (the folder or its disk is read-only).', 'Make the folder writable'],
    ['EACCES', 'but Sysdrill is not allowed to write there (the folder or its disk is read-only).', 'Make the folder writable'],
    ['ENOSPC', 'but the disk is full.', 'Free some space on that disk and start Sysdrill again'],
    ['ENOTDIR', 'but a file is in the way: that path (or a part of it) is a file, not a folder.', 'Move that file away'],
    ['ENOENT', 'but the folder does not exist and could not be created.', 'Create the folder'],
  ])('%s: names the folder, the problem and the way out', (code, problem, action) => {
    expect(dataFolderMessage('/home/me/.config/Sysdrill', code)).toBe(
      `Sysdrill keeps your drafts and attempts in\n/home/me/.config/Sysdrill\n${problem}\n\n${action}, ` +
        'or start Sysdrill with the environment variable SYSDRILL_USER_DATA_DIR set to a folder you can write to.',
    );
  });
});
