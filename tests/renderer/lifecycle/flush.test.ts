import { afterEach, describe, expect, it } from 'vitest';
import { flushAll, installFlushBridge, registerFlusher } from '../../../renderer/src/lifecycle/flush';

const unregisters: (() => void)[] = [];
afterEach(() => {
  while (unregisters.length > 0) unregisters.pop()?.();
});

function register(fn: () => Promise<void>): void {
  unregisters.push(registerFlusher(fn));
}

describe('flushAll', () => {
  it('runs every registered flusher and waits for the slowest', async () => {
    const done: string[] = [];
    let releaseSlow: () => void = () => undefined;
    register(async () => {
      await new Promise<void>((resolve) => {
        releaseSlow = resolve;
      });
      done.push('slow');
    });
    register(async () => {
      done.push('fast');
    });
    let finished = false;
    const flushing = flushAll().then(() => {
      finished = true;
    });
    await Promise.resolve();
    expect(done).toEqual(['fast']);
    expect(finished).toBe(false);
    releaseSlow();
    await flushing;
    expect(done).toEqual(['fast', 'slow']);
  });

  it('still runs the others when one rejects or throws, and never rejects itself', async () => {
    const done: string[] = [];
    register(() => Promise.reject(new Error('disk full')));
    register(() => {
      throw new Error('sync throw');
    });
    register(async () => {
      done.push('saved');
    });
    await expect(flushAll()).resolves.toBeUndefined();
    expect(done).toEqual(['saved']);
  });

  it('no longer runs a flusher once it is unregistered', async () => {
    let runs = 0;
    const unregister = registerFlusher(async () => {
      runs += 1;
    });
    await flushAll();
    unregister();
    await flushAll();
    expect(runs).toBe(1);
  });
});

describe('installFlushBridge', () => {
  it("answers main's flush request by running the registry", async () => {
    let request: (() => Promise<void>) | undefined;
    installFlushBridge({ onFlushRequest: (run) => void (request = run) });
    const done: string[] = [];
    register(async () => {
      done.push('draft saved');
    });
    await request?.();
    expect(done).toEqual(['draft saved']);
  });

  it('does nothing without a bridge (a page outside Electron)', () => {
    expect(() => installFlushBridge(undefined)).not.toThrow();
  });
});
