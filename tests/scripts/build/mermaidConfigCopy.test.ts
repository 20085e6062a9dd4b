import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET_CONFIG, mermaidConfigCopy, rewriteGetConfig } from '../../../scripts/build/mermaidConfigCopy';

const CHUNKS = join(import.meta.dirname, '../../../node_modules/mermaid/dist/chunks/mermaid.core');
const installedChunk = (): { file: string; code: string } => {
  for (const file of readdirSync(CHUNKS)) {
    const code = readFileSync(join(CHUNKS, file), 'utf8');
    if (/\bvar currentConfig = /.test(code)) return { file: join(CHUNKS, file), code };
  }
  throw new Error('no Mermaid chunk defines currentConfig');
};

interface Hooks {
  buildStart(this: unknown): void;
  transform(this: unknown, code: string, id: string): { code: string } | null;
  buildEnd(this: unknown, error?: Error | null): void;
}
const context = { error: (message: string): never => { throw new Error(message); } };

describe('rewriteGetConfig', () => {
  it("rewrites the installed Mermaid's getConfig to return configCopy's copy, importing it", () => {
    const { code } = installedChunk();
    const result = rewriteGetConfig(code, '/app/configCopy.ts');
    if (result === undefined || 'error' in result) throw new Error(`not rewritten: ${JSON.stringify(result)}`);
    expect(result.code.startsWith('import { copyConfig as __sysdrillCopyConfig } from "/app/configCopy.ts";\n')).toBe(true);
    expect(result.code).toContain('var getConfig = /* @__PURE__ */ __name(() => __sysdrillCopyConfig(currentConfig), "getConfig");');
    expect(GET_CONFIG.test(result.code)).toBe(false);
    // Nothing else in the chunk changed: put the original getConfig back, drop the import, and it is the chunk.
    const original = code.match(GET_CONFIG)?.[0] ?? '';
    const restored = result.code.slice(result.code.indexOf('\n') + 1).replace('var getConfig = /* @__PURE__ */ __name(() => __sysdrillCopyConfig(currentConfig), "getConfig");', original);
    expect(restored).toBe(code);
  });

  it.each([
    { what: 'a chunk without the configuration store', code: 'var getConfig = () => ({});', expected: undefined },
    {
      what: 'a changed getConfig next to the store (an upgraded Mermaid)',
      code: 'var currentConfig = {};\nvar getConfig = () => structuredClone(currentConfig);',
      expected: { error: "Mermaid's getConfig is not the one scripts/build/mermaidConfigCopy.ts rewrites: check the new version's copy, then update the pattern." },
    },
  ])('leaves $what alone or says why', ({ code, expected }) => {
    expect(rewriteGetConfig(code, '/app/configCopy.ts')).toEqual(expected);
  });
});

describe('mermaidConfigCopy (the Vite plugin)', () => {
  it('rewrites the one Mermaid chunk and nothing else, and is satisfied once it has', () => {
    const hooks = mermaidConfigCopy('/app/configCopy.ts') as unknown as Hooks;
    const { file, code } = installedChunk();
    hooks.buildStart.call(context);
    expect(hooks.transform.call(context, 'var currentConfig = 1;', '/app/renderer/src/main.tsx')).toBeNull();
    expect(hooks.transform.call(context, code, file)?.code).toContain('__sysdrillCopyConfig(currentConfig)');
    expect(() => hooks.buildEnd.call(context, null)).not.toThrow();
  });

  it('fails the build when it never met getConfig, or met a different one', () => {
    const hooks = mermaidConfigCopy('/app/configCopy.ts') as unknown as Hooks;
    hooks.buildStart.call(context);
    expect(() => hooks.buildEnd.call(context, null)).toThrow("Mermaid's getConfig was rewritten 0 times; expected once");
    const changed = '/m/node_modules/mermaid/dist/chunks/mermaid.core/chunk-X.mjs';
    expect(() => hooks.transform.call(context, 'var currentConfig = {};\nvar getConfig = () => currentConfig;', changed)).toThrow("Mermaid's getConfig is not the one");
  });
});
