// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyConfig } from '../../../renderer/src/mermaid/configCopy';
import { mermaidConfig } from '../../../renderer/src/mermaid/config';

// Mermaid's own copier and configuration, from the installed package: the copy must be theirs.
const MERMAID = join(import.meta.dirname, '../../../node_modules/mermaid/dist');
const chunkFile = readdirSync(join(MERMAID, 'chunks/mermaid.core')).find((file) => /\bvar currentConfig = /.test(readFileSync(join(MERMAID, 'chunks/mermaid.core', file), 'utf8')));
type Assign = (dst: unknown, src: unknown) => unknown;
const chunk = (await import(join(MERMAID, 'chunks/mermaid.core', chunkFile ?? 'missing'))) as Record<string, unknown>;
const assignWithDepth = Object.values(chunk).find((value) => typeof value === 'function' && value.name === 'assignWithDepth') as Assign;
const mermaid = ((await import(join(MERMAID, 'mermaid.core.mjs'))) as { default: { initialize(c: unknown): void; mermaidAPI: { getConfig(): object } } }).default;

/** Which objects of `copy`, down to `depth` levels, are the very objects of `source`. */
function shared(source: unknown, copy: unknown, depth = 4, path = ''): string[] {
  if (typeof copy !== 'object' || copy === null || depth === 0) return [];
  const here = copy === source ? [path || '(root)'] : [];
  const children = Object.keys(copy).flatMap((key) => shared((source as Record<string, unknown>)?.[key], (copy as Record<string, unknown>)[key], depth - 1, `${path}.${key}`));
  return [...here, ...children];
}

const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(() => 1));
const key = fc.constantFrom('a', 'b', 'theme', 'flowchart', '0', '1', 'x-y');
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(fc.oneof(leaf, fc.constantFrom('dup', 'dup')), { maxLength: 5 }), tie('object')),
  object: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).object;

describe('copyConfig', () => {
  it("is Mermaid's own copy (assignWithDepth into {}): equal values, and the same objects shared and copied", () => {
    expect(typeof assignWithDepth).toBe('function');
    fc.assert(
      fc.property(value, (config) => {
        const theirs = assignWithDepth({}, config);
        const ours = copyConfig(config);
        expect(ours).toStrictEqual(theirs);
        expect(Object.keys(ours)).toEqual(Object.keys(theirs as object));
        expect(shared(config, ours)).toEqual(shared(config, theirs));
      }),
      { numRuns: 500 },
    );
  });

  it.each(['light', 'dark'] as const)("copies Mermaid's whole configuration, as the app sets it (%s theme), as Mermaid does", (theme) => {
    mermaid.initialize(mermaidConfig(theme));
    const config = mermaid.mermaidAPI.getConfig();
    const ours = copyConfig(config);
    expect(ours).toStrictEqual(assignWithDepth({}, config));
    expect(shared(config, ours)).toEqual(shared(config, assignWithDepth({}, config)));
  });

  it('keeps a key named __proto__ as an own property, never as the copy’s prototype', () => {
    const config = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"b": 1}}}') as object;
    const ours = copyConfig(config);
    expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
    expect((ours as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(ours)).toEqual(['__proto__', 'a']);
    expect(ours).toStrictEqual(assignWithDepth({}, config));
  });

  it('gives each caller its own copy: changing one changes neither the configuration nor the next copy', () => {
    const config = { flowchart: { nodeSpacing: 50, padding: { x: 1 } }, list: [1, 2] };
    const first = copyConfig(config) as typeof config;
    first.flowchart.nodeSpacing = 140;
    first.list.push(3);
    expect(config.flowchart.nodeSpacing).toBe(50);
    expect((copyConfig(config) as typeof config).flowchart.nodeSpacing).toBe(50);
    expect(config.list).toEqual([1, 2]);
  });
});
