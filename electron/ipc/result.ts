import type { IpcError, IpcErrorCode, IpcIssue, IpcResult } from './contract';

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const fail = (code: IpcErrorCode, message: string, issues?: readonly IpcIssue[]): { readonly ok: false; readonly error: IpcError } => ({
  ok: false,
  error: issues === undefined ? { code, message } : { code, message, issues },
});
