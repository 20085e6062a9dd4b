import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { BUILTIN_GLOSSARY_FILE } from '../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR } from '../../prompts/node/load';
import { openDatabase } from '../../electron/db/open';
import type { Db } from '../../electron/db/types';
import type { Clock, HandlerContext } from '../../electron/ipc/handlers';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = 'sysdrill-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real, migrated SQLite file in a fresh folder; closed after the current test. */
export function tempDb(): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = join(dir, 'sysdrill.db');
  const db = openDatabase({ file });
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return { db, file, dir };
}

export function fixedClock(start = Date.UTC(2026, 0, 2, 3, 4, 5)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

export function testContext(overrides: Partial<HandlerContext> = {}): HandlerContext & { file: string; dir: string } {
  const { db, file, dir } = tempDb();
  return { db, promptsDir: BUILTIN_PROMPTS_DIR, glossaryFile: BUILTIN_GLOSSARY_FILE, clock: fixedClock(), file, dir, ...overrides };
}
