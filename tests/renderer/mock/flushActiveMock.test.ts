import { describe, expect, it, vi } from 'vitest';
import { flushAll } from '../../../renderer/src/lifecycle/flush';
import { flushActiveMock, registerActiveMock } from '../../../renderer/src/mock/flushActiveMock';

describe('the running mock in the quit flush', () => {
  it('is written when main asks the page to flush before closing', async () => {
    const write = vi.fn(async () => undefined);
    const unregister = registerActiveMock(write);
    await flushAll();
    expect(write).toHaveBeenCalledTimes(1);
    unregister();
  });

  it('is no longer written once the mock has ended', async () => {
    const write = vi.fn(async () => undefined);
    registerActiveMock(write)();
    await flushAll();
    await flushActiveMock();
    expect(write).not.toHaveBeenCalled();
  });
});
