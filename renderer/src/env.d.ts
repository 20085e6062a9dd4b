import type { SysdrillApi } from '../../electron/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload.ts); absent if the preload failed to run. */
    readonly api?: SysdrillApi;
  }
}

export {};
