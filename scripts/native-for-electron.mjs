#!/usr/bin/env node
// Produces native/electron-v<ABI>/better_sqlite3.node: better-sqlite3 built for Electron's ABI,
// next to (not instead of) the Node build in node_modules that `npm test` uses. Main loads it via
// better-sqlite3's `nativeBinding` option. Skipped when it already exists, and when the Electron
// binary is not installed (nothing could run it) unless `--force` (packaging needs it anyway).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronAction, electronBindingPath, electronBuildAttempts, electronBuildEnv, shouldCopyForBuild } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const modulesVersion = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
const pathFile = join(electronDir, 'path.txt');
const electronBinaryPresent = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
const target = electronBindingPath(root, modulesVersion);

const action = electronAction({ electronBinaryPresent, bindingExists: existsSync(target), force });

if (action === 'exists') {
  console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${modulesVersion}): ${relative(root, target)} is ready.`);
  process.exit(0);
}
if (action === 'skip-no-electron') {
  console.log(
    `The Electron binary is not installed (node_modules/electron has no dist/), so the app cannot start here and ` +
      `better-sqlite3 is not rebuilt for it. Install it with a network connection (npm install without ` +
      `ELECTRON_SKIP_BINARY_DOWNLOAD) and run this again. Tests do not need it.`,
  );
  process.exit(0);
}

console.log(`Building better-sqlite3 for Electron ${electronVersion} (ABI ${modulesVersion}); this happens once…`);
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'sysdrill-native-'));
try {
  const copy = join(work, 'better-sqlite3');
  cpSync(packageDir, copy, { recursive: true, filter: (source) => shouldCopyForBuild(relative(packageDir, source)) });
  const attempts = electronBuildAttempts({
    nodePath: process.execPath,
    prebuildInstallBin: require.resolve('prebuild-install/bin.js'),
    nodeGypBin: require.resolve('node-gyp/bin/node-gyp.js'),
    electronVersion,
    arch: process.arch,
  });
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  const success = attempts.find((attempt) => {
    console.log(`→ ${attempt.name}`);
    const run = spawnSync(attempt.command, attempt.args, { cwd: copy, stdio: 'inherit', env: electronBuildEnv(process.env) });
    return run.status === 0 && existsSync(built);
  });
  if (success === undefined) {
    console.error(
      'Could not build better-sqlite3 for Electron. Both need the internet once (prebuilt binaries or Electron ' +
        'headers), and compiling needs python3, make and a C++ compiler.',
    );
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  console.log(`Wrote ${relative(root, target)}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
