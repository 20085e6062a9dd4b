import Database from 'better-sqlite3';

/** The practice draft of `promptId` as stored in the app's SQLite file (read-only). */
export function storedDraft(databaseFile: string, promptId: string): string | undefined {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT text FROM drafts WHERE prompt_id = ? AND mode = 'practice'").pluck().get(promptId) as string | undefined;
  } finally {
    db.close();
  }
}
