/**
 * The render frame's wire: the page and the frame (a sandboxed document of its own origin, so
 * Chromium gives it its own process) talk over one MessagePort, handed to the frame in a single
 * `connect` message. Everything after that goes through the port: requests carry an id, and the
 * frame answers each with its result (and, for a check, the parsed flowchart before the drawing).
 */
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import type { DiagramCheck, DiagramTheme, FrameRenderer, RenderPurpose, RenderResult } from './config';

/** The `type` of the page's one window message to the frame; its only port carries the rest. */
export const CONNECT_MESSAGE = 'sysdrill-render-connect';

export type FrameRequest =
  | { readonly id: number; readonly kind: 'render'; readonly text: string; readonly theme: DiagramTheme; readonly purpose: RenderPurpose }
  | { readonly id: number; readonly kind: 'check'; readonly text: string; readonly theme: DiagramTheme; readonly wantsParsed: boolean };

export type FrameReply =
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'parsed'; readonly flowchart: ParsedFlowchart }
  | { readonly id: number; readonly kind: 'rendered'; readonly result: RenderResult }
  | { readonly id: number; readonly kind: 'checked'; readonly result: DiagramCheck };

const THEMES: readonly unknown[] = ['light', 'dark'];
const PURPOSES: readonly unknown[] = ['preview', 'export'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isConnectMessage(data: unknown): boolean {
  return isRecord(data) && data['type'] === CONNECT_MESSAGE;
}

export function isFrameRequest(data: unknown): data is FrameRequest {
  if (!isRecord(data) || !Number.isSafeInteger(data['id']) || typeof data['text'] !== 'string' || !THEMES.includes(data['theme'])) return false;
  if (data['kind'] === 'render') return PURPOSES.includes(data['purpose']);
  return data['kind'] === 'check' && typeof data['wantsParsed'] === 'boolean';
}

const isRenderResult = (value: unknown): value is RenderResult =>
  isRecord(value) && ((value['ok'] === true && typeof value['svg'] === 'string') || (value['ok'] === false && typeof value['error'] === 'string'));

const isDiagramCheck = (value: unknown): value is DiagramCheck =>
  isRecord(value) && ((value['ok'] === true && isRecord(value['flowchart']) && isRenderResult(value['drawn'])) || (value['ok'] === false && Array.isArray(value['errors'])));

/** The frame's side: answers every request that arrives on `port` with `renderer`. */
export function serveFrameRenderer(port: MessagePort, renderer: FrameRenderer): void {
  const answer = async (request: FrameRequest): Promise<FrameReply> => {
    if (request.kind === 'render') return { id: request.id, kind: 'rendered', result: await renderer.render(request.text, request.theme, request.purpose) };
    const onParsed = request.wantsParsed ? (flowchart: ParsedFlowchart): void => port.postMessage({ id: request.id, kind: 'parsed', flowchart } satisfies FrameReply) : undefined;
    return { id: request.id, kind: 'checked', result: await renderer.check(request.text, request.theme, onParsed) };
  };
  port.onmessage = (event: MessageEvent<unknown>) => {
    if (!isFrameRequest(event.data)) return;
    const request = event.data;
    answer(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const failed: FrameReply =
          request.kind === 'render' ? { id: request.id, kind: 'rendered', result: { ok: false, error: message } } : { id: request.id, kind: 'checked', result: { ok: false, errors: [{ line: 1, column: 1, message }] } };
        port.postMessage(failed);
      },
    );
  };
  port.postMessage({ kind: 'ready' } satisfies FrameReply);
}

/** A request before the connection numbers it (each member of the union keeps its own fields). */
type UnnumberedRequest = FrameRequest extends infer R ? (R extends FrameRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  readonly kind: 'rendered' | 'checked';
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
  readonly onParsed?: ((flowchart: ParsedFlowchart) => void) | undefined;
}

export interface FrameConnection {
  /** Resolves once the frame has answered the connection (its script runs). */
  readonly ready: Promise<FrameRenderer>;
  /** Closes the port: calls still waiting are rejected. */
  close(): void;
}

/**
 * The page's side: a FrameRenderer whose calls go over `port`. A reply that is not what was asked
 * for rejects that call (the render host then replaces the frame); stray messages are ignored.
 */
export function connectFrameRenderer(port: MessagePort): FrameConnection {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let markReady: (renderer: FrameRenderer) => void = () => undefined;
  const ready = new Promise<FrameRenderer>((resolve) => (markReady = resolve));

  const call = <T>(kind: Pending['kind'], request: UnnumberedRequest, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { kind, resolve: resolve as (value: never) => void, reject, onParsed });
      port.postMessage({ ...request, id });
    });

  const renderer: FrameRenderer = Object.freeze({
    render: (text: string, theme: DiagramTheme, purpose: RenderPurpose = 'preview') => call<RenderResult>('rendered', { kind: 'render', text, theme, purpose }),
    check: (text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void) => call<DiagramCheck>('checked', { kind: 'check', text, theme, wantsParsed: onParsed !== undefined }, onParsed),
  });

  port.onmessage = (event: MessageEvent<unknown>) => {
    const reply = event.data;
    if (!isRecord(reply)) return;
    if (reply['kind'] === 'ready') {
      markReady(renderer);
      return;
    }
    const waiting = typeof reply['id'] === 'number' ? pending.get(reply['id']) : undefined;
    if (waiting === undefined) return;
    if (reply['kind'] === 'parsed' && isRecord(reply['flowchart'])) {
      try {
        waiting.onParsed?.(reply['flowchart'] as unknown as ParsedFlowchart);
      } catch {
        // The page's own failure must not lose the drawing: the result still comes with the check.
      }
      return;
    }
    pending.delete(reply['id'] as number);
    const result = reply['result'];
    if (reply['kind'] === waiting.kind && (waiting.kind === 'rendered' ? isRenderResult(result) : isDiagramCheck(result))) waiting.resolve(result as never);
    else waiting.reject(new Error(`the render frame answered with ${String(reply['kind'])}`));
  };

  return {
    ready,
    close() {
      port.onmessage = null;
      port.close();
      for (const waiting of pending.values()) waiting.reject(new Error('the render frame was closed'));
      pending.clear();
    },
  };
}
