import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const mainBundle = (): string => readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');

/** The packages the built main process imports at run time (everything else is bundled). */
function runtimeImports(): string[] {
  const names = [...mainBundle().matchAll(/(?:from|require\()\s*["']([^"'.][^"']*)["']/g)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !name.startsWith('node:') && name !== 'electron'))].sort();
}

const excluded = (name: string): boolean => config.files.includes(`!node_modules/${name}\${/*}`) || config.files.includes(`!node_modules/${name.split('/')[0]}\${/*}`);

describe('what the desktop package ships (electron-builder.yml files)', () => {
  it('ships the built app and package.json, and no source maps', () => {
    expect(config.files.slice(0, 3)).toEqual(['out/**', 'package.json', '!**/*.map']);
  });

  it.each(['tsx', 'jsdom', 'mermaid', 'react', 'react-dom', '@codemirror/view', 'codemirror-lang-mermaid', '@lezer/highlight', 'recharts', 'diff'])('leaves out %s', (name) => {
    expect(excluded(name)).toBe(true);
  });

  it('never includes the command line (cli/, bin/) or the sources', () => {
    for (const pattern of config.files) expect(pattern).not.toMatch(/^(cli|bin|electron|renderer|rubrics|prompts|tests)\b/);
  });

  it('keeps every package the built main process imports at run time (needs `npm run build`)', () => {
    const needed = runtimeImports();
    expect(needed).toEqual(expect.arrayContaining(['better-sqlite3']));
    for (const name of needed) {
      expect(Object.keys(pkg.dependencies), `${name} is a runtime dependency`).toContain(name);
      expect(excluded(name), `${name} is shipped`).toBe(false);
    }
  });

  it('excludes only real dependencies, so a pattern cannot silently go stale', () => {
    const names = config.files.filter((pattern) => pattern.startsWith('!node_modules/')).map((pattern) => pattern.slice('!node_modules/'.length, -'${/*}'.length));
    for (const name of names) expect(Object.keys(pkg.dependencies).some((dep) => dep === name || dep.startsWith(`${name}/`)), name).toBe(true);
  });
});
