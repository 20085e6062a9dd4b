import { describe, expect, it } from 'vitest';
import { blockingFindings, describeFinding, findingsOf } from '../../../scripts/ci/electronegativity.mjs';

const finding = (issue: string, severity: string, filename: string, location: string, sample = '') => ({
  issue,
  severity,
  confidence: 'FIRM',
  filename,
  location,
  sample,
  description: 'why it matters',
});

const REPORT = JSON.stringify([
  finding('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', '5:0', "default-src 'self';\nscript-src 'self'"),
  finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/security.ts', '19:48', 'shell.openExternal(details.url, "x")'),
  finding('NODE_INTEGRATION_HTML_SCAN_CHECK', 'HIGH', 'electron/main.ts', '3:1'),
]);

describe('reading the Electronegativity report', () => {
  it('turns each finding into named fields, samples with quotes and newlines intact', () => {
    const findings = findingsOf(REPORT);
    expect(findings.map(describeFinding)).toEqual([
      'LOW CSP_GLOBAL_CHECK at renderer/index.html:5:0',
      'MEDIUM OPEN_EXTERNAL_JS_CHECK at electron/security.ts:19:48',
      'HIGH NODE_INTEGRATION_HTML_SCAN_CHECK at electron/main.ts:3:1',
    ]);
    expect(findings[0]?.sample).toBe("default-src 'self';\nscript-src 'self'");
    expect(findings[1]?.sample).toBe('shell.openExternal(details.url, "x")');
  });

  it('fails CI on MEDIUM and above, not on LOW', () => {
    expect(blockingFindings(findingsOf(REPORT)).map((each) => each.issue)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'NODE_INTEGRATION_HTML_SCAN_CHECK']);
  });

  it('counts a severity it does not know as blocking', () => {
    expect(blockingFindings([{ issue: 'X', severity: 'SEVERE' }])).toHaveLength(1);
  });

  it('passes a report with no findings', () => {
    expect(blockingFindings(findingsOf('[]\n'))).toEqual([]);
  });

  it('refuses a report it cannot read, saying why', () => {
    expect(() => findingsOf('')).toThrow('the Electronegativity report is not JSON');
    expect(() => findingsOf('issue, severity\nCSP,"LOW"')).toThrow('the Electronegativity report is not JSON');
    expect(() => findingsOf('{"issues": []}')).toThrow('the Electronegativity report is not a list of findings');
    expect(() => findingsOf('[{"issue": "X", "severity": "LOW"}]')).toThrow('finding 1 of the Electronegativity report has no "filename", "location"');
  });
});
