import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function cspOf(htmlFile: string): Map<string, string[]> {
  const { document } = new JSDOM(readFileSync(htmlFile, 'utf8')).window;
  const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
  expect(metas, 'exactly one CSP meta tag').toHaveLength(1);
  const policy = metas[0]?.getAttribute('content') ?? '';
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0] !== undefined && tokens[0] !== '')
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

describe('the renderer Content-Security-Policy (renderer/index.html)', () => {
  const csp = cspOf(join(root, 'renderer', 'index.html'));

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    // The render frame (renderer/mermaid-frame.html) is the only frame: own origin only.
    ['frame-src', ["'self'"]],
  ])('sets %s to exactly %j', (directive, sources) => {
    expect(csp.get(directive)).toEqual(sources);
  });

  it('gives the render frame the same policy, allowing it no frames of its own', () => {
    const frame = cspOf(join(root, 'renderer', 'mermaid-frame.html'));
    expect(new Map([...frame].filter(([name]) => name !== 'frame-src'))).toEqual(new Map([...csp].filter(([name]) => name !== 'frame-src')));
    expect(frame.get('frame-src')).toEqual(["'none'"]);
  });

  it('allows no remote origin, inline script or eval anywhere', () => {
    for (const [directive, sources] of csp) {
      for (const source of sources) {
        expect(source, `${directive} ${source}`).not.toMatch(/^(https?:|wss?:|\*|'unsafe-inline'|'unsafe-eval'|blob:)/);
        expect(source, `${directive} ${source}`).not.toMatch(/\./);
      }
    }
  });

  it('loads no script or stylesheet from another origin', () => {
    const { document } = new JSDOM(readFileSync(join(root, 'renderer', 'index.html'), 'utf8')).window;
    const urls = [...document.querySelectorAll('script[src], link[href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\.\//);
  });
});
