import type { Db, EpochMs } from './types';

/**
 * A key/value store of JSON values. It does not know what the keys mean: callers validate what
 * they read (the stored value may come from an older app version).
 */
export interface SettingsRepo {
  get(key: string): unknown;
  set(key: string, value: unknown, now: EpochMs): void;
  all(): ReadonlyMap<string, unknown>;
}

interface SettingRow {
  key: string;
  value_json: string;
}

export function createSettingsRepo(db: Db): SettingsRepo {
  const selectOne = db.prepare<[string], SettingRow>('SELECT key, value_json FROM settings WHERE key = ?');
  const selectAll = db.prepare<[], SettingRow>('SELECT key, value_json FROM settings ORDER BY key');
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );

  return {
    get(key) {
      const row = selectOne.get(key);
      return row === undefined ? undefined : parseStored(row.value_json);
    },
    set(key, value, now) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`setting "${key}" has no JSON representation`);
      upsert.run(key, json, now);
    },
    all() {
      return new Map(selectAll.all().map((row) => [row.key, parseStored(row.value_json)]));
    },
  };
}

/** A corrupt stored value reads as absent, so the caller falls back to its default. */
function parseStored(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
