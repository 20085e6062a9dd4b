import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, type ApiMethod } from './ipc/channels';
import type { SysdrillApi } from './ipc/contract';

/**
 * The whole bridge: one named async function per contract channel, nothing else. The renderer
 * never sees ipcRenderer; main validates every payload and answers with a typed result.
 */
const api = Object.fromEntries(
  (Object.keys(API_METHODS) as ApiMethod[]).map((method) => {
    const channel = API_METHODS[method];
    return [method, (input?: unknown) => ipcRenderer.invoke(channel, input)];
  }),
) as unknown as SysdrillApi;

contextBridge.exposeInMainWorld('api', Object.freeze(api));
