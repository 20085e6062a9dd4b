#!/usr/bin/env node
// The end-to-end tests drive a system Chromium (Playwright's own browser download is not used).
// On a fresh Debian/Ubuntu machine where we are root, install it with apt; anywhere else, say
// exactly what is missing and how to provide it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const executable = process.env.SYSDRILL_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (existsSync(executable)) {
  process.exit(0);
}

const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (process.env.SYSDRILL_CHROMIUM === undefined && hasApt && isRoot) {
  console.log('Chromium is missing: installing Debian\'s "chromium" package for the end-to-end tests…');
  if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && existsSync(executable)) {
    process.exit(0);
  }
  console.error('Installing chromium with apt-get failed; see the output above.');
  process.exit(1);
}

console.error(
  [
    `The end-to-end tests need Chromium at ${executable}, which does not exist.`,
    '  Debian/Ubuntu: sudo apt-get install chromium',
    '  Elsewhere: point SYSDRILL_CHROMIUM at a Chromium or Chrome executable.',
  ].join('\n'),
);
process.exit(1);
