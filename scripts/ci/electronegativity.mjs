#!/usr/bin/env node
// Runs Electronegativity (pinned devDependency) over electron/ and renderer/ TOGETHER (copied
// side by side, so its global checks see main, preload and page at once), for the Electron
// version installed, and fails on any finding of MEDIUM severity or above. The tool itself exits
// 0 even with HIGH findings (and may crash after writing its report on a failed network call
// for Electron's release list), so the findings its runner returns are what count (see electronegativity-offline.mjs).
//   node scripts/ci/electronegativity.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

const REQUIRED_FIELDS = ['issue', 'severity', 'filename', 'location'];

/** The findings in electronegativity-offline.mjs's JSON report, each checked for the fields CI reads. */
export function findingsOf(jsonText) {
  let parsed;
  try {
    parsed = JSON.parse(jsonText);
  } catch (error) {
    throw new Error(`the Electronegativity report is not JSON: ${error.message}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error('the Electronegativity report is not a list of findings');
  return parsed.map((finding, index) => {
    const missing = REQUIRED_FIELDS.filter((field) => typeof finding?.[field] !== 'string');
    if (missing.length > 0) throw new Error(`finding ${index + 1} of the Electronegativity report has no ${missing.map((field) => `"${field}"`).join(', ')}`);
    return finding;
  });
}

/** The findings at `minimum` severity or above (unknown severities count as blocking). */
export function blockingFindings(findings, minimum = 'MEDIUM') {
  const floor = SEVERITIES.indexOf(minimum);
  return findings.filter((finding) => {
    const level = SEVERITIES.indexOf(String(finding.severity).toUpperCase());
    return level === -1 || level >= floor;
  });
}

export function describeFinding(finding) {
  return `${finding.severity} ${finding.issue} at ${finding.filename}:${finding.location}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const require = createRequire(import.meta.url);
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const bin = join(dirname(fileURLToPath(import.meta.url)), 'electronegativity-offline.mjs');
  const work = mkdtempSync(join(tmpdir(), 'sysdrill-eng-'));
  try {
    for (const folder of ['electron', 'renderer']) cpSync(join(root, folder), join(work, 'src', folder), { recursive: true });
    const report = join(work, 'report.json');
    const run = spawnSync(process.execPath, [bin, join(work, 'src'), electronVersion, report], { encoding: 'utf8' });
    if (!existsSync(report)) {
      console.error(`Electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
      process.exit(1);
    }
    const findings = findingsOf(readFileSync(report, 'utf8'));
    const blocking = blockingFindings(findings);
    for (const finding of findings) console.log(describeFinding(finding));
    console.log(`Electronegativity (Electron ${electronVersion}, electron/ + renderer/): ${findings.length} findings, ${blocking.length} at MEDIUM or above.`);
    process.exit(blocking.length === 0 ? 0 : 1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
