import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { SysdrillApi } from '../../electron/ipc/contract';

/** Stands in for the preload: what the renderer finds as `window.api`. */
export function installApi(api: SysdrillApi | undefined): void {
  Object.defineProperty(window, 'api', { value: api, configurable: true });
}

/** After each test: unmount, remove the bridge and go back to the home route. */
export function resetAppAfterEach(): void {
  afterEach(() => {
    cleanup();
    installApi(undefined);
    window.location.hash = '';
  });
}
