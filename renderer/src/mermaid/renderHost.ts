import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import type { DiagramCheck, DiagramTheme, FrameRenderer, RenderPurpose, RenderResult } from './config';

/** A render frame being opened: `ready` once it can draw; `dispose` removes it either way. */
export interface FrameHandle {
  readonly ready: Promise<FrameRenderer>;
  dispose(): void;
}

export interface RenderHostOptions {
  readonly openFrame: () => FrameHandle;
  /** How long opening the frame, and then one render, may take before it is abandoned. */
  readonly timeoutMs: number;
  /**
   * Milliseconds elapsed, from a source a page's fake clock does not move (Playwright's
   * `page.clock` jumps timers by minutes in the mock-interview tests): a timer that fires early in
   * real time is re-armed for the rest. Defaults to `performance.now`.
   */
  readonly now?: () => number;
}

export interface RenderHost {
  render(text: string, theme: DiagramTheme, purpose?: RenderPurpose): Promise<RenderResult>;
  /**
   * Parses and draws in one Mermaid pass; a frame failure or time-out comes back as `drawn`'s
   * error. `onParsed` gets a copy of the flowchart (made in this realm) before it is drawn.
   */
  check(text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<DiagramCheck>;
  /** Opens the frame ahead of the first render (it loads Mermaid meanwhile). */
  warm(): void;
  dispose(): void;
}

export const RENDER_TIMED_OUT = 'Drawing this diagram took too long and was stopped. Simplify it or split it, then edit to try again.';
export const FRAME_FAILED = 'The diagram preview could not start. Reload the window (View → Reload) to try again.';

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number, now: () => number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = now();
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    const arm = (wait: number): void => {
      timer = setTimeout(() => {
        const left = ms - (now() - start);
        if (left > 0) arm(left);
        else resolve(TIMED_OUT);
      }, wait);
    };
    arm(ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Draws one diagram at a time in a render frame, each step bounded by `timeoutMs`. A render that
 * hangs (or a frame that never opens) is abandoned with the whole frame: the caller gets a
 * worded error, and the next render starts in a fresh frame instead of waiting forever.
 */
export function createRenderHost(options: RenderHostOptions): RenderHost {
  const now = options.now ?? (() => performance.now());
  let frame: FrameHandle | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const discard = (handle: FrameHandle): void => {
    if (frame === handle) frame = undefined;
    handle.dispose();
  };

  /** Runs `call` in the frame, each step bounded; a failure is worded, and a hung frame is dropped. */
  const inFrame = async <T>(call: (renderer: FrameRenderer) => Promise<T>): Promise<T | { readonly failed: string }> => {
    const handle = (frame ??= options.openFrame());
    let renderer: FrameRenderer | typeof TIMED_OUT;
    try {
      renderer = await withTimeout(handle.ready, options.timeoutMs, now);
    } catch {
      discard(handle);
      return { failed: FRAME_FAILED };
    }
    if (renderer === TIMED_OUT) {
      discard(handle);
      return { failed: FRAME_FAILED };
    }
    let outcome: T | typeof TIMED_OUT;
    try {
      outcome = await withTimeout(call(renderer), options.timeoutMs, now);
    } catch {
      discard(handle);
      return { failed: FRAME_FAILED };
    }
    if (outcome === TIMED_OUT) {
      discard(handle);
      return { failed: RENDER_TIMED_OUT };
    }
    return outcome;
  };

  const renderNow = async (text: string, theme: DiagramTheme, purpose: RenderPurpose): Promise<RenderResult> => {
    const outcome = await inFrame((renderer) => renderer.render(text, theme, purpose));
    if ('failed' in outcome) return { ok: false, error: outcome.failed };
    // Copied field by field: only what a result is, whatever else the frame's answer carried.
    return outcome.ok ? { ok: true, svg: String(outcome.svg) } : { ok: false, error: String(outcome.error) };
  };

  const checkNow = async (text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<DiagramCheck> => {
    const parsed = onParsed === undefined ? undefined : (flowchart: ParsedFlowchart): void => onParsed(structuredClone(flowchart));
    const outcome = await inFrame((renderer) => renderer.check(text, theme, parsed));
    if ('failed' in outcome) return { ok: false, errors: [{ line: 1, column: 1, message: outcome.failed }] };
    // A copy the page owns: nothing it holds is shared with the frame's connection (or a test's fake).
    return structuredClone(outcome);
  };

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const result = queue.then(job);
    queue = result;
    return result;
  };

  return {
    render(text, theme, purpose = 'preview') {
      return enqueue(() => renderNow(text, theme, purpose));
    },
    check(text, theme, onParsed) {
      return enqueue(() => checkNow(text, theme, onParsed));
    },
    warm() {
      frame ??= options.openFrame();
    },
    dispose() {
      if (frame !== undefined) discard(frame);
    },
  };
}
