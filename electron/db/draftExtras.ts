import type { AttemptMode } from '../ipc/contract';
import type { Db, EpochMs } from './types';

export interface DraftExtrasRepo {
  /** The stored JSON text, or null; the caller validates it (a stored value may be from another version). */
  get(promptId: string, mode: AttemptMode): unknown;
  save(promptId: string, mode: AttemptMode, extras: unknown, updatedAt: EpochMs): void;
}

/** What a draft keeps besides its text (estimates, hints shown), one JSON value per prompt and mode. */
export function createDraftExtrasRepo(db: Db): DraftExtrasRepo {
  const select = db.prepare<[string, string], string>('SELECT extras_json FROM draft_extras WHERE prompt_id = ? AND mode = ?').pluck();
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO draft_extras (prompt_id, mode, extras_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (prompt_id, mode) DO UPDATE SET extras_json = excluded.extras_json, updated_at = excluded.updated_at`,
  );
  return {
    get(promptId, mode) {
      const json = select.get(promptId, mode);
      if (json === undefined) return null;
      try {
        return JSON.parse(json) as unknown;
      } catch {
        return null;
      }
    },
    save(promptId, mode, extras, updatedAt) {
      upsert.run(promptId, mode, JSON.stringify(extras), updatedAt);
    },
  };
}
