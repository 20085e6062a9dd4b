// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CSS_MARKER, STYLE_MARKER } from '../../../renderer/src/mermaid/markers';
import { mountSvg } from '../../../renderer/src/mermaid/mountSvg';

const shadow = (): ShadowRoot => document.createElement('div').attachShadow({ mode: 'open' });

/** Shaped like what the render frame returns: Mermaid's `innerHTML` with styles moved to markers. */
const drawing = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" id="d1" viewBox="0 0 100 50" ${STYLE_MARKER}="max-width: 100px;"><desc ${CSS_MARKER}="">#d1 .node rect { fill: #eee; }</desc>${body}</svg>`;

describe('mountSvg', () => {
  it('mounts the drawing as SVG, its CSS as a sheet and its marked inline styles through CSSOM', () => {
    const into = shadow();
    const mounted = mountSvg(drawing(`<g class="node" ${STYLE_MARKER}="opacity: 0.5"><rect width="10" height="10"></rect><text>API &amp; cache</text></g>`), into);
    if ('error' in mounted) throw new Error(mounted.error);
    expect(mounted.svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(mounted.svg.getAttribute('viewBox')).toBe('0 0 100 50');
    expect(mounted.svg.ownerDocument).toBe(document);
    expect(into.firstElementChild).toBe(mounted.svg);
    expect(mounted.svg.querySelector(`[${CSS_MARKER}]`)).toBeNull();
    expect(mounted.svg.querySelector(`[${STYLE_MARKER}]`)).toBeNull();
    expect(mounted.svg.style.maxWidth).toBe('100px');
    expect((mounted.svg.querySelector('g.node') as SVGGElement).style.opacity).toBe('0.5');
    expect(mounted.svg.querySelector('text')?.textContent).toBe('API & cache');
    expect([...mounted.sheet.cssRules].map((rule) => rule.cssText).join('')).toContain('#d1 .node rect');
  });

  it.each([
    { what: 'a script', markup: '<script>window.hacked = 1</script>', gone: 'script' },
    { what: 'a foreignObject with HTML inside', markup: '<foreignObject><div>hi</div></foreignObject>', gone: 'foreignObject' },
    { what: 'an image that would load', markup: '<image href="https://example.com/x.png"></image>', gone: 'image' },
    { what: 'a use of another document', markup: '<use href="https://example.com/x.svg#a"></use>', gone: 'use' },
  ])('drops $what', ({ markup, gone }) => {
    const mounted = mountSvg(drawing(markup), shadow());
    if ('error' in mounted) throw new Error(mounted.error);
    expect(mounted.svg.querySelector(gone)).toBeNull();
  });

  it('keeps a click link as its content, without the link, and drops handlers', () => {
    const mounted = mountSvg(drawing('<a href="javascript:alert(1)"><g class="node" onclick="alert(2)"><text>Shop</text></g></a>'), shadow());
    if ('error' in mounted) throw new Error(mounted.error);
    expect(mounted.svg.querySelector('a')).toBeNull();
    const node = mounted.svg.querySelector('g.node');
    expect(node?.textContent).toBe('Shop');
    expect(node?.hasAttribute('onclick')).toBe(false);
  });

  it('drops every event handler and link target, whatever their case, on any element', () => {
    const mounted = mountSvg(drawing('<g class="node" onload="x()" ONMOUSEOVER="y()"><text xlink:href="#a" data-label="kept">t</text><rect href="#b"></rect></g>'), shadow());
    if ('error' in mounted) throw new Error(mounted.error);
    const names = [...mounted.svg.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
    expect(names.filter((name) => /^on|href$/i.test(name))).toEqual([]);
    expect(mounted.svg.querySelector('text')?.getAttribute('data-label')).toBe('kept');
  });

  it.each([
    { what: 'text that is not SVG', text: '<div>no drawing</div>' },
    { what: 'nothing', text: '' },
    { what: 'markup that breaks out of the SVG', text: '<svg xmlns="http://www.w3.org/2000/svg"><p>outside</p></svg>' },
  ])('refuses $what with a worded error, leaving the preview as it was', ({ text }) => {
    const into = shadow();
    into.append(document.createElement('span'));
    expect(mountSvg(text, into)).toEqual({ error: 'The preview could not be drawn (Mermaid returned SVG that does not parse).' });
    expect(into.firstElementChild?.localName).toBe('span');
  });

  it('shows a control character from a label as U+FFFD', () => {
    const mounted = mountSvg(drawing('<text>a\u0001b</text>'), shadow());
    if ('error' in mounted) throw new Error(mounted.error);
    expect(mounted.svg.querySelector('text')?.textContent).toBe('a\uFFFDb');
  });
});
