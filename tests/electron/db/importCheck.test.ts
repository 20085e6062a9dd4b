import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkImportFile, tablesAtVersion } from '../../../electron/db/importCheck';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { tempDir } from '../helpers';

/** A Sysdrill database in DELETE journal mode (one file, as "Export all data" writes it) with `submitted` attempts. */
function exportedDb(dir: string, submitted: number): string {
  const file = join(dir, 'export.db');
  const db = openDatabase({ file });
  const insert = db.prepare("INSERT INTO attempts (prompt_id, mode, status, started_at, submitted_at) VALUES ('banking', 'practice', ?, 1000, ?)");
  db.transaction(() => {
    for (let i = 0; i < submitted; i += 1) insert.run('submitted', 2000);
    insert.run('in_progress', null);
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
  return file;
}

describe('tablesAtVersion', () => {
  it('lists the tables each schema version has', () => {
    expect(tablesAtVersion(1)).toEqual(['drafts', 'settings']);
    expect(tablesAtVersion(2)).toEqual(['attempts', 'drafts', 'settings']);
    expect(tablesAtVersion(3)).toEqual(['attempt_concept_results', 'attempt_phase_events', 'attempt_rule_results', 'attempts', 'drafts', 'settings']);
  });
});

describe('checkImportFile', () => {
  it('accepts a Sysdrill database and counts its submitted attempts', () => {
    const file = exportedDb(tempDir(), 3);
    expect(checkImportFile(file)).toEqual({ ok: true, version: LATEST_SCHEMA_VERSION, attempts: 3 });
  });

  it('refuses a text file: not an SQLite database', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(10));
    expect(checkImportFile(file)).toEqual({
      ok: false,
      reason: `${file} is not a Sysdrill data file: it is not an SQLite database (it does not start with SQLite's header). Nothing was changed.`,
    });
  });

  it('refuses a file shorter than the SQLite header', () => {
    const file = join(tempDir(), 'tiny.db');
    writeFileSync(file, 'SQLite format 3\0');
    expect(checkImportFile(file)).toEqual({
      ok: false,
      reason: `${file} is not a Sysdrill data file: at 16 bytes it is too short to be an SQLite database. Nothing was changed.`,
    });
  });

  it('refuses a truncated database as damaged', () => {
    const dir = tempDir();
    const whole = readFileSync(exportedDb(dir, 400));
    const file = join(dir, 'truncated.db');
    // The header and the first pages survive; the rest of the file is gone.
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const check = checkImportFile(file);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(it may be truncated or only partly copied\\): .+\\. Nothing was changed\\.$`));
  });

  it('refuses a database from a newer Sysdrill, naming both versions', () => {
    const file = exportedDb(tempDir(), 1);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(checkImportFile(file)).toEqual({
      ok: false,
      reason:
        `${file} was written by a newer Sysdrill (data version ${LATEST_SCHEMA_VERSION + 1}; this Sysdrill reads versions up to ${LATEST_SCHEMA_VERSION}). ` +
        'Update Sysdrill, then import it again. Nothing was changed.',
    });
  });

  it('refuses an SQLite database some other program wrote', () => {
    const file = join(tempDir(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    expect(checkImportFile(file)).toEqual({ ok: false, reason: `${file} is not a Sysdrill data file: it is an SQLite database, but not one Sysdrill wrote. Nothing was changed.` });
  });

  it('refuses a database whose version claims tables it does not have', () => {
    const file = join(tempDir(), 'partial.db');
    const db = new Database(file);
    MIGRATIONS[0]?.up(db);
    db.pragma('user_version = 2');
    db.close();
    expect(checkImportFile(file)).toEqual({ ok: false, reason: `${file} is not a Sysdrill data file: it lacks the tables attempts. Nothing was changed.` });
  });

  it('accepts an older version (it is migrated on import)', () => {
    const file = join(tempDir(), 'v2.db');
    const db = new Database(file);
    for (const step of MIGRATIONS.slice(0, 2)) step.up(db);
    db.exec("INSERT INTO attempts (prompt_id, mode, status, started_at, submitted_at) VALUES ('banking', 'practice', 'submitted', 1, 2)");
    db.pragma('user_version = 2');
    db.close();
    expect(checkImportFile(file)).toEqual({ ok: true, version: 2, attempts: 1 });
  });

  it('refuses a folder and a FIFO without opening them (a FIFO would block)', () => {
    const dir = tempDir();
    expect(checkImportFile(dir)).toEqual({ ok: false, reason: `${dir} is not a Sysdrill data file: it is not a regular file. Nothing was changed.` });
    const fifo = join(dir, 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    expect(checkImportFile(fifo)).toEqual({ ok: false, reason: `${fifo} is not a Sysdrill data file: it is not a regular file. Nothing was changed.` });
  });
});
