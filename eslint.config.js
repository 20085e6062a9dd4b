// Layering is enforced here, not by convention: each layer lists what it may not import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
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
  {
    files: ['prompts/**/*.ts', 'rubrics/**/*.ts'],
    ignores: ['rubrics/parse/node/**', 'prompts/node/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'prompts/ and rubrics/ are pure: no Node built-ins (pass data in).'), patterns: [electronBan, sqliteBan, mermaidBan, uiBan, { group: ['jsdom'], message: 'jsdom belongs to the Node parse adapter only.' }] },
      ],
      'no-restricted-globals': ['error', ...pureLayerGlobals],
    },
  },
  {
    // Environment adapters: the Node-side Mermaid shim and the file-system prompt loader.
    files: ['rubrics/parse/node/**/*.ts', 'prompts/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronBan, sqliteBan, uiBan] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'), patterns: [electronBan, sqliteBan, mainProcessBan, contractValueBan] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/mermaid/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'), patterns: [electronBan, sqliteBan, mainProcessBan, mermaidBan, contractValueBan] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqliteBan, uiBan, mermaidBan] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbid(nodeBuiltins, 'The sandboxed preload may only use electron and the IPC contract.'), patterns: [sqliteBan, uiBan, mermaidBan] },
      ],
    },
  },
);
