import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAction, electronBindingPath, electronBuildAttempts, electronBuildEnv, isAbiMismatch, nodeAction, shouldCopyForBuild } from '../../scripts/native-abi.mjs';

const ABI_ERROR =
  "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 145. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing";

describe('nodeAction (npm test)', () => {
  it.each([
    [undefined, 'ok'],
    [ABI_ERROR, 'rebuild'],
    ['/app/better_sqlite3.node: invalid ELF header', 'rebuild'],
    ['dlopen(...): mach-o file, but is an incompatible architecture', 'rebuild'],
    ['Could not locate the bindings file. Tried: ...', 'fail'],
    ["Cannot find module 'better-sqlite3'", 'fail'],
    ['SQLITE_CANTOPEN: unable to open database file', 'fail'],
  ] as const)('%j → %s', (message, expected) => {
    expect(nodeAction(message)).toBe(expected);
  });

  it('recognises the ABI message whatever the version numbers', () => {
    expect(isAbiMismatch('was compiled against a different Node.js version using NODE_MODULE_VERSION 999')).toBe(true);
    expect(isAbiMismatch('some other failure')).toBe(false);
  });
});

describe('electronAction (npm start)', () => {
  it.each([
    [{ electronBinaryPresent: true, bindingExists: true, force: false }, 'exists'],
    [{ electronBinaryPresent: false, bindingExists: true, force: false }, 'exists'],
    [{ electronBinaryPresent: true, bindingExists: false, force: false }, 'build'],
    [{ electronBinaryPresent: false, bindingExists: false, force: false }, 'skip-no-electron'],
    [{ electronBinaryPresent: false, bindingExists: false, force: true }, 'build'],
  ] as const)('%j → %s', (state, expected) => {
    expect(electronAction(state)).toBe(expected);
  });
});

describe('Electron build details', () => {
  it('keeps the Electron build under native/electron-v<ABI>/', () => {
    expect(electronBindingPath('/repo', '145')).toBe(join('/repo', 'native', 'electron-v145', 'better_sqlite3.node'));
  });

  it('tries a prebuilt download first, then compiles against Electron headers, for the given version and arch', () => {
    const attempts = electronBuildAttempts({
      nodePath: '/usr/bin/node',
      prebuildInstallBin: '/nm/prebuild-install/bin.js',
      nodeGypBin: '/nm/node-gyp/bin/node-gyp.js',
      electronVersion: '41.7.1',
      arch: 'arm64',
    });
    expect(attempts.map((a) => a.args[0])).toEqual(['/nm/prebuild-install/bin.js', '/nm/node-gyp/bin/node-gyp.js']);
    expect(attempts[0]?.args).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '41.7.1', '--arch', 'arm64']));
    expect(attempts[1]?.args).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', '--target=41.7.1', '--arch=arm64', '--dist-url=https://electronjs.org/headers']),
    );
    for (const attempt of attempts) expect(attempt.command).toBe('/usr/bin/node');
  });

  it.each([
    ['', true],
    ['binding.gyp', true],
    ['src/better_sqlite3.cpp', true],
    ['deps/sqlite3/sqlite3.c', true],
    ['build', false],
    ['build/Release/better_sqlite3.node', false],
    ['node_modules/bindings/index.js', false],
  ])('copies %j for the build: %s', (path, expected) => {
    expect(shouldCopyForBuild(path)).toBe(expected);
  });
});

describe('electronBuildEnv', () => {
  it('drops the Node-headers override CI sets, so node-gyp uses Electron’s headers', () => {
    const env = { PATH: '/node24/bin:/usr/bin', npm_config_nodedir: '/node24', NPM_CONFIG_NODEDIR: '/node24', npm_config_jobs: '2' };
    expect(electronBuildEnv(env)).toEqual({ PATH: '/node24/bin:/usr/bin', npm_config_jobs: '2' });
  });
});
