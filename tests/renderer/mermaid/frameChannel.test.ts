import { afterEach, describe, expect, it } from 'vitest';
import type { DiagramCheck, FrameRenderer, RenderResult } from '../../../renderer/src/mermaid/config';
import { CONNECT_MESSAGE, connectFrameRenderer, isConnectMessage, isFrameRequest, serveFrameRenderer, type FrameConnection } from '../../../renderer/src/mermaid/frameChannel';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';

const FLOWCHART = { direction: 'LR', nodes: [{ id: 'A', label: 'Orders' }], edges: [], subgraphs: [] } as unknown as ParsedFlowchart;

const open: { close(): void }[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** The page's connection to a frame served by `renderer`, over a real MessageChannel. */
function connected(renderer: FrameRenderer): FrameConnection {
  const channel = new MessageChannel();
  open.push(channel.port1, channel.port2);
  serveFrameRenderer(channel.port2, renderer);
  return connectFrameRenderer(channel.port1);
}

const fixedRenderer = (render: RenderResult, check: DiagramCheck, onCheck?: (parsed?: (flowchart: ParsedFlowchart) => void) => void): FrameRenderer => ({
  render: () => Promise.resolve(render),
  check: (_text, _theme, onParsed) => {
    onCheck?.(onParsed);
    return Promise.resolve(check);
  },
});

describe('the render frame channel', () => {
  it('is ready once the frame answers, and carries a render and its result across', async () => {
    const seen: unknown[] = [];
    const renderer: FrameRenderer = {
      render: (text, theme, purpose) => {
        seen.push([text, theme, purpose]);
        return Promise.resolve({ ok: true, svg: `<svg>${text}</svg>` });
      },
      check: () => Promise.reject(new Error('not used')),
    };
    const frame = await connected(renderer).ready;
    expect(await frame.render('flowchart LR\n A', 'dark', 'export')).toEqual({ ok: true, svg: '<svg>flowchart LR\n A</svg>' });
    expect(await frame.render('B', 'light')).toEqual({ ok: true, svg: '<svg>B</svg>' });
    expect(seen).toEqual([
      ['flowchart LR\n A', 'dark', 'export'],
      ['B', 'light', 'preview'],
    ]);
  });

  it('hands the page the parsed flowchart before the check result, as a copy', async () => {
    const events: string[] = [];
    const check: DiagramCheck = { ok: true, flowchart: FLOWCHART, drawn: { ok: true, svg: '<svg/>' } };
    const frame = await connected(fixedRenderer({ ok: true, svg: '' }, check, (onParsed) => onParsed?.(FLOWCHART))).ready;
    let parsed: ParsedFlowchart | undefined;
    const result = await frame.check('flowchart LR\n A[Orders]', 'light', (flowchart) => {
      parsed = flowchart;
      events.push('parsed');
    });
    events.push('checked');
    expect(events).toEqual(['parsed', 'checked']);
    expect(parsed).toEqual(FLOWCHART);
    expect(parsed).not.toBe(FLOWCHART);
    expect(result).toEqual(check);
  });

  it('does not ask the frame for the flowchart when the page has no use for it', async () => {
    let askedFor: boolean | undefined;
    const check: DiagramCheck = { ok: false, errors: [{ line: 2, column: 3, message: 'Parse error on line 2' }] };
    const frame = await connected(fixedRenderer({ ok: true, svg: '' }, check, (onParsed) => (askedFor = onParsed !== undefined))).ready;
    expect(await frame.check('flowchart LR\n A[', 'light')).toEqual(check);
    expect(askedFor).toBe(false);
  });

  it("keeps the result when the page's own handler for the parsed flowchart throws", async () => {
    const check: DiagramCheck = { ok: true, flowchart: FLOWCHART, drawn: { ok: false, error: 'too big' } };
    const frame = await connected(fixedRenderer({ ok: true, svg: '' }, check, (onParsed) => onParsed?.(FLOWCHART))).ready;
    const result = await frame.check('x', 'light', () => {
      throw new Error('page bug');
    });
    expect(result).toEqual(check);
  });

  it("words the frame's own failure as the call's result", async () => {
    const renderer: FrameRenderer = { render: () => Promise.reject(new Error('realm gone')), check: () => Promise.reject(new Error('no Mermaid')) };
    const frame = await connected(renderer).ready;
    expect(await frame.render('A', 'light')).toEqual({ ok: false, error: 'realm gone' });
    expect(await frame.check('A', 'light')).toEqual({ ok: false, errors: [{ line: 1, column: 1, message: 'no Mermaid' }] });
  });

  it('rejects a call whose answer is not what was asked for, so the host replaces the frame', async () => {
    const channel = new MessageChannel();
    open.push(channel.port1, channel.port2);
    channel.port2.onmessage = (event: MessageEvent<{ id: number }>) => channel.port2.postMessage({ id: event.data.id, kind: 'rendered', result: { ok: 'yes' } });
    channel.port2.postMessage({ kind: 'ready' });
    const frame = await connectFrameRenderer(channel.port1).ready;
    await expect(frame.render('A', 'light')).rejects.toThrow(/answered with rendered/);
  });

  it('rejects the calls still waiting when the connection is closed', async () => {
    const never: FrameRenderer = { render: () => new Promise<RenderResult>(() => undefined), check: () => new Promise<DiagramCheck>(() => undefined) };
    const connection = connected(never);
    const frame = await connection.ready;
    const waiting = frame.render('A', 'light');
    connection.close();
    await expect(waiting).rejects.toThrow(/closed/);
  });

  it('ignores requests that are not the protocol', async () => {
    const calls: string[] = [];
    const renderer: FrameRenderer = {
      render: (text) => {
        calls.push(text);
        return Promise.resolve({ ok: true, svg: '' });
      },
      check: () => Promise.reject(new Error('not used')),
    };
    const channel = new MessageChannel();
    open.push(channel.port1, channel.port2);
    const replies: unknown[] = [];
    channel.port1.onmessage = (event: MessageEvent<unknown>) => replies.push(event.data);
    serveFrameRenderer(channel.port2, renderer);
    for (const junk of [null, 'render', { id: 1, kind: 'render', text: 'A', theme: 'blue', purpose: 'preview' }, { id: 'x', kind: 'check', text: 'A', theme: 'light', wantsParsed: true }, { id: 2, kind: 'eval', text: 'A', theme: 'light' }]) {
      channel.port1.postMessage(junk);
    }
    channel.port1.postMessage({ id: 3, kind: 'render', text: 'real', theme: 'light', purpose: 'preview' });
    await expect.poll(() => replies.length).toBe(2);
    expect(calls).toEqual(['real']);
    expect(replies).toEqual([{ kind: 'ready' }, { id: 3, kind: 'rendered', result: { ok: true, svg: '' } }]);
  });
});

describe('frame message shapes', () => {
  it.each([
    [{ type: CONNECT_MESSAGE }, true],
    [{ type: 'other' }, false],
    [CONNECT_MESSAGE, false],
    [null, false],
  ])('connect message %j → %s', (data, expected) => {
    expect(isConnectMessage(data)).toBe(expected);
  });

  it.each([
    [{ id: 1, kind: 'render', text: 'A', theme: 'light', purpose: 'preview' }, true],
    [{ id: 1, kind: 'render', text: 'A', theme: 'dark', purpose: 'export' }, true],
    [{ id: 1, kind: 'check', text: 'A', theme: 'light', wantsParsed: false }, true],
    [{ id: 1, kind: 'render', text: 'A', theme: 'light', purpose: 'print' }, false],
    [{ id: 1.5, kind: 'render', text: 'A', theme: 'light', purpose: 'preview' }, false],
    [{ id: 1, kind: 'check', text: 7, theme: 'light', wantsParsed: false }, false],
    [{ id: 1, kind: 'check', text: 'A', theme: 'light' }, false],
  ])('request %j → %s', (data, expected) => {
    expect(isFrameRequest(data)).toBe(expected);
  });
});
