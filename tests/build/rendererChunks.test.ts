import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../out/renderer');

/** The JavaScript files index.html makes the browser load before anything runs (its script and module preloads). */
function eagerScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  return [...scripts, ...preloads];
}

describe('the built renderer (npm run build)', () => {
  const html = existsSync(join(OUT, 'index.html')) ? readFileSync(join(OUT, 'index.html'), 'utf8') : '';

  it('exists (run `npm run build` first)', () => {
    expect(html).not.toBe('');
  });

  it('loads neither the editor, nor Mermaid, nor a non-home screen at start', () => {
    const eager = eagerScripts(html);
    expect(eager.length).toBeGreaterThan(0);
    for (const file of eager) {
      const code = readFileSync(join(OUT, file), 'utf8');
      expect(code, file).not.toContain('cm-editor');
      expect(code, file).not.toContain('getDiagramFromText');
      expect(code, file).not.toContain('Mermaid diagram editor');
      expect(code, file).not.toContain('Submit for grading');
    }
  });

  it('is minified (the start script averages over 500 characters a line)', () => {
    const main = eagerScripts(html).find((file) => /index-[^/]+\.js$/.test(file)) ?? '';
    const code = readFileSync(join(OUT, main), 'utf8');
    expect(code.length / code.split('\n').length).toBeGreaterThan(500);
  });
});
