#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx: no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../cli/main.ts', import.meta.url).href);
const { processIo } = await import(new URL('../cli/io.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2), processIo);
