import { registerFlusher } from '../lifecycle/flush';

/**
 * The running mock interview's "write now". Registering it also registers it with the app's quit
 * flush (lifecycle/flush.ts), so main waits for the mock's last write before closing the
 * database. At most one mock runs at a time.
 */
let active: (() => Promise<void>) | undefined;

export function registerActiveMock(flush: () => Promise<void>): () => void {
  active = flush;
  const unregisterFlusher = registerFlusher(flush);
  return () => {
    unregisterFlusher();
    if (active === flush) active = undefined;
  };
}

export function flushActiveMock(): Promise<void> {
  return active?.() ?? Promise.resolve();
}
