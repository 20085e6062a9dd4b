// Builds the CLI into one ES module with esbuild, once, and again whenever a source file changes.
// A run then loads one file instead of compiling TypeScript and resolving hundreds of modules
// (Mermaid alone pulls in lodash-es, d3 and more), which is most of the CLI's start-up time.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Everything the CLI is built from; a change to any of these rebuilds the bundle. */
const SOURCE_DIRS = ['cli', 'rubrics', 'prompts'].map((dir) => join(ROOT, dir));
const DEPENDENCY_FILES = [join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'sysdrill-cli');
export const BUNDLE_FILE = join(CACHE_DIR, 'sysdrill.mjs');
const KEY_FILE = join(CACHE_DIR, 'key.json');

function newestSourceTime() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) visit(dir);
  for (const file of DEPENDENCY_FILES) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** The key a bundle was built for: the sources' newest change, the repository's place, the Node version. */
function currentKey() {
  return JSON.stringify({ root: ROOT, node: process.versions.node, sources: newestSourceTime() });
}

function storedKey() {
  try {
    return readFileSync(KEY_FILE, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Source files locate their data next to themselves (`new URL('../data/', import.meta.url)`); in
 * a bundle `import.meta.url` would be the bundle's own location, so each source file gets its own.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

async function build(key) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${BUNDLE_FILE}.${process.pid}.partial`;
  await esbuild({
    entryPoints: [join(ROOT, 'cli', 'entry.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // jsdom reads its own files by path (__dirname) at run time: it stays a normal import.
    external: ['jsdom'],
    banner: { js: "import { createRequire as __sysdrillCreateRequire } from 'node:module'; const require = __sysdrillCreateRequire(import.meta.url);" },
    plugins: [keepImportMetaUrl],
    logLevel: 'silent',
    legalComments: 'none',
  });
  // Renames are atomic: a run started meanwhile sees the old bundle or the new one, never half.
  renameSync(partial, BUNDLE_FILE);
  writeFileSync(`${KEY_FILE}.${process.pid}`, key);
  renameSync(`${KEY_FILE}.${process.pid}`, KEY_FILE);
}

/**
 * The URL of an up-to-date bundle, building it first if needed; undefined when it cannot be
 * built (e.g. a read-only node_modules), and the caller runs the sources through tsx instead.
 */
export async function ensureCliBundle() {
  try {
    const key = currentKey();
    if (storedKey() !== key || !statSync(BUNDLE_FILE, { throwIfNoEntry: false })?.isFile()) await build(key);
    return pathToFileURL(BUNDLE_FILE).href;
  } catch (error) {
    if (process.env.SYSDRILL_DEBUG) process.stderr.write(`sysdrill: running from sources (${error instanceof Error ? error.message : error})\n`);
    return undefined;
  }
}
