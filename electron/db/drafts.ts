import type { Db, EpochMs } from './types';
import type { AttemptMode } from '../ipc/contract';

export interface DraftRecord {
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly text: string;
  readonly updatedAt: EpochMs;
  /** Goes up by one with every accepted save; 0 means "never saved". */
  readonly revision: number;
}

export interface DraftWrite {
  readonly promptId: string;
  readonly mode: AttemptMode;
  readonly text: string;
  readonly updatedAt: EpochMs;
  /** The revision the text was edited from: the one the editor loaded or last saved. */
  readonly baseRevision: number;
}

export type DraftSaveOutcome =
  | { readonly saved: true; readonly revision: number }
  /** A newer text is stored: this write was based on an older one and would undo it. */
  | { readonly saved: false; readonly reason: 'stale'; readonly storedRevision: number }
  /** All drafts together would exceed the total bound. */
  | { readonly saved: false; readonly reason: 'quota'; readonly otherBytes: number };

/** All drafts together: with one draft per prompt and mode of at most 200 KB each, a generous cap. */
export const DRAFTS_TOTAL_MAX_BYTES = 16 * 1024 * 1024;

interface DraftRow {
  prompt_id: string;
  mode: AttemptMode;
  text: string;
  updated_at: number;
  revision: number;
}

export interface DraftsRepo {
  get(promptId: string, mode: AttemptMode): DraftRecord | null;
  /** Writes only when no newer text is stored and the total bound holds; atomic. */
  save(draft: DraftWrite): DraftSaveOutcome;
  remove(promptId: string, mode: AttemptMode): void;
}

const utf8 = new TextEncoder();

export function createDraftsRepo(db: Db, totalMaxBytes: number = DRAFTS_TOTAL_MAX_BYTES): DraftsRepo {
  const select = db.prepare<[string, string], DraftRow>(
    'SELECT prompt_id, mode, text, updated_at, revision FROM drafts WHERE prompt_id = ? AND mode = ?',
  );
  const selectRevision = db.prepare<[string, string], number>('SELECT revision FROM drafts WHERE prompt_id = ? AND mode = ?').pluck();
  const otherBytes = db
    .prepare<[string, string], number>('SELECT COALESCE(SUM(size_bytes), 0) FROM drafts WHERE NOT (prompt_id = ? AND mode = ?)')
    .pluck();
  const upsert = db.prepare<[string, string, string, number, number, number]>(
    `INSERT INTO drafts (prompt_id, mode, text, updated_at, revision, size_bytes) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (prompt_id, mode) DO UPDATE SET
       text = excluded.text, updated_at = excluded.updated_at, revision = excluded.revision, size_bytes = excluded.size_bytes`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM drafts WHERE prompt_id = ? AND mode = ?');

  const save = db.transaction((draft: DraftWrite): DraftSaveOutcome => {
    const stored = selectRevision.get(draft.promptId, draft.mode);
    if (stored !== undefined && stored > draft.baseRevision) return { saved: false, reason: 'stale', storedRevision: stored };
    const bytes = utf8.encode(draft.text).byteLength;
    const others = otherBytes.get(draft.promptId, draft.mode) ?? 0;
    if (others + bytes > totalMaxBytes) return { saved: false, reason: 'quota', otherBytes: others };
    const revision = Math.max(stored ?? 0, draft.baseRevision) + 1;
    upsert.run(draft.promptId, draft.mode, draft.text, draft.updatedAt, revision, bytes);
    return { saved: true, revision };
  });

  return {
    get(promptId, mode) {
      const row = select.get(promptId, mode);
      return row === undefined
        ? null
        : { promptId: row.prompt_id, mode: row.mode, text: row.text, updatedAt: row.updated_at, revision: row.revision };
    },
    save: (draft) => save.immediate(draft),
    remove(promptId, mode) {
      remove.run(promptId, mode);
    },
  };
}
