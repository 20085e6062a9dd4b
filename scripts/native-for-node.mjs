#!/usr/bin/env node
// Makes sure node_modules/better-sqlite3 loads in THIS Node before the tests run. It is rebuilt
// only when it was built for another ABI (e.g. by an Electron rebuild); any other failure stops
// with the original error.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { nodeAction } from './native-abi.mjs';

const require = createRequire(import.meta.url);

function loadError() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function loadsInFreshNode() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').close();";
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'inherit' }).status === 0;
}

const error = loadError();
const action = nodeAction(error);

if (action === 'ok') {
  console.log(`better-sqlite3: OK for Node ${process.version} (ABI ${process.versions.modules}).`);
} else if (action === 'fail') {
  console.error(`better-sqlite3 cannot be loaded, and not because of its ABI:\n${error}`);
  console.error('Reinstall dependencies (npm ci) and check the build tools (python3, make, a C++ compiler).');
  process.exit(1);
} else {
  console.log(`better-sqlite3 was built for another runtime:\n  ${error}\nRebuilding it for Node ${process.version}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const rebuilt = spawnSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (rebuilt.status !== 0 || !loadsInFreshNode()) {
    console.error('Rebuilding better-sqlite3 for Node failed; see the output above.');
    process.exit(1);
  }
  console.log('better-sqlite3: rebuilt for Node.');
}
