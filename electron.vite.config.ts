import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { mermaidConfigCopy } from './scripts/build/mermaidConfigCopy';

const root = import.meta.dirname;

/**
 * `npm run dev` only: the React refresh preamble is an inline script, CSS arrives as <style>
 * elements and HMR needs a websocket, which the strict CSP of index.html forbids. The built
 * app (and every test) keeps the strict one.
 */
function devServerCsp(): Plugin {
  return {
    name: 'sysdrill-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        // Vite injects imported CSS as <style> elements while serving.
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(root, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is loaded as a classic script and may only require('electron'):
      // emit CommonJS, and keep everything but electron inside the bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs: the same build is served as app://sysdrill/ and by the e2e server.
    base: './',
    plugins: [react(), devServerCsp(), mermaidConfigCopy(resolve(root, 'renderer/src/mermaid/configCopy.ts'))],
    // The grading worker (renderer/src/practice/grade.worker.ts) is an ES module, like the page.
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer's start time depends on its size.
      minify: true,
      // The render frame is a page of its own (renderer/src/mermaid/frame.ts).
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html'), mermaidFrame: resolve(root, 'renderer/mermaid-frame.html') } },
    },
  },
});
