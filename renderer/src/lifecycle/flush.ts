/**
 * Everything that holds unsaved work registers a flusher here. When main is about to close the
 * window (quit included) it asks the page to flush; the page runs every registered flusher and
 * answers once all have settled, and only then does main close the window and the database.
 */

export type Flusher = () => Promise<void>;

/** What the preload exposes as `window.lifecycle` (see electron/preload.ts). */
export interface LifecycleBridge {
  /** `run` is called on each flush request from main; main waits for its promise (bounded). */
  onFlushRequest(run: () => Promise<void>): void;
}

const flushers = new Set<Flusher>();

/** Adds `fn` to what a flush runs; returns the function that removes it again. */
export function registerFlusher(fn: Flusher): () => void {
  flushers.add(fn);
  return () => {
    flushers.delete(fn);
  };
}

/**
 * Runs every registered flusher at once and waits for all of them. One that fails or throws does
 * not stop the others (each reports its own failure to the user); this never rejects.
 */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map(async (fn) => fn()));
}

/** Connects the registry to main's flush requests; a page without the bridge (tests, a browser) has nothing to connect. */
export function installFlushBridge(bridge: LifecycleBridge | undefined): void {
  bridge?.onFlushRequest(flushAll);
}
