import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/sysdrill.mjs', import.meta.url));
const RSS_REPORTER = fileURLToPath(new URL('./reportMaxRss.mjs', import.meta.url));
const SOLID = fileURLToPath(new URL('./fixtures/solid.mmd', import.meta.url));

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The child's peak resident memory in MB, as the child itself reported it. */
  readonly maxRssMb: number;
}

function sysdrill(dir: string, args: readonly string[]): Promise<Outcome> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', RSS_REPORTER, BIN, ...args],
      { cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SYSDRILL_TEST_MAXRSS_FILE: rssFile } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        done({ code, stdout, stderr, maxRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
      },
    );
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sysdrill-cli-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** One hostile input each, with the reason the CLI must give for it. */
const HOSTILE: ReadonlyArray<readonly [string, (file: string) => void, string]> = [
  ['fifo.mmd', (file) => execFileSync('mkfifo', [file]), 'Cannot read the file: it is a named pipe (FIFO), not a regular file.'],
  ['zero.mmd', (file) => symlinkSync('/dev/zero', file), 'Cannot read the file: it is a symbolic link to /dev/zero, which is a character device, not a regular file.'],
  ['passwd.mmd', (file) => symlinkSync('/etc/passwd', file), `Cannot read the file: it is a symbolic link to /etc/passwd, outside the folder DIR; copy the file into the folder instead.`],
  ['huge.mmd', (file) => writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x61)), 'Cannot read the file: it is 50.0 MB; the limit is 1.0 MB.'],
  ['folder.mmd', (file) => mkdirSync(file), 'Cannot read the file: it is a folder, not a regular file.'],
  ['latin1.mmd', (file) => writeFileSync(file, Buffer.from('flowchart LR\n  A[caf\xe9]\n', 'latin1')), 'Cannot read the file: it is not valid UTF-8 text: byte 20 (0xe9) starts an invalid sequence; save it as UTF-8.'],
];

describe('sysdrill grade with files that are not regular UTF-8 text files (spawned)', () => {
  let outcome: Outcome;
  let reports: ReadonlyArray<{ file: string; parse: { ok: boolean; errors?: ReadonlyArray<{ message: string }> } }>;

  beforeAll(async () => {
    for (const [name, make] of HOSTILE) make(join(dir, name));
    outcome = await sysdrill(dir, ['grade', '--json', ...HOSTILE.map(([name]) => join(dir, name)), SOLID]);
    reports = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as (typeof reports)[number]);
  }, 120_000);

  it('exits 2, still grades the good file, and stays small in memory', () => {
    expect(outcome.code).toBe(2);
    expect(reports.map((r) => r.parse.ok)).toEqual([...HOSTILE.map(() => false), true]);
    expect(outcome.maxRssMb).toBeLessThan(300);
  });

  it.each(HOSTILE.map(([name, , message], index) => [name, index, message] as const))('reports %s in words', (name, index, message) => {
    const report = reports[index];
    expect(report?.file).toBe(join(dir, name));
    expect(report?.parse.errors?.map((e) => e.message)).toEqual([message.replace('DIR', dir)]);
    // Paths carry a random temporary folder name, which may itself spell "EUPT…"; only the words are checked.
    expect(JSON.stringify(report).replaceAll(dir, '<folder>')).not.toMatch(/root:x:0|\bE[A-Z]{3,}\b/);
  });
});

// eslint-disable-next-line no-control-regex -- the raw control characters the output must not carry
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('sysdrill output never carries raw control characters (spawned)', () => {
  it('escapes them in file names and diagram text, and --json still parses to the same values', async () => {
    const name = 'evil\u001b[31mred\u0007.mmd';
    const file = join(dir, name);
    writeFileSync(file, 'flowchart LR\n  A[App \u009b2J] --> B[(DB)]\n');
    const human = await sysdrill(dir, ['grade', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('evil\\u001b[31mred\\u0007.mmd: score');
    expect(human.stdout).not.toMatch(RAW_CONTROL);

    const json = await sysdrill(dir, ['grade', '--json', file]);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(json.stdout) as { file: string; architecture: { nodes: Array<{ label: string }> } };
    expect(report.file).toBe(file);
    expect(report.architecture.nodes.map((n) => n.label)).toContain('App \u009b2J');
  }, 120_000);
});
