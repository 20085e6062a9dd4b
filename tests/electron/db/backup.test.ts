import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue, backupsDirOf, checkDatabaseFile, listBackups } from '../../../electron/db/backup';
import { createDraftsRepo } from '../../../electron/db/drafts';
import { openDatabase } from '../../../electron/db/open';
import { tempDb, tempDir } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('backupIfDue', () => {
  it('writes a consistent copy that passes quick_check and holds the data', async () => {
    const { db, dir } = tempDb();
    createDraftsRepo(db).save({ promptId: 'banking', mode: 'practice', text: 'backed up', updatedAt: 1, baseRevision: 0 });
    const outcome = await backupIfDue(db, backupsDirOf(dir), START);
    expect(outcome).toEqual({ kind: 'written', file: join(dir, 'backups', 'sysdrill-2026-01-01T09-00-00.000Z.db'), removed: [] });
    const file = join(dir, 'backups', 'sysdrill-2026-01-01T09-00-00.000Z.db');
    expect(checkDatabaseFile(file)).toEqual([]);
    const copy = openDatabase({ file });
    expect(createDraftsRepo(copy).get('banking', 'practice')?.text).toBe('backed up');
    copy.close();
  });

  it.each([
    ['an hour later', 'skipped', 60 * 60 * 1000],
    ['23 hours later', 'skipped', 23 * 60 * 60 * 1000],
    ['a day later', 'written', DAY],
    ['after the clock moved back a day', 'written', -DAY],
  ] as const)('at most once a day: %s the next one is %s', async (_when, kind, offset) => {
    const { db, dir } = tempDb();
    await backupIfDue(db, backupsDirOf(dir), START);
    expect((await backupIfDue(db, backupsDirOf(dir), START + offset)).kind).toBe(kind);
  });

  it('keeps the newest seven and leaves files that are not backups alone', async () => {
    const { db, dir } = tempDb();
    const backups = backupsDirOf(dir);
    await backupIfDue(db, backups, START);
    writeFileSync(join(backups, 'notes.txt'), 'mine');
    for (let day = 1; day <= 8; day += 1) await backupIfDue(db, backups, START + day * DAY);
    expect(readdirSync(backups).sort()).toEqual([
      'notes.txt',
      'sysdrill-2026-01-03T09-00-00.000Z.db',
      'sysdrill-2026-01-04T09-00-00.000Z.db',
      'sysdrill-2026-01-05T09-00-00.000Z.db',
      'sysdrill-2026-01-06T09-00-00.000Z.db',
      'sysdrill-2026-01-07T09-00-00.000Z.db',
      'sysdrill-2026-01-08T09-00-00.000Z.db',
      'sysdrill-2026-01-09T09-00-00.000Z.db',
    ]);
  });

  it('reports a failure instead of throwing when the backup folder cannot be made', async () => {
    const { db } = tempDb();
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'in the way');
    const outcome = await backupIfDue(db, join(blocker, 'backups'), START);
    expect(outcome.kind).toBe('failed');
  });
});

describe('listBackups', () => {
  it('lists only files named like backups, newest first', () => {
    const dir = tempDir();
    for (const name of ['sysdrill-2026-01-02T00-00-00.000Z.db', 'sysdrill-2026-01-05T00-00-00.000Z.db', 'sysdrill.db', 'sysdrill-2026-01-09T00-00-00.000Z.db.partial']) {
      writeFileSync(join(dir, name), '');
    }
    expect(listBackups(dir).map((b) => b.takenAt)).toEqual([Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 2)]);
  });
});
