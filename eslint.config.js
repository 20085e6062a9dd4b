// Layering is enforced here, not by convention: each top-level folder lists the app folders (or
// single modules) it may import (LAYERS, an allow-list: anything not listed is an error), and the
// packages it must not use (the bans below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const forbid = (names, message) => names.map((name) => ({ name, message }));
// A regex, not a gitignore-style group: `electron` as a group also matches the repo's own
// electron/ folder (e.g. ../../electron/ipc/contract), which the renderer may import types from.
const electronBan = { regex: '^electron(/.*)?$', message: 'Only electron/ may import Electron.' };
const contractValueBan = {
  group: ['**/electron/ipc/contract'],
  allowTypeImports: true,
  message: 'The renderer imports the IPC contract for its types only (import type); runtime calls go through window.api.',
};
const sqliteBan = {
  group: ['better-sqlite3'],
  message: 'SQLite belongs to the main process: only electron/db/ may import better-sqlite3.',
};
const mermaidBan = {
  regex: '^mermaid(/.*)?$',
  message: 'Mermaid is imported only by a parse adapter (rubrics/parse/node, renderer/src/mermaid).',
};
const uiBan = { group: ['react', 'react-dom', 'react-dom/*'], message: 'Pure layers do not render UI.' };
const mainProcessBan = {
  group: ['**/electron/main', '**/electron/db/**', '**/electron/ipc/handlers*', '**/electron/window/**'],
  message: 'The renderer talks to main only through window.api (the preload bridge).',
};

/**
 * The import graph, as allow-lists (README "Architecture" draws it). A folder may import its own
 * files, npm packages not banned below, and only the app folders or modules listed here.
 * `tests/` may import anything.
 */
export const LAYERS = {
  rubrics: [],
  // One direction only: prompt files carry rubric parameters, and the mock report grades with rubrics/.
  prompts: ['rubrics'],
  electron: ['prompts', 'rubrics'],
  renderer: ['rubrics', 'prompts', 'electron/ipc/contract'],
  cli: ['prompts', 'rubrics'],
  // tests/e2e/harness: the ui bench drives the built renderer in Chromium exactly as the e2e tests do.
  // renderer/src/mermaid/frameChannel: the ui bench times Mermaid alone over the render frame's own protocol.
  bench: ['prompts', 'rubrics', 'electron/db/attempts', 'electron/db/open', 'electron/db/types', 'electron/db/history', 'electron/db/progress', 'electron/progress', 'tests/e2e/harness', 'renderer/src/mermaid/frameChannel'],
  // Developer tooling: the fuzzer drives the pure layers and the IPC contract's schemas (never main's
  // handlers or SQLite); the evaluation runs the built CLI as a process.
  scripts: ['prompts', 'rubrics', 'bench/diagrams', 'electron/ipc/channels', 'electron/ipc/contract'],
};
const APP_FOLDERS = ['rubrics', 'prompts', 'electron', 'renderer', 'cli', 'bench', 'scripts', 'bin', 'tests'];

/**
 * no-restricted-imports patterns that make LAYERS[folder] an allow-list. A relative import that
 * climbs out (`../`) into another app folder is refused unless that folder (or that module of it)
 * is listed. (Matched by name: no folder inside a layer shares a top-level folder's name.)
 */
function layerPatterns(folder) {
  const allowed = LAYERS[folder];
  return APP_FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).map((other) => {
    const modules = allowed.filter((entry) => entry.startsWith(`${other}/`)).map((entry) => entry.slice(other.length + 1));
    const except = modules.length === 0 ? '' : `(?!(?:${modules.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$)`;
    return {
      regex: `^(?:\\.\\./)+${other}(?:/${except}|$)`,
      message: `${folder}/ may import only ${allowed.length === 0 ? 'nothing of the app' : allowed.join(', ')} (eslint.config.js LAYERS).`,
    };
  });
}

const pureLayerGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require', 'Buffer', '__dirname'].map(
  (name) => ({ name, message: 'prompts/ and rubrics/ are pure: no DOM or Node globals.' }),
);

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'native/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...['prompts', 'rubrics'].flatMap((layer) => [
    {
      files: [`${layer}/**/*.ts`],
      ignores: ['rubrics/parse/node/**', 'prompts/node/**'],
      languageOptions: { globals: {} },
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: forbid(nodeBuiltins, 'prompts/ and rubrics/ are pure: no Node built-ins (pass data in).'),
            patterns: [electronBan, sqliteBan, mermaidBan, uiBan, { group: ['jsdom'], message: 'jsdom belongs to the Node parse adapter only.' }, ...layerPatterns(layer)],
          },
        ],
        'no-restricted-globals': ['error', ...pureLayerGlobals],
      },
    },
    {
      // Environment adapters: the Node-side Mermaid shim and the file-system prompt loader.
      files: [layer === 'rubrics' ? 'rubrics/parse/node/**/*.ts' : 'prompts/node/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [electronBan, sqliteBan, uiBan, ...layerPatterns(layer)] }],
      },
    },
  ]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'), patterns: [electronBan, sqliteBan, mainProcessBan, contractValueBan, ...layerPatterns('renderer')] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/mermaid/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'), patterns: [electronBan, sqliteBan, mainProcessBan, mermaidBan, contractValueBan, ...layerPatterns('renderer')] },
      ],
    },
  },
  {
    // The hooks rules (React Compiler's checks included), warnings raised to errors: exhaustive
    // deps and the rest are bugs waiting (React error #185 came from a setState inside an effect).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, 'error'])),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqliteBan, uiBan, mermaidBan, ...layerPatterns('electron')] }] },
  },
  {
    files: ['electron/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [uiBan, mermaidBan, ...layerPatterns('electron')] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The sandboxed preload may only use electron and the IPC contract.'), patterns: [sqliteBan, uiBan, mermaidBan, ...layerPatterns('electron')] },
      ],
    },
  },
  ...['cli', 'bench', 'scripts'].map((layer) => ({
    files: [`${layer}/**/*.{ts,mjs}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, sqliteBan, uiBan, ...layerPatterns(layer)] }] },
  })),
);
