import type { IpcResult, SysdrillApi } from '../../electron/ipc/contract';

export class MissingBridgeError extends Error {
  constructor() {
    super('Sysdrill could not reach its main process: the bridge (window.api) is missing. Restart the app.');
    this.name = 'MissingBridgeError';
  }
}

export function getApi(): SysdrillApi {
  const api = window.api;
  if (api === undefined) throw new MissingBridgeError();
  return api;
}

/**
 * Calls main and always resolves with a result: a missing bridge or a rejected call (which the
 * contract never produces, but a broken process can) becomes an `internal` error to show.
 */
export async function callApi<T>(call: (api: SysdrillApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await call(getApi());
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
