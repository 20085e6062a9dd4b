import type { SysdrillApi } from '../../electron/ipc/contract';
import type { LifecycleBridge } from './lifecycle/flush';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload.ts); absent if the preload failed to run. */
    readonly api?: SysdrillApi;
    /** Main's flush requests before the window closes (electron/preload.ts). */
    readonly lifecycle?: LifecycleBridge;
  }
}

export {};
