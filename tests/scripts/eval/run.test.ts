import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A stand-in CLI that answers `grade --json <files>` with fixed reports, so the test pins what
// run.ts does with the output (one subprocess, both halves, tuning-only details), not the grader.
const FAKE_CLI = `
const reports = {
  'a__c__1.mmd': { parse: { ok: true }, architecture: { nodes: [
      { id: 'U', label: 'User', kind: 'client', tech: [], instances: 1 },
      { id: 'App', label: 'App', kind: 'service', tech: [], instances: 1 },
      { id: 'DB', label: 'DB', kind: 'cache', tech: [], instances: 1 } ], edges: [] },
    findings: [{ rule: 'single-point-of-failure', severity: 'critical', nodes: ['App'], message: '', why: '', fix: '' }],
    score: { total: 40, categories: {} } },
  'a__b__1.mmd': { parse: { ok: false, errors: [{ line: 2, column: 3, message: 'x' }] }, architecture: { nodes: [], edges: [] }, findings: [] },
};
const files = process.argv.slice(4);
import('node:fs').then((fs) => fs.writeFileSync(new URL('graded.json', import.meta.url), JSON.stringify(files.map((f) => f.split('/').pop()))));
if (process.argv[2] !== 'grade' || process.argv[3] !== '--json') process.exit(9);
for (const file of files) process.stdout.write(JSON.stringify({ file, ...reports[file.split('/').pop()] }) + '\\n');
process.exitCode = 2;
`;

const dir = mkdtempSync(join(tmpdir(), 'eval-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runEval = (corpus: string, ...extra: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval/run.ts', '--cli', join(corpus, 'fake-cli.mjs'), '--corpus', corpus, '--out', corpus, ...extra], { encoding: 'utf8', stdio: 'pipe' });

const labels = (repo: string, extra: object): string =>
  JSON.stringify({
    source: { repo, path: 'README.md' },
    domain: 'other',
    features: { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false },
    spofDisputed: [],
    ...extra,
  });

describe('npm run eval', () => {
  it('grades the corpus in one CLI run and writes both halves, details for tuning only', () => {
    writeFileSync(join(dir, 'fake-cli.mjs'), FAKE_CLI);
    // a/c hashes to an even first byte (tuning), a/b to an odd one (test).
    writeFileSync(join(dir, 'a__c__1.mmd'), 'flowchart LR\n U --> App --> DB\n');
    writeFileSync(join(dir, 'a__c__1.labels.json'), labels('a/c', { mermaidValid: true, errorLine: null, nodes: { U: 'client', App: 'service', DB: 'database' }, spof: ['App', 'DB'] }));
    writeFileSync(join(dir, 'a__b__1.mmd'), 'flowchart LR\n A --> B[x(]\n');
    writeFileSync(join(dir, 'a__b__1.labels.json'), labels('a/b', { mermaidValid: false, errorLine: 2, nodes: {}, spof: [] }));

    const stdout = runEval(dir);

    expect(JSON.parse(readFileSync(join(dir, 'eval-results.json'), 'utf8'))).toEqual({
      'eval.tuning.diagrams': { value: 1, unit: 'count' },
      'eval.tuning.parse': { value: 100, unit: '%' },
      'eval.tuning.kind_accuracy': { value: 66.7, unit: '%' }, // DB read as cache: 2 of 3
      'eval.tuning.spof_precision': { value: 1, unit: 'ratio' }, // App
      'eval.tuning.spof_recall': { value: 0.5, unit: 'ratio' }, // App of App, DB
      'eval.tuning.features': { value: 80, unit: '%' }, // cache wrongly detected: 4 of 5
      'eval.test.diagrams': { value: 1, unit: 'count' },
      'eval.test.located': { value: 100, unit: '%' },
    });
    const details = JSON.parse(readFileSync(join(dir, 'eval-details.tuning.json'), 'utf8')) as Array<{ file: string }>;
    expect(details.map((d) => d.file.split('/').pop())).toEqual(['a__c__1.mmd']);
    expect(stdout).toMatch(/kind_accuracy\s+66\.7 %\s+n\/a/);
    expect(stdout).not.toMatch(/a__b__1/);
  });

  it('refuses a bad labels file with its file, field and reason, before running the CLI', () => {
    writeFileSync(join(dir, 'a__b__1.labels.json'), labels('a/b', { mermaidValid: false, errorLine: null, nodes: {}, spof: [] }));
    rmSync(join(dir, 'eval-results.json'));
    let stderr = '';
    try {
      runEval(dir);
    } catch (err) {
      stderr = String((err as { stderr?: unknown }).stderr);
    }
    expect(stderr).toContain(`${join(dir, 'a__b__1.labels.json')}: errorLine: must be the line where Mermaid stops`);
    expect(existsSync(join(dir, 'eval-results.json'))).toBe(false);
  });
});

describe('npm run eval -- --half', () => {
  const halfDir = mkdtempSync(join(tmpdir(), 'eval-half-'));
  afterAll(() => rmSync(halfDir, { recursive: true, force: true }));
  writeFileSync(join(halfDir, 'fake-cli.mjs'), FAKE_CLI);
  writeFileSync(join(halfDir, 'a__c__1.mmd'), 'flowchart LR\n U --> App --> DB\n');
  writeFileSync(join(halfDir, 'a__c__1.labels.json'), labels('a/c', { mermaidValid: true, errorLine: null, nodes: { U: 'client', App: 'service', DB: 'database' }, spof: ['App', 'DB'] }));
  writeFileSync(join(halfDir, 'a__b__1.mmd'), 'flowchart LR\n A --> B[x(]\n');
  writeFileSync(join(halfDir, 'a__b__1.labels.json'), labels('a/b', { mermaidValid: false, errorLine: 2, nodes: {}, spof: [] }));

  it.each([
    { half: 'tuning', graded: ['a__c__1.mmd'], columns: ['tuning'], results: false, details: true },
    { half: 'test', graded: ['a__b__1.mmd'], columns: ['test'], results: false, details: false },
    { half: 'both', graded: ['a__b__1.mmd', 'a__c__1.mmd'], columns: ['tuning', 'test'], results: true, details: true },
  ])('--half $half grades and prints only $columns; eval-results.json written: $results', ({ half, graded, columns, results, details }) => {
    rmSync(join(halfDir, 'eval-results.json'), { force: true });
    rmSync(join(halfDir, 'eval-details.tuning.json'), { force: true });

    const stdout = runEval(halfDir, '--half', half);

    expect(JSON.parse(readFileSync(join(halfDir, 'graded.json'), 'utf8'))).toEqual(graded);
    expect(stdout.split('\n')[0]?.trim().split(/\s+/)).toEqual(['figure', ...columns]);
    expect(existsSync(join(halfDir, 'eval-results.json'))).toBe(results);
    expect(existsSync(join(halfDir, 'eval-details.tuning.json'))).toBe(details);
  });

  it('refuses an unknown half before grading', () => {
    let stderr = '';
    try {
      runEval(halfDir, '--half', 'tunning');
    } catch (err) {
      stderr = String((err as { stderr?: unknown }).stderr);
    }
    expect(stderr).toContain('--half must be one of tuning, test, both, not "tunning"');
  });
});
