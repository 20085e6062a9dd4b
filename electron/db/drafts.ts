import type { Db, EpochMs } from './types';
import type { AttemptMode } from '../ipc/contract';

export interface DraftRecord {
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly text: string;
  readonly updatedAt: EpochMs;
}

interface DraftRow {
  prompt_id: string;
  mode: AttemptMode;
  text: string;
  updated_at: number;
}

export interface DraftsRepo {
  get(promptId: string, mode: AttemptMode): DraftRecord | null;
  save(draft: DraftRecord): void;
  remove(promptId: string, mode: AttemptMode): void;
}

export function createDraftsRepo(db: Db): DraftsRepo {
  const select = db.prepare<[string, string], DraftRow>(
    'SELECT prompt_id, mode, text, updated_at FROM drafts WHERE prompt_id = ? AND mode = ?',
  );
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO drafts (prompt_id, mode, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (prompt_id, mode) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM drafts WHERE prompt_id = ? AND mode = ?');

  return {
    get(promptId, mode) {
      const row = select.get(promptId, mode);
      return row === undefined ? null : { promptId: row.prompt_id, mode: row.mode, text: row.text, updatedAt: row.updated_at };
    },
    save(draft) {
      upsert.run(draft.promptId, draft.mode, draft.text, draft.updatedAt);
    },
    remove(promptId, mode) {
      remove.run(promptId, mode);
    },
  };
}
