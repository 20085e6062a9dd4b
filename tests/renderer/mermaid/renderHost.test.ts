import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiagramCheck, FrameRenderer, RenderResult } from '../../../renderer/src/mermaid/config';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { createRenderHost, FRAME_FAILED, RENDER_TIMED_OUT, type FrameHandle } from '../../../renderer/src/mermaid/renderHost';

/** Frames whose renders are answered by `answer`, recording what was opened and disposed. */
function frames(answer: (text: string, frame: number) => Promise<RenderResult>) {
  const opened: { disposed: boolean; renders: string[] }[] = [];
  const openFrame = (): FrameHandle => {
    const record = { disposed: false, renders: [] as string[] };
    opened.push(record);
    const index = opened.length - 1;
    const renderer: FrameRenderer = {
      render: (text) => {
        record.renders.push(text);
        return answer(text, index);
      },
      check: () => Promise.reject(new Error('not used here')),
    };
    return { ready: Promise.resolve(renderer), dispose: () => (record.disposed = true) };
  };
  return { opened, openFrame };
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe('createRenderHost', () => {
  it('draws in one frame, one render after another', async () => {
    const { opened, openFrame } = frames((text) => Promise.resolve({ ok: true, svg: `<svg>${text}</svg>` }));
    const host = createRenderHost({ openFrame, timeoutMs: 1_000 });
    const results = await Promise.all([host.render('A', 'light'), host.render('B', 'dark')]);
    expect(results).toEqual([
      { ok: true, svg: '<svg>A</svg>' },
      { ok: true, svg: '<svg>B</svg>' },
    ]);
    expect(opened).toEqual([{ disposed: false, renders: ['A', 'B'] }]);
  });

  it('abandons a render that never settles, with its frame, and draws the next one in a fresh frame', async () => {
    vi.useFakeTimers();
    const { opened, openFrame } = frames((text) => (text === 'hangs' ? never() : Promise.resolve({ ok: true, svg: `<svg>${text}</svg>` })));
    const host = createRenderHost({ openFrame, timeoutMs: 5_000 });
    const hung = host.render('hangs', 'light');
    const next = host.render('flowchart LR\n A --> B', 'light');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await hung).toEqual({ ok: false, error: RENDER_TIMED_OUT });
    expect(await next).toEqual({ ok: true, svg: '<svg>flowchart LR\n A --> B</svg>' });
    expect(opened).toEqual([
      { disposed: true, renders: ['hangs'] },
      { disposed: false, renders: ['flowchart LR\n A --> B'] },
    ]);
  });

  it('gives up on a frame that never opens, removing it, and tries a new one next time', async () => {
    vi.useFakeTimers();
    const disposed: number[] = [];
    let opens = 0;
    const host = createRenderHost({
      openFrame: () => {
        const index = opens++;
        const ready: Promise<FrameRenderer> = index === 0 ? never() : Promise.resolve({ render: () => Promise.resolve({ ok: true, svg: '<svg/>' }), check: () => Promise.reject(new Error('not used here')) });
        return { ready, dispose: () => disposed.push(index) };
      },
      timeoutMs: 5_000,
    });
    const first = host.render('A', 'light');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await first).toEqual({ ok: false, error: FRAME_FAILED });
    expect(disposed).toEqual([0]);
    expect(await host.render('A', 'light')).toEqual({ ok: true, svg: '<svg/>' });
  });

  it('reports a frame whose render throws, and replaces that frame', async () => {
    const { opened, openFrame } = frames((_text, frame) => (frame === 0 ? Promise.reject(new Error('realm gone')) : Promise.resolve({ ok: false, error: 'Parse error on line 2' })));
    const host = createRenderHost({ openFrame, timeoutMs: 1_000 });
    expect(await host.render('A', 'light')).toEqual({ ok: false, error: FRAME_FAILED });
    expect(await host.render('A', 'light')).toEqual({ ok: false, error: 'Parse error on line 2' });
    expect(opened.map((frame) => frame.disposed)).toEqual([true, false]);
  });
});

describe('createRenderHost.warm', () => {
  it('opens the frame before the first render and draws in that same frame', async () => {
    const { opened, openFrame } = frames((text) => Promise.resolve({ ok: true, svg: text }));
    const host = createRenderHost({ openFrame, timeoutMs: 1_000 });
    host.warm();
    expect(opened).toHaveLength(1);
    host.warm();
    await host.render('A', 'light');
    expect(opened).toEqual([{ disposed: false, renders: ['A'] }]);
  });
});

describe('createRenderHost under a jumped clock', () => {
  it('keeps a render whose timer fired early in real time, re-arming for the rest', async () => {
    vi.useFakeTimers();
    let real = 0;
    let finish: (result: RenderResult) => void = () => undefined;
    const renderer: FrameRenderer = { render: () => new Promise<RenderResult>((resolve) => (finish = resolve)), check: () => Promise.reject(new Error('not used here')) };
    const host = createRenderHost({ openFrame: () => ({ ready: Promise.resolve(renderer), dispose: () => undefined }), timeoutMs: 5_000, now: () => real });
    const drawing = host.render('A', 'light');
    await vi.advanceTimersByTimeAsync(60_000); // the page's clock jumps a minute; no real time passed
    real = 1_000;
    finish({ ok: true, svg: '<svg/>' });
    expect(await drawing).toEqual({ ok: true, svg: '<svg/>' });
  });
});

describe('createRenderHost check', () => {
  it('hands over the parsed flowchart, as a copy, before the drawing is done (so grading overlaps it)', async () => {
    const flowchart = { direction: 'LR', vertices: [{ id: 'A', label: 'App', shape: 'square', classes: [], line: 2 }], edges: [], subgraphs: [] } as unknown as ParsedFlowchart;
    let finishDrawing: () => void = () => undefined;
    const renderer: FrameRenderer = {
      render: () => Promise.reject(new Error('not used here')),
      check: (_text, _theme, onParsed) => {
        onParsed?.(flowchart);
        return new Promise<DiagramCheck>((resolve) => (finishDrawing = () => resolve({ ok: true, flowchart, drawn: { ok: true, svg: '<svg/>' } })));
      },
    };
    const host = createRenderHost({ openFrame: () => ({ ready: Promise.resolve(renderer), dispose: () => undefined }), timeoutMs: 5_000 });
    const parsed: ParsedFlowchart[] = [];
    const checking = host.check('flowchart LR\n  A[App]', 'light', (copy) => parsed.push(copy));
    await vi.waitFor(() => expect(parsed).toHaveLength(1));
    expect(parsed[0]).toEqual(flowchart);
    expect(parsed[0]).not.toBe(flowchart);
    finishDrawing();
    expect(await checking).toEqual({ ok: true, flowchart, drawn: { ok: true, svg: '<svg/>' } });
  });
});
