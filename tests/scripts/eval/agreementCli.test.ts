import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'eval-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NONE = { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false };
const labels = (repo: string, nodes: Record<string, string>, spof: string[]): string =>
  JSON.stringify({ source: { repo, path: 'README.md' }, domain: 'other', mermaidValid: true, errorLine: null, nodes, spof, spofDisputed: [], features: NONE });

/** Runs the script; its exit code and what it printed (stderr on failure). */
function agreement(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval/agreement.ts', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { code: failed.status, out: failed.stderr };
  }
}

// a/c hashes to an even first byte (tuning), a/b to an odd one (test): see run.test.ts.
const corpus = join(dir, 'corpus');
mkdirSync(corpus);
writeFileSync(join(corpus, 'a__c__1.labels.json'), labels('a/c', { U: 'client', App: 'service', DB: 'database' }, ['App', 'DB']));
writeFileSync(join(corpus, 'a__b__1.labels.json'), labels('a/b', { U: 'client', App: 'service', DB: 'database' }, ['App', 'DB']));
const second = (name: string, files: Record<string, string>): string => {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
};

describe('npm run eval:agreement', () => {
  it('scores a test-half second pass as figures only: no per-diagram differences printed or written', () => {
    const folder = second('test-pass', { 'a__b__1.labels.json': labels('a/b', { U: 'client', App: 'service', DB: 'cache' }, ['App']) });
    const run = agreement('--half', 'test', '--second', folder, '--corpus', corpus, '--out', dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('66.7 %');
    expect(run.out).not.toContain('a__b__1');
    const written = JSON.parse(readFileSync(join(dir, 'agreement-results.test.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written).sort()).toEqual(['figures', 'half', 'reference']);
    expect(JSON.stringify(written)).not.toContain('a__b__1');
  });

  it.each([
    { half: 'test', file: 'a__c__1.labels.json', repo: 'a/c', reason: 'not a test-half repository' },
    { half: 'tuning', file: 'a__b__1.labels.json', repo: 'a/b', reason: 'not a tuning-half repository' },
  ])('refuses a second pass of the other half in the $half folder', ({ half, file, repo, reason }) => {
    const folder = second(`wrong-${half}`, { [file]: labels(repo, { U: 'client', App: 'service', DB: 'database' }, ['App', 'DB']) });
    const run = agreement('--half', half, '--second', folder, '--corpus', corpus, '--out', dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain(reason);
  });

  it('keeps the tuning half’s per-diagram differences, which may be read', () => {
    const folder = second('tuning-pass', { 'a__c__1.labels.json': labels('a/c', { U: 'client', App: 'service', DB: 'database' }, ['App']) });
    expect(agreement('--second', folder, '--corpus', corpus, '--out', dir).code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'agreement-results.json'), 'utf8')) as { diagrams: { stem: string }[] };
    expect(written.diagrams.map((d) => d.stem)).toEqual(['a__c__1']);
  });

  it('names an unknown half', () => {
    const run = agreement('--half', 'both', '--corpus', corpus, '--out', dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('--half is tuning or test, not both');
  });
});
