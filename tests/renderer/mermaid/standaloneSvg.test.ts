// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mermaidConfig } from '../../../renderer/src/mermaid/config';
import { standaloneSvg } from '../../../renderer/src/mermaid/standaloneSvg';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('standaloneSvg', () => {
  it('turns the frame markers back into a <style> element and style attributes', () => {
    const frame =
      '<svg id="d1" xmlns="http://www.w3.org/2000/svg" data-sysdrill-style="max-width: 300px;">' +
      '<desc data-sysdrill-css="">#d1 .node &gt; rect{fill:#eee;}</desc>' +
      '<g class="node"><rect data-sysdrill-style="fill: red;"></rect><text>App "data-sysdrill-style="</text></g></svg>';
    expect(standaloneSvg(frame)).toBe(
      DECLARATION +
        '<svg id="d1" xmlns="http://www.w3.org/2000/svg" style="max-width: 300px;">' +
        '<style>#d1 .node &gt; rect{fill:#eee;}</style>' +
        '<g class="node"><rect style="fill: red;"></rect><text>App "data-sysdrill-style="</text></g></svg>',
    );
  });

  it('adds the SVG namespace when missing, drops link tags but keeps their content, and makes &nbsp; and control characters valid XML', () => {
    const frame = '<svg id="d2"><a href="https://example.com"><text>A&nbsp;B\u0001</text></a></svg>';
    expect(standaloneSvg(frame)).toBe(`${DECLARATION}<svg xmlns="http://www.w3.org/2000/svg" id="d2"><text>A&#160;B\uFFFD</text></svg>`);
  });

  it('gives text that parses as XML, with the CSS and the labels intact', () => {
    const out = standaloneSvg('<svg id="d3"><desc data-sysdrill-css="">text{fill:#333}</desc><g><text>Posts &amp; feed&nbsp;DB</text></g></svg>');
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelector('style')?.textContent).toBe('text{fill:#333}');
    expect(doc.querySelector('text')?.textContent).toBe('Posts & feed\u00A0DB');
  });
});

describe('mermaidConfig for export', () => {
  it('keeps labels as SVG text and the strict security level, and draws at natural size', () => {
    const config = mermaidConfig('light', 'export');
    expect(config).toMatchObject({ securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false, useMaxWidth: false }, theme: 'default' });
    expect(mermaidConfig('light').flowchart).toEqual({ htmlLabels: false });
  });
});
