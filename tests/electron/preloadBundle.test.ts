import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, CHANNELS } from '../../electron/ipc/channels';

/**
 * A sandboxed preload can require nothing but 'electron'. These checks read the BUILT bundles,
 * so they run after `npm run build` (which `npm test` does first).
 */
const out = join(import.meta.dirname, '../../out');

function built(relative: string): string {
  const file = join(out, relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the unit tests (npm test does).`);
  return readFileSync(file, 'utf8');
}

describe('the built preload (out/preload/index.cjs)', () => {
  const source = built('preload/index.cjs');
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

  it('is CommonJS and requires only electron', () => {
    const required = [...source.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(required).toEqual(['electron']);
    expect(source).not.toMatch(/^\s*import\s|\bimport\(/m);
  });

  it('carries no zod and no raw ipcRenderer exposure', () => {
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
    expect(source).not.toMatch(/exposeInMainWorld\(\s*["']ipcRenderer/);
    expect(source).toMatch(/exposeInMainWorld\(\s*["']api["']/);
  });

  it('names every contract channel', () => {
    for (const channel of CHANNELS) expect(source).toContain(`"${channel}"`);
    for (const method of API_METHOD_NAMES) expect(source).toContain(method);
  });
});

describe('the built renderer (out/renderer/index.html)', () => {
  it('keeps the strict CSP and loads its assets relative to the page (app://sysdrill in Electron)', () => {
    const html = built('renderer/index.html');
    expect(html).toContain("default-src 'self'; script-src 'self'; style-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).toMatch(/^\.\/[^/]/);
  });
});
