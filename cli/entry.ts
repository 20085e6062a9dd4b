/** What bin/sysdrill.mjs runs: the bundle's entry point (see bin/cliBundle.mjs). */
export { main } from './main';
export { processIo } from './io';
