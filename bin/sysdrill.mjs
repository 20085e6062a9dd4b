#!/usr/bin/env node
// Runs the CLI from a bundle of its TypeScript sources, built on first use and whenever a source
// changes (bin/cliBundle.mjs): no build step after `npm install`. If the bundle cannot be built,
// the sources run through tsx.
import module from 'node:module';
import { ensureCliBundle } from './cliBundle.mjs';

// V8 keeps the compiled bundle, jsdom and the rest on disk between runs (Node ≥ 22.1; a no-op before).
module.enableCompileCache?.();

const bundle = await ensureCliBundle();
let cli;
if (bundle !== undefined) {
  cli = await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../cli/entry.ts', import.meta.url).href);
}
process.exitCode = await cli.main(process.argv.slice(2), cli.processIo);
