import type { z } from 'zod';
import { isChannel, type Channel } from './channels';
import { CONTRACT, type ChannelInput, type ChannelOutput, type IpcIssue, type IpcResult } from './contract';
import { HANDLERS, type Handler, type HandlerContext } from './handlers';
import { fail, ok } from './result';

export interface DispatchOptions {
  /** Told about every internal error (a bug or an I/O failure), with the original error. */
  readonly onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * Runs one IPC request. Never throws and never rejects: an unknown channel or a payload that does
 * not match the contract is a `validation` error, a handler that throws or answers outside its
 * output schema is an `internal` error.
 */
export async function dispatch(
  ctx: HandlerContext,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return fail('validation', `Unknown request ${describe(channel)}.`);
  }
  const spec = CONTRACT[channel];
  const input = spec.input.safeParse(payload);
  if (!input.success) {
    const issues = toIssues(input.error);
    const first = issues[0];
    const detail = first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`;
    return fail('validation', `Invalid request to ${channel}${detail}`, issues);
  }
  try {
    const handler = HANDLERS[channel] as Handler<Channel>;
    const result = await handler(ctx, input.data as never);
    if (!result.ok) return result;
    const output = spec.output.safeParse(result.value);
    if (!output.success) {
      options.onInternalError?.(channel, output.error);
      return fail('internal', `${channel} produced an answer that does not match the contract.`);
    }
    return ok(output.data);
  } catch (error) {
    options.onInternalError?.(channel, error);
    return fail('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The same as `dispatch`, typed by channel: for tests and in-process callers. */
export function dispatchTyped<C extends Channel>(
  ctx: HandlerContext,
  channel: C,
  payload: ChannelInput<C>,
  options?: DispatchOptions,
): Promise<IpcResult<ChannelOutput<C>>> {
  return dispatch(ctx, channel, payload, options) as Promise<IpcResult<ChannelOutput<C>>>;
}

function toIssues(error: z.ZodError): readonly IpcIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

function describe(value: unknown): string {
  if (typeof value !== 'string') return `(channel of type ${value === null ? 'null' : typeof value})`;
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
