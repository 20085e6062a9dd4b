import { describe, expect, it } from 'vitest';
import { electronSupport, pinnedMajor, supportedMajors } from '../../../scripts/ci/electron-support.mjs';

describe('electronSupport (CI fails on an unsupported Electron)', () => {
  it.each([
    ['~44.11.5', '45.5.0', true],
    ['~45.0.0', '45.5.0', true],
    ['~43.2.0', '45.5.0', true],
    ['~42.9.0', '45.5.0', false],
    ['~41.7.1', '45.5.0', false],
    ['~44.11.5', '47.0.0', false],
    ['^44.0.0', '46.1.0', true],
  ])('pinned %s with latest %s → supported: %s', (pinnedRange, latestVersion, ok) => {
    expect(electronSupport({ pinnedRange, latestVersion }).ok).toBe(ok);
  });

  it('tells what to do when the pin is too old', () => {
    expect(electronSupport({ pinnedRange: '~41.7.1', latestVersion: '45.5.0' }).message).toBe(
      "Electron 41 (~41.7.1) no longer gets security fixes: supported majors are 43–45 (latest 45.5.0). Move package.json's electron to one of them.",
    );
  });

  it('lists the three newest majors from the latest version', () => {
    expect(supportedMajors('45.5.0')).toEqual([45, 44, 43]);
  });

  it.each([
    ['~44.11.5', 44],
    ['^43.0.0', 43],
    ['45.5.0', 45],
    ['=42.1.0', 42],
  ])('reads the major of %s', (range, major) => {
    expect(pinnedMajor(range)).toBe(major);
  });

  it('rejects a range it cannot read, quoting it', () => {
    expect(() => pinnedMajor('latest')).toThrow('cannot read a major version from "latest"');
  });
});
