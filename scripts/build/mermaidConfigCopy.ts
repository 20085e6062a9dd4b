/**
 * A Vite plugin for the renderer build: Mermaid's `getConfig` returns its copy through
 * renderer/src/mermaid/configCopy.ts (same copy, about seven times faster; the why is there).
 *
 * It rewrites one function in Mermaid's bundled source, so it checks that it found it: a Mermaid
 * chunk that defines the configuration store (`currentConfig`) but not the `getConfig` it expects
 * fails the build, as does a build that never met it — an upgraded Mermaid is re-checked, never
 * silently left slow or half-patched.
 */
import type { Plugin } from 'vite';

/** Mermaid 11's `getConfig`, as its chunk defines it (whitespace aside). */
export const GET_CONFIG = /var getConfig = \/\* @__PURE__ \*\/ __name\(\(\) => \{\s*return assignWithDepth_default\(\{\}, currentConfig\);\s*\}, "getConfig"\);/;
const DEFINES_CONFIG_STORE = /\bvar currentConfig = /;
const MERMAID_CHUNK = /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/].*\.mjs$/;
const COPY = '__sysdrillCopyConfig';

/** The chunk's source with `getConfig` rewritten, or why it cannot be (undefined: not the chunk). */
export function rewriteGetConfig(code: string, copyModule: string): { readonly code: string } | { readonly error: string } | undefined {
  if (!DEFINES_CONFIG_STORE.test(code)) return undefined;
  if (!GET_CONFIG.test(code)) return { error: "Mermaid's getConfig is not the one scripts/build/mermaidConfigCopy.ts rewrites: check the new version's copy, then update the pattern." };
  const rewritten = code.replace(GET_CONFIG, `var getConfig = /* @__PURE__ */ __name(() => ${COPY}(currentConfig), "getConfig");`);
  return { code: `import { copyConfig as ${COPY} } from ${JSON.stringify(copyModule)};\n${rewritten}` };
}

export function mermaidConfigCopy(copyModule: string): Plugin {
  let rewritten = 0;
  return {
    name: 'sysdrill-mermaid-config-copy',
    apply: 'build',
    buildStart() {
      rewritten = 0;
    },
    transform(code, id) {
      if (!MERMAID_CHUNK.test(id)) return null;
      const result = rewriteGetConfig(code, copyModule);
      if (result === undefined) return null;
      if ('error' in result) this.error(`${id}: ${result.error}`);
      rewritten += 1;
      return { code: result.code, map: null };
    },
    buildEnd(error) {
      if (error == null && rewritten !== 1) this.error(`Mermaid's getConfig was rewritten ${rewritten} times; expected once (scripts/build/mermaidConfigCopy.ts).`);
    },
  };
}
