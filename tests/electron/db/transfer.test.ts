import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { createDataStore } from '../../../electron/db/store';
import { beforeImportFileName, exportDatabase, importDatabase } from '../../../electron/db/transfer';
import type { Db } from '../../../electron/db/types';
import { tempDir } from '../helpers';

const NOW = Date.UTC(2026, 11, 1, 3, 30, 0, 250);

function addAttempts(db: Db, promptId: string, count: number): void {
  const insert = db.prepare("INSERT INTO attempts (prompt_id, mode, status, started_at, submitted_at) VALUES (?, 'practice', 'submitted', 1000, 2000)");
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run(promptId);
  })();
}

function promptsOf(db: Db): string[] {
  return (db.prepare('SELECT prompt_id FROM attempts ORDER BY id').all() as { prompt_id: string }[]).map((r) => r.prompt_id);
}

function liveStore(dir: string) {
  const file = join(dir, 'sysdrill.db');
  const store = createDataStore({ file, db: openDatabase({ file }), open: () => openDatabase({ file }) });
  return { file, store, keepDir: join(dir, 'backups') };
}

describe('exportDatabase', () => {
  it('writes one self-contained file (no -wal beside it) holding the live data, while the app keeps it open', async () => {
    const dir = tempDir();
    const { store } = liveStore(dir);
    addAttempts(store.db, 'banking', 2);
    const target = join(dir, 'my-data.db');
    writeFileSync(target, 'an old file the user chose to replace');
    await exportDatabase(store.db, target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(promptsOf(copy)).toEqual(['banking', 'banking']);
    copy.close();
    expect(store.db.open).toBe(true);
    store.db.close();
  });
});

describe('importDatabase', () => {
  it('replaces the live data with the file, keeps the old data as a dated copy and reopens the store', async () => {
    const source = liveStore(tempDir('sysdrill-source-'));
    addAttempts(source.store.db, 'instagram', 3);
    const exported = join(tempDir(), 'export.db');
    await exportDatabase(source.store.db, exported);
    source.store.db.close();

    const dir = tempDir();
    const { store, keepDir } = liveStore(dir);
    addAttempts(store.db, 'banking', 1);
    const before = store.db;
    const outcome = await importDatabase(store, exported, { keepDir, now: NOW });
    const previousCopy = join(keepDir, 'sysdrill-before-import-2026-12-01T03-30-00.250Z.db');
    expect(outcome).toEqual({ ok: true, attempts: 3, previousCopy, migratedFrom: null });
    expect(before.open).toBe(false);
    expect(promptsOf(store.db)).toEqual(['instagram', 'instagram', 'instagram']);
    const kept = new Database(previousCopy, { readonly: true });
    expect(promptsOf(kept)).toEqual(['banking']);
    kept.close();
    // The imported file itself is left as it was, and no work file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['backups', 'sysdrill.db', 'sysdrill.db-shm', 'sysdrill.db-wal']);
    store.db.close();
  });

  it('migrates an older data file on the copy, leaving the chosen file at its version', async () => {
    const old = join(tempDir(), 'v2.db');
    const v2 = new Database(old);
    for (const step of MIGRATIONS.slice(0, 2)) step.up(v2);
    v2.exec("INSERT INTO attempts (prompt_id, mode, status, started_at, submitted_at) VALUES ('banking', 'practice', 'submitted', 1, 2)");
    v2.pragma('user_version = 2');
    v2.close();
    const { store, keepDir } = liveStore(tempDir());
    const outcome = await importDatabase(store, old, { keepDir, now: NOW });
    expect(outcome).toMatchObject({ ok: true, attempts: 1, migratedFrom: 2 });
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(promptsOf(store.db)).toEqual(['banking']);
    const original = new Database(old, { readonly: true });
    expect(original.pragma('user_version', { simple: true })).toBe(2);
    original.close();
    store.db.close();
  });

  it('changes nothing for a bad file: same connection, same data, no copy made', async () => {
    const dir = tempDir();
    const { file, store, keepDir } = liveStore(dir);
    addAttempts(store.db, 'banking', 2);
    const bad = join(tempDir(), 'notes.txt');
    writeFileSync(bad, 'not a database at all, just some text that is long enough to pass the size check. '.repeat(3));
    const before = store.db;
    const outcome = await importDatabase(store, bad, { keepDir, now: NOW });
    expect(outcome.ok).toBe(false);
    expect(store.db).toBe(before);
    expect(promptsOf(store.db)).toEqual(['banking', 'banking']);
    expect(existsSync(keepDir)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('import'))).toEqual([]);
    expect(readFileSync(bad, 'utf8').startsWith('not a database')).toBe(true);
    expect(file).toBe(store.file);
    store.db.close();
  });

  it('names the copy of the current data by the time of the import', () => {
    expect(beforeImportFileName(Date.UTC(2025, 0, 2, 3, 4, 5, 6))).toBe('sysdrill-before-import-2025-01-02T03-04-05.006Z.db');
  });
});
