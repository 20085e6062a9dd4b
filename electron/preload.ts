import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, LIFECYCLE_EVENTS, type ApiMethod } from './ipc/channels';
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

/**
 * Main's "save everything now" before the window closes: the page registers one function, and
 * main hears back (with the request's id) once it has settled, whatever its outcome.
 */
contextBridge.exposeInMainWorld(
  'lifecycle',
  Object.freeze({
    onFlushRequest: (run: () => Promise<void>): void => {
      ipcRenderer.on(LIFECYCLE_EVENTS.flushRequest, (_event, id: unknown) => {
        void Promise.resolve()
          .then(run)
          .catch(() => undefined)
          .finally(() => ipcRenderer.send(LIFECYCLE_EVENTS.flushDone, id));
      });
    },
  }),
);
