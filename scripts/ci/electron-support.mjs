#!/usr/bin/env node
// Fails when the Electron major this project pins is no longer supported. Electron supports its
// three newest stable majors; the newest is whatever the registry calls `latest`.
//   node scripts/ci/electron-support.mjs   (asks `npm view electron version`)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUPPORTED_MAJORS = 3;

/** The major a semver range or version pins: `~44.11.5`, `^44.0.0`, `44.11.5` → 44. */
export function pinnedMajor(range) {
  const match = /^\s*[~^=]?\s*v?(\d+)\.\d+/.exec(String(range));
  if (match === null) throw new Error(`cannot read a major version from "${range}" (expected e.g. ~44.11.5)`);
  return Number(match[1]);
}

export function supportedMajors(latestVersion) {
  const newest = pinnedMajor(latestVersion);
  return Array.from({ length: SUPPORTED_MAJORS }, (_, i) => newest - i);
}

/** `{ ok, message }`: ok when the pinned major is one of the three newest. */
export function electronSupport({ pinnedRange, latestVersion }) {
  const pinned = pinnedMajor(pinnedRange);
  const supported = supportedMajors(latestVersion);
  const list = `${supported[supported.length - 1]}–${supported[0]}`;
  return supported.includes(pinned)
    ? { ok: true, message: `Electron ${pinned} (${pinnedRange}) is supported: the newest majors are ${list} (latest ${latestVersion}).` }
    : {
        ok: false,
        message: `Electron ${pinned} (${pinnedRange}) no longer gets security fixes: supported majors are ${list} (latest ${latestVersion}). Move package.json's electron to one of them.`,
      };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const pinnedRange = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const latestVersion = execFileSync(npm, ['view', 'electron', 'version'], { encoding: 'utf8', shell: process.platform === 'win32' }).trim();
  const { ok, message } = electronSupport({ pinnedRange, latestVersion });
  (ok ? console.log : console.error)(message);
  process.exit(ok ? 0 : 1);
}
