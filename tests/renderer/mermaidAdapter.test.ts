// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseForGrading, renderDiagram } from '../../renderer/src/mermaid/index';

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
    const result = await parseForGrading('flowchart LR\n  A["<img src=x onerror=alert(1)> Orders <b style=\'x\'>DB</b>"] --> B');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flowchart.vertices.find((v) => v.id === 'A')?.label).toBe('Orders DB');
  }, 30_000);

  it('patches nothing the page shares while it parses and draws', async () => {
    const natives = [Element.prototype.setAttribute, Document.prototype.createElement, DOMParser.prototype.parseFromString];
    const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
    const parsing = parseForGrading('flowchart LR\n  A["<b style=\'x\'>a</b>"] --> B');
    const drawing = renderDiagram('flowchart LR\n  A --> B');

    // During the calls: the page's own code gets real elements and untouched markup.
    expect(document.createElement('style')).toBeInstanceOf(HTMLStyleElement);
    const parsed = new DOMParser().parseFromString('<div style="color: red" onclick="go()">x</div>', 'text/html');
    expect(parsed.querySelector('div')?.getAttribute('style')).toBe('color: red');
    expect(parsed.querySelector('div')?.getAttribute('onclick')).toBe('go()');
    const span = document.createElement('span');
    span.setAttribute('style', 'color: blue');
    expect(span.getAttribute('style')).toBe('color: blue');

    await Promise.all([parsing, drawing]);
    expect([Element.prototype.setAttribute, Document.prototype.createElement, DOMParser.prototype.parseFromString]).toEqual(natives);
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).toEqual(innerHtml);
  }, 60_000);

  it('reports a drawing that cannot happen (jsdom runs no render frame) as a worded error and leaves nothing behind', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const result = await renderDiagram('flowchart LR\n  A --> B');
    expect(result).toEqual({ ok: false, error: 'The diagram preview could not start. Reload the window (View → Reload) to try again.' });
    expect(document.body.innerHTML).toBe('<div id="root"></div>');
    expect(document.adoptedStyleSheets ?? []).toHaveLength(0);
  }, 60_000);
});
