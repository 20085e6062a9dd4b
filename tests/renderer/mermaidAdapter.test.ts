// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseForGrading, renderDiagram } from '../../renderer/src/mermaid/index';
import { runGuarded } from '../../renderer/src/mermaid/cspGuard';

describe('renderer Mermaid adapter', () => {
  it('parses a flowchart into plain data', async () => {
    const result = await parseForGrading('flowchart LR\n  User([Browser]) --> App[Shortener service]\n  App --> DB[(Links)]');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flowchart.vertices.map((v) => [v.id, v.label, v.shape])).toEqual([
      ['User', 'Browser', 'stadium'],
      ['App', 'Shortener service', 'square'],
      ['DB', 'Links', 'cylinder'],
    ]);
    expect(result.flowchart.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['User->App', 'App->DB']);
  }, 30_000);

  it('locates a syntax error with a fix, never throwing', async () => {
    const result = await parseForGrading('flowchart LR\n  A --> B[Service (v2)]');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: 19 }] });
    if (result.ok) return;
    expect(result.errors[0]?.hint).toContain('A --> B["Service (v2)"]');
  }, 30_000);

  it('parses a label full of markup to plain text for the grader', async () => {
    const result = await parseForGrading('flowchart LR\n  A["<img src=x onerror=alert(1)> Orders <b>DB</b>"] --> B');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flowchart.vertices.find((v) => v.id === 'A')?.label).toBe('Orders DB');
  }, 30_000);

  it('puts the DOM back exactly as it was after each guarded call, even a failing one', async () => {
    const originals = [Element.prototype.setAttribute, Document.prototype.createElement, DOMParser.prototype.parseFromString];
    const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
    await parseForGrading('flowchart LR\n  A --> B');
    await expect(runGuarded(document.createElement('div'), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect([Element.prototype.setAttribute, Document.prototype.createElement, DOMParser.prototype.parseFromString]).toEqual(originals);
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).toEqual(innerHtml);
  }, 30_000);

  it('runs guarded calls one after another', async () => {
    const order: string[] = [];
    const slow = runGuarded(undefined, async () => {
      order.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow end');
    });
    const fast = runGuarded(undefined, async () => {
      order.push('fast');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast']);
  });

  it.each([
    ['a syntax error', 'flowchart LR\n  A --> B[Service (v2)]'],
    ['a diagram jsdom cannot lay out', 'flowchart LR\n  A --> B'],
  ])('reports a failed render of %s as an error and leaves nothing behind in the page', async (_, text) => {
    document.body.innerHTML = '<div id="root"></div>';
    const result = await renderDiagram(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.length).toBeGreaterThan(0);
    expect(document.body.innerHTML).toBe('<div id="root"></div>');
    expect(document.adoptedStyleSheets ?? []).toHaveLength(0);
  }, 30_000);
});
