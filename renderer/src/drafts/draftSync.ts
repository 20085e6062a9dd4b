import { registerFlusher } from '../lifecycle/flush';

/**
 * Saves still running for a draft whose screen is gone. A screen that opens the same draft waits
 * for them before loading it, so it never starts from a text older than the last edit (the
 * autosave race: edit during a save, leave, come back).
 */
const leaving = new Map<string, Set<Promise<void>>>();

export function draftKey(promptId: string, mode: string): string {
  return `${promptId}/${mode}`;
}

/** Records the last save of a draft whose editor is going away. */
export function trackLeavingSave(key: string, save: Promise<void>): void {
  const saves = leaving.get(key) ?? new Set<Promise<void>>();
  leaving.set(key, saves);
  const done = save.catch(() => undefined).finally(() => {
    saves.delete(done);
    if (saves.size === 0 && leaving.get(key) === saves) leaving.delete(key);
  });
  saves.add(done);
}

/** Resolves once every save tracked for `key` has finished (at once when there is none). */
export async function leavingSavesSettled(key: string): Promise<void> {
  const saves = leaving.get(key);
  if (saves !== undefined) await Promise.allSettled([...saves]);
}

/** A quit must wait for these too: they belong to no mounted screen any more. */
registerFlusher(async () => {
  await Promise.allSettled([...leaving.values()].flatMap((saves) => [...saves]));
});
