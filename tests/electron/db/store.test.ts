import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { createDataStore } from '../../../electron/db/store';
import type { Db } from '../../../electron/db/types';
import { tempDir } from '../helpers';

const themeOf = (db: Db): unknown => db.prepare("SELECT value_json FROM settings WHERE key = 'theme'").pluck().get();

function databaseWithTheme(file: string, theme: string): Db {
  const db = openDatabase({ file });
  db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', ?, 1)").run(JSON.stringify(theme));
  return db;
}

describe('createDataStore', () => {
  it('swaps in a prepared file: the old connection is closed, the new data is read through the same store', () => {
    const dir = tempDir();
    const file = join(dir, 'sysdrill.db');
    const store = createDataStore({ file, db: databaseWithTheme(file, 'dark'), open: () => openDatabase({ file }) });
    const prepared = join(dir, 'prepared.db');
    const other = databaseWithTheme(prepared, 'light');
    other.pragma('journal_mode = DELETE');
    other.close();
    const before = store.db;
    store.replace(prepared, join(dir, 'unused'));
    expect(before.open).toBe(false);
    expect(themeOf(store.db)).toBe('"light"');
    expect(existsSync(prepared)).toBe(false);
    store.db.close();
  });

  it('puts a copy of the fallback back when the prepared file does not open, and throws', () => {
    const dir = tempDir();
    const file = join(dir, 'sysdrill.db');
    const fallback = join(dir, 'kept.db');
    const kept = databaseWithTheme(fallback, 'dark');
    kept.pragma('journal_mode = DELETE');
    kept.close();
    const store = createDataStore({ file, db: databaseWithTheme(file, 'dark'), open: () => openDatabase({ file }) });
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'x'.repeat(4096));
    expect(() => store.replace(garbage, fallback)).toThrow();
    expect(themeOf(store.db)).toBe('"dark"');
    expect(existsSync(fallback)).toBe(true);
    store.db.close();
  });
});
