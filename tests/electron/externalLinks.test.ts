import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS, isAllowedExternalUrl } from '../../electron/externalLinks';

describe('isAllowedExternalUrl', () => {
  it('accepts every link the app defines, and they are all https', () => {
    for (const url of Object.values(EXTERNAL_LINKS)) {
      expect(url.startsWith('https://')).toBe(true);
      expect(isAllowedExternalUrl(url)).toBe(true);
    }
  });

  it.each([
    'http://mermaid.js.org/syntax/flowchart.html',
    'https://mermaid.js.org/syntax/flowchart.html.evil.example/',
    'https://mermaid.js.org/syntax/',
    'https://user:pass@mermaid.js.org/syntax/flowchart.html',
    'https://evil.example/?next=https://mermaid.js.org/syntax/flowchart.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

/** XML namespace names look like URLs but are identifiers, never opened. */
const XML_NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1999/xlink']);

describe('links written in the renderer', () => {
  it('are all on the allow-list, so main will open them', () => {
    const dir = join(import.meta.dirname, '../../renderer/src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx)$/.test(f));
    const links = files.flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/https?:\/\/[^\s'"`)]+/g)].map((m) => m[0]))
      .filter((url) => !XML_NAMESPACES.has(url));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(isAllowedExternalUrl(link), link).toBe(true);
  });
});
