/**
 * Node adapter: Mermaid's own parser behind a jsdom shim (the CLI, tests and benchmarks).
 * The only Node-side module that imports mermaid or jsdom; everything else is in
 * `../parseWithMermaid` and shared with the renderer adapter.
 */
import { JSDOM } from 'jsdom';
import { parseWithMermaid, PARSE_LIMITS, type MermaidLike } from '../parseWithMermaid';
import type { ParseResult } from '../types';

export { PARSE_LIMITS };

let mermaidReady: Promise<MermaidLike> | undefined;

/** Mermaid's DOMPurify needs a window at import time; keep an existing one (jsdom test env). */
function installDomShim(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.window !== undefined && g.document !== undefined) return;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  g.window = dom.window;
  g.document = dom.window.document;
}

/** Loads Mermaid once per process (≈0.8 s); later calls reuse it. */
export function loadMermaid(): Promise<MermaidLike> {
  mermaidReady ??= (async () => {
    installDomShim();
    const mod = (await import('mermaid')) as unknown as { default: MermaidLike };
    mod.default.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mod.default;
  })();
  return mermaidReady;
}

/** Parses flowchart text with Mermaid; never throws. */
export async function parseMermaid(text: string): Promise<ParseResult> {
  return parseWithMermaid(await loadMermaid(), text);
}
