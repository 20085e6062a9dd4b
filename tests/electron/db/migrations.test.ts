import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase } from '../../../electron/db/open';
import { assertMigrationsOrdered, LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, readUserVersion, type Migration } from '../../../electron/db/migrations';
import { createAttemptsRepo, type AttemptId } from '../../../electron/db/attempts';
import type { Db } from '../../../electron/db/types';
import { tempDir } from '../helpers';

/** The schema as SQLite stores it, whitespace-normalised, in a stable order. */
function schemaOf(db: Db): string[] {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  return rows.map((row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`);
}

const REFERENCE_SCHEMA = readFileSync(join(import.meta.dirname, 'reference-schema.sql'), 'utf8');

/**
 * The structure of every table: columns (name, type, not null, default, key position), indexes
 * (columns, uniqueness, partial condition), foreign keys and WITHOUT ROWID. CHECK constraints are
 * covered by behaviour tests (the repositories refuse bad rows).
 */
function structureOf(db: Db): unknown {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  return tables.map(({ name, sql }) => ({
    table: name,
    withoutRowid: /WITHOUT ROWID\s*$/i.test(sql.trim()),
    columns: db.pragma(`table_xinfo(${name})`) as unknown[],
    foreignKeys: (db.pragma(`foreign_key_list(${name})`) as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest),
    indexes: (db.pragma(`index_list(${name})`) as { name: string; unique: number; origin: string; partial: number }[])
      .filter((index) => index.origin === 'c')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((index) => ({
        name: index.name,
        unique: index.unique,
        columns: (db.pragma(`index_info(${index.name})`) as { name: string }[]).map((c) => c.name),
        where: /\bWHERE\b(.*)$/is.exec((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(index.name) as string).replace(/\s+/g, ' '))?.[1]?.trim() ?? null,
      })),
  }));
}

function referenceStructure(): unknown {
  const db = new Database(':memory:');
  try {
    db.exec(REFERENCE_SCHEMA);
    return structureOf(db);
  } finally {
    db.close();
  }
}

function freshSchema(): string[] {
  const db = openDatabase({ file: join(tempDir(), 'fresh.db') });
  try {
    return schemaOf(db);
  } finally {
    db.close();
  }
}

/** A database left at `version` by an older app: only the first `version` steps were applied. */
function databaseAtVersion(version: number): string {
  const file = join(tempDir(), `v${version}.db`);
  const db = new Database(file);
  migrate(db, file, MIGRATIONS.slice(0, version));
  if (version >= 1) {
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
    db.prepare("INSERT INTO drafts (prompt_id, mode, text, updated_at) VALUES ('banking', 'practice', 'flowchart LR', 2)").run();
  }
  if (version >= 2) {
    db.prepare(
      "INSERT INTO attempts (id, prompt_id, mode, status, started_at, submitted_at, diagram, score_json, findings_json) VALUES (7, 'banking', 'practice', 'submitted', 10, 20, 'flowchart LR', '{\"total\":50}', '[]')",
    ).run();
  }
  expect(readUserVersion(db)).toBe(version);
  db.close();
  return file;
}

describe('migrations list', () => {
  it('numbers its steps 1, 2, 3 … so user_version names exactly one schema', () => {
    expect(() => assertMigrationsOrdered(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('rejects a list with a gap or a duplicate', () => {
    const step = (version: number): Migration => ({ version, name: `step ${version}`, up: () => undefined });
    expect(() => assertMigrationsOrdered([step(1), step(3)])).toThrow(/version 3, expected 2/);
    expect(() => assertMigrationsOrdered([step(1), step(1)])).toThrow(/version 1, expected 2/);
  });
});

describe('openDatabase', () => {
  it('creates an empty database at the latest version with attempts, drafts and settings', () => {
    const file = join(tempDir(), 'new.db');
    const db = openDatabase({ file });
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['attempt_concept_results', 'attempt_phase_events', 'attempt_rule_results', 'attempts', 'draft_extras', 'drafts', 'progress_category_days', 'settings']);
    expect(structureOf(db)).toEqual(referenceStructure());
    db.close();
  });

  it('switches on WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase({ file: join(tempDir(), 'pragmas.db'), busyTimeoutMs: 2500 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(2500);
    db.close();
  });

  it('opens an up-to-date database without changing it', () => {
    const file = join(tempDir(), 'twice.db');
    openDatabase({ file }).close();
    const db = openDatabase({ file });
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it.each(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, version) => version))(
    'upgrades a database at user_version %i to the latest schema and keeps its data',
    (version) => {
      const file = databaseAtVersion(version);
      const db = openDatabase({ file });
      expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(db)).toEqual(freshSchema());
      expect(structureOf(db)).toEqual(referenceStructure());
      if (version >= 2) {
        expect(createAttemptsRepo(db).get(7 as AttemptId)).toMatchObject({
          status: 'submitted',
          diagram: 'flowchart LR',
          promptHash: '',
          clockOffsetMs: 0,
          notes: {},
          events: [],
          report: null,
        });
      }
      if (version >= 1) {
        expect(db.prepare("SELECT value_json FROM settings WHERE key = 'theme'").pluck().get()).toBe('"dark"');
        expect(db.prepare("SELECT text FROM drafts WHERE prompt_id = 'banking'").pluck().get()).toBe('flowchart LR');
      }
      db.close();
    },
  );

  it('gives drafts kept by a version-2 database revision 1 and their UTF-8 size', () => {
    const file = databaseAtVersion(2);
    const db = openDatabase({ file });
    expect(db.prepare("SELECT revision, size_bytes FROM drafts WHERE prompt_id = 'banking'").get()).toEqual({ revision: 1, size_bytes: 12 });
    db.close();
  });

  it('refuses a database from a newer app with a clear error and leaves the file byte-for-byte untouched', () => {
    const file = join(tempDir(), 'future.db');
    const future = new Database(file);
    future.exec("CREATE TABLE future_things (id INTEGER PRIMARY KEY); INSERT INTO future_things VALUES (1);");
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    future.close();
    const before = readFileSync(file);

    let caught: unknown;
    try {
      openDatabase({ file });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseTooNewError);
    const error = caught as DatabaseTooNewError;
    expect(error.foundVersion).toBe(LATEST_SCHEMA_VERSION + 3);
    expect(error.supportedVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(error.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 3}`);
    expect(error.message).toContain('newer Sysdrill');
    expect(error.message).toContain('left untouched');

    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('applies all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const file = join(tempDir(), 'broken-step.db');
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('step failed on purpose');
      },
    };
    expect(() => openDatabase({ file, migrations: [...MIGRATIONS, failing] })).toThrow('step failed on purpose');

    const db = new Database(file);
    expect(readUserVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('history indexes (migration 5)', () => {
  it('gives a version-4 database the history and prompt-stats indexes on attempts', () => {
    const db = openDatabase({ file: databaseAtVersion(4) });
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND (name LIKE 'attempts_history%' OR name = 'attempts_prompt_stats') ORDER BY name").pluck().all();
    expect(names).toEqual(['attempts_history', 'attempts_history_by_mode', 'attempts_history_by_prompt', 'attempts_prompt_stats']);
    db.close();
  });
});
