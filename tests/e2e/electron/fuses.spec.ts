import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import asar from '@electron/asar';
import electronFuses from '@electron/fuses';
import { expect, test } from '@playwright/test';

// A CommonJS package whose re-exported enums Node's ESM loader cannot name: use its default export.
const { FuseV1Options, getCurrentFuseWire } = electronFuses;

/** A fuse's state as Electron writes it in the binary's fuse wire: '1' on, '0' off, 'r' removed. */
const stateOf = (value: unknown): string => (typeof value === 'number' ? String.fromCharCode(value) : 'missing');

const dist = resolve(import.meta.dirname, '../../../dist');

/** The Electron executable of a package `npm run dist` left in dist/ (unpacked folder), if any. */
function packagedExecutable(): string | undefined {
  if (!existsSync(dist)) return undefined;
  const candidates = readdirSync(dist).flatMap((folder) => [
    join(dist, folder, 'sysdrill'),
    join(dist, folder, 'Sysdrill.exe'),
    join(dist, folder, 'Sysdrill.app', 'Contents', 'MacOS', 'Sysdrill'),
  ]);
  return candidates.find((file) => existsSync(file));
}

const executable = packagedExecutable();

test.describe('the packaged Electron binary', () => {
  test.skip(executable === undefined, 'No packaged app in dist/ (run `npm run dist`, which needs the Electron binary download).');

  test('carries the fuses electron-builder.yml sets', async () => {
    const wire = await getCurrentFuseWire(executable ?? '');
    expect({
      runAsNode: stateOf(wire[FuseV1Options.RunAsNode]),
      nodeOptions: stateOf(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]),
      inspect: stateOf(wire[FuseV1Options.EnableNodeCliInspectArguments]),
      asarIntegrity: stateOf(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]),
      onlyAsar: stateOf(wire[FuseV1Options.OnlyLoadAppFromAsar]),
      cookieEncryption: stateOf(wire[FuseV1Options.EnableCookieEncryption]),
      fileProtocolPrivileges: stateOf(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]),
    }).toEqual({ runAsNode: '0', nodeOptions: '0', inspect: '0', asarIntegrity: '1', onlyAsar: '1', cookieEncryption: '1', fileProtocolPrivileges: '0' });
  });
});

test.describe('the packaged app.asar', () => {
  test.skip(executable === undefined, 'No packaged app in dist/ (run `npm run dist`, which needs the Electron binary download).');

  test('holds the built app and its run-time packages, not tsx, jsdom or the command line', () => {
    const folder = dirname(executable ?? '');
    const archive = [join(folder, 'resources', 'app.asar'), join(folder, '..', 'Resources', 'app.asar')].find((file) => existsSync(file)) ?? '';
    const entries = asar.listPackage(archive, { isPack: false });
    expect(entries).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/renderer/index.html', '/node_modules/better-sqlite3/package.json']));
    expect(entries.filter((entry) => /^\/(?:cli|bin|tests|rubrics|prompts)\/|^\/node_modules\/(?:tsx|jsdom|mermaid|react)\//.test(entry))).toEqual([]);
  });
});
