// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { guardRenderRealm, releasingAdoptedSheets } from '../../../renderer/src/mermaid/frameGuard';
import { CSS_MARKER, STYLE_MARKER } from '../../../renderer/src/mermaid/markers';

/** A realm of its own, as the render frame is: its own window, prototypes and document. */
function frameRealm(): Window & typeof globalThis {
  const realm = new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true }).window as unknown as Window & typeof globalThis;
  guardRenderRealm(realm);
  return realm;
}

describe('guardRenderRealm (inside the render frame only)', () => {
  it('turns a style attribute into CSSOM in the frame', () => {
    const realm = frameRealm();
    const node = realm.document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    node.setAttribute('style', 'fill: red');
    node.setAttribute('class', 'node');
    expect(node.style.getPropertyValue('fill')).toBe('red');
    expect(node.getAttribute('class')).toBe('node');
  });

  it('hands Mermaid an inert holder for its <style> in the frame', () => {
    const realm = frameRealm();
    const style = realm.document.createElement('style');
    expect(style.localName).toBe('desc');
    expect(style.hasAttribute(CSS_MARKER)).toBe(true);
  });

  it('defuses handlers and styles before the frame parses markup', () => {
    const realm = frameRealm();
    const parsed = new realm.DOMParser().parseFromString('<div style="color:red" onclick="go()" id="d">x</div>', 'text/html');
    const div = parsed.getElementById('d');
    expect(div?.hasAttribute('style')).toBe(false);
    expect(div?.hasAttribute('onclick')).toBe(false);
  });

  it('moves inline styles of a drawing out of its serialised markup', () => {
    const realm = frameRealm();
    const box = realm.document.createElement('div');
    realm.document.body.append(box);
    const g = realm.document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.style.cssText = 'fill: blue';
    box.append(g);
    expect(box.innerHTML).toContain(`${STYLE_MARKER}="fill: blue;"`);
    expect(box.innerHTML).not.toContain(' style=');
  });

  it('leaves the page’s own realm exactly as it was', () => {
    frameRealm();
    expect(document.createElement('style')).toBeInstanceOf(HTMLStyleElement);
    const parsed = new DOMParser().parseFromString('<div style="color:red" onclick="go()">x</div>', 'text/html');
    expect(parsed.querySelector('div')?.getAttribute('style')).toBe('color:red');
    expect(parsed.querySelector('div')?.getAttribute('onclick')).toBe('go()');
  });
});

describe('releasingAdoptedSheets', () => {
  const sheet = (name: string): CSSStyleSheet => ({ name }) as unknown as CSSStyleSheet;
  /** Like Chromium's document: reading gives the one live list, and assigning replaces its contents. */
  const liveDocument = (initial: CSSStyleSheet[]): { adoptedStyleSheets: CSSStyleSheet[] } => {
    const live = [...initial];
    return {
      get adoptedStyleSheets() {
        return live;
      },
      set adoptedStyleSheets(sheets: CSSStyleSheet[]) {
        live.splice(0, live.length, ...sheets);
      },
    };
  };

  it('drops the sheets a drawing adopted once it is done, keeping the ones from before', async () => {
    const kept = sheet('kept');
    const doc = liveDocument([kept]);
    let during: readonly CSSStyleSheet[] = [];
    const svg = await releasingAdoptedSheets(doc, () => {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet('drawing')];
      during = [...doc.adoptedStyleSheets];
      return Promise.resolve('<svg/>');
    });
    expect(svg).toBe('<svg/>');
    expect(during).toHaveLength(2);
    expect(doc.adoptedStyleSheets).toEqual([kept]);
  });

  it('drops them when the drawing fails too, and passes the failure on', async () => {
    const doc = liveDocument([]);
    const failing = releasingAdoptedSheets(doc, () => {
      doc.adoptedStyleSheets = [sheet('drawing')];
      return Promise.reject(new Error('Parse error on line 2'));
    });
    await expect(failing).rejects.toThrow('Parse error on line 2');
    expect(doc.adoptedStyleSheets).toEqual([]);
  });

  it('leaves the frame with no more sheets after many drawings than after one', async () => {
    const doc = liveDocument([]);
    for (let i = 0; i < 50; i++) {
      await releasingAdoptedSheets(doc, () => {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet(`drawing ${i}`)];
        return Promise.resolve(i);
      });
    }
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });
});
