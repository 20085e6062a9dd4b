import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupIfDue, backupsDirOf } from '../../../electron/db/backup';
import { createDraftsRepo } from '../../../electron/db/drafts';
import { DatabaseTooNewError, openDatabase } from '../../../electron/db/open';
import { openOrRecover, recoveryMessage } from '../../../electron/db/recovery';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations';
import { tempDir } from '../helpers';
import Database from 'better-sqlite3';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const BACKUP_TIME = Date.UTC(2026, 0, 1, 12, 0, 0);

/** A real database with one draft and enough settings rows to span many pages. */
function realDatabase(file: string, draft: string): void {
  const db = openDatabase({ file });
  createDraftsRepo(db).save({ promptId: 'banking', mode: 'practice', text: draft, updatedAt: 1, baseRevision: 0 });
  const insert = db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 1)');
  db.transaction(() => {
    for (let i = 0; i < 400; i += 1) insert.run(`filler.${i}`, JSON.stringify('x'.repeat(200)));
  })();
  db.close();
}

/** Each way a database file gets damaged. */
const DAMAGE: ReadonlyArray<readonly [string, (file: string) => void]> = [
  ['garbage bytes', (file) => writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)))],
  ['a file truncated to half its size', (file) => {
    realDatabase(file, 'lost');
    truncateSync(file, Math.floor(statSync(file).size / 2));
  }],
  ['one page overwritten with garbage', (file) => {
    realDatabase(file, 'lost');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, 4096 * 10);
    closeSync(fd);
  }],
];

function setup() {
  const dir = tempDir();
  return { dir, file: join(dir, 'sysdrill.db'), backupsDir: backupsDirOf(dir) };
}

async function writeBackup(backupsDir: string, draft: string): Promise<string> {
  const source = join(tempDir(), 'source.db');
  realDatabase(source, draft);
  const db = openDatabase({ file: source });
  const outcome = await backupIfDue(db, backupsDir, BACKUP_TIME);
  db.close();
  if (outcome.kind !== 'written') throw new Error(`backup not written: ${JSON.stringify(outcome)}`);
  return outcome.file;
}

describe('openOrRecover', () => {
  it.each(DAMAGE)('moves %s aside (byte for byte) and restores the newest good backup', async (_what, damage) => {
    const { file, backupsDir } = setup();
    const backup = await writeBackup(backupsDir, 'from the backup');
    damage(file);
    const damagedBytes = readFileSync(file);

    const { db, recovery } = openOrRecover({ file, backupsDir, now: NOW });
    expect(recovery?.movedTo).toBe(`${file}.corrupt-2026-01-02T03-04-05.000Z`);
    expect(readFileSync(`${file}.corrupt-2026-01-02T03-04-05.000Z`).equals(damagedBytes)).toBe(true);
    expect(recovery?.restoredFrom).toEqual({ file: backup, takenAt: BACKUP_TIME });
    expect(createDraftsRepo(db).get('banking', 'practice')?.text).toBe('from the backup');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it.each(DAMAGE)('starts a fresh database when %s has no backup to restore', (_what, damage) => {
    const { file, backupsDir } = setup();
    damage(file);
    const { db, recovery } = openOrRecover({ file, backupsDir, now: NOW });
    expect(recovery).toMatchObject({ movedTo: `${file}.corrupt-2026-01-02T03-04-05.000Z`, restoredFrom: null });
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    db.close();
  });

  it('skips a damaged backup and restores the next good one', async () => {
    const { file, backupsDir } = setup();
    const good = await writeBackup(backupsDir, 'older but good');
    const bad = join(backupsDir, backupFileName(BACKUP_TIME + 60_000));
    writeFileSync(bad, 'not a database at all');
    writeFileSync(file, 'garbage');
    const { db, recovery } = openOrRecover({ file, backupsDir, now: NOW });
    expect(recovery?.restoredFrom?.file).toBe(good);
    expect(createDraftsRepo(db).get('banking', 'practice')?.text).toBe('older but good');
    expect(existsSync(bad)).toBe(true);
    db.close();
  });

  it('never overwrites an earlier damaged copy: the second one gets its own name', () => {
    const { file, backupsDir } = setup();
    writeFileSync(`${file}.corrupt-2026-01-02T03-04-05.000Z`, 'first damaged copy');
    writeFileSync(file, 'garbage');
    const { db, recovery } = openOrRecover({ file, backupsDir, now: NOW });
    expect(recovery?.movedTo).toBe(`${file}.corrupt-2026-01-02T03-04-05.000Z-2`);
    expect(readFileSync(`${file}.corrupt-2026-01-02T03-04-05.000Z`, 'utf8')).toBe('first damaged copy');
    db.close();
  });

  it('opens a healthy database without recovering anything', () => {
    const { file, backupsDir } = setup();
    realDatabase(file, 'kept');
    const { db, recovery } = openOrRecover({ file, backupsDir, now: NOW });
    expect(recovery).toBeUndefined();
    expect(createDraftsRepo(db).get('banking', 'practice')?.text).toBe('kept');
    db.close();
  });

  it('leaves a database from a newer Sysdrill where it is (that is not damage)', () => {
    const { file, backupsDir } = setup();
    const future = new Database(file);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    expect(() => openOrRecover({ file, backupsDir, now: NOW })).toThrow(DatabaseTooNewError);
    expect(existsSync(`${file}.corrupt-2026-01-02T03-04-05.000Z`)).toBe(false);
  });
});

describe('recoveryMessage', () => {
  it('says what happened, where the damaged file is and what was restored', () => {
    const text = recoveryMessage({
      reason: 'file is not a database',
      movedTo: '/data/sysdrill.db.corrupt-2026-01-02T03-04-05.000Z',
      restoredFrom: { file: '/data/backups/sysdrill-2026-01-01T12-00-00.000Z.db', takenAt: BACKUP_TIME },
    });
    expect(text.message).toBe(
      "Sysdrill's database was damaged and could not be used, so it was moved aside (not deleted) as sysdrill.db.corrupt-2026-01-02T03-04-05.000Z.",
    );
    expect(text.detail).toBe(
      'Problem: file is not a database\n\nThe damaged file is kept at:\n/data/sysdrill.db.corrupt-2026-01-02T03-04-05.000Z\n\n' +
        'Your data was restored from the automatic backup of Thu, 01 Jan 2026 12:00:00 GMT (/data/backups/sysdrill-2026-01-01T12-00-00.000Z.db). ' +
        'Anything saved after that backup is only in the damaged file.',
    );
  });

  it('says a fresh database was started when there was no backup', () => {
    const text = recoveryMessage({ reason: 'database disk image is malformed', movedTo: '/d/sysdrill.db.corrupt-x', restoredFrom: null });
    expect(text.detail).toContain('There was no usable backup, so Sysdrill started with a new, empty database.');
  });
});
