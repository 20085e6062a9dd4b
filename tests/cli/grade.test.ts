import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { CliIo } from '../../cli/io';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/sysdrill.mjs', import.meta.url));
const fixture = (name: string): string => `tests/cli/fixtures/${name}`;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function sysdrill(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

describe('sysdrill grade (spawned through bin/sysdrill.mjs)', () => {
  it('prints findings grouped by severity with node ids, why and fix; exit 0', async () => {
    const result = await sysdrill('grade', fixture('naive.mmd'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/naive\.mmd: score \d+\/100/);
    expect(result.stdout.indexOf('CRITICAL')).toBeLessThan(result.stdout.indexOf('MAJOR'));
    expect(result.stdout).toContain('nodes: App');
    expect(result.stdout).toContain('why: ');
    expect(result.stdout).toContain('fix: ');
  }, 60_000);

  it('--json prints one object per file, in input order, and exits 2 when one fails to parse', async () => {
    const result = await sysdrill('grade', '--json', fixture('solid.mmd'), fixture('broken.mmd'), fixture('naive.mmd'));
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const reports = lines.map((l) => JSON.parse(l) as { file: string; parse: { ok: boolean; errors?: Array<Record<string, unknown>> }; findings: unknown[]; score?: { total: number } });
    expect(reports.map((r) => r.file)).toEqual([fixture('solid.mmd'), fixture('broken.mmd'), fixture('naive.mmd')]);
    expect(reports.map((r) => r.parse.ok)).toEqual([true, false, true]);
    expect(reports[0]?.score?.total).toBe(100);
    expect(reports[1]?.parse.errors?.[0]).toMatchObject({ line: 2, column: 26 });
    expect(String(reports[1]?.parse.errors?.[0]?.hint)).toContain('App["App (v2)"]');
    expect(reports[2]?.findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('--prompt grades against a built-in prompt', async () => {
    const result = await sysdrill('grade', '--prompt', 'url-shortener', '--json', fixture('naive.mmd'));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: Array<{ rule: string }> };
    expect(report.findings.some((f) => f.rule === 'caching')).toBe(true);
  }, 60_000);

  it('an unknown prompt id is a usage error listing the known ids', async () => {
    const result = await sysdrill('grade', '--prompt', 'no-such-prompt', fixture('naive.mmd'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown prompt "no-such-prompt".*url-shortener/);
  }, 60_000);
});

describe('CLI argument handling (in process)', () => {
  it.each([
    [['grade'], 2, /no input files/],
    [['grade', '--bogus', 'x.mmd'], 2, /bogus/],
    [['frobnicate'], 2, /unknown command/],
  ] as const)('%j exits %i', async (argv, code, message) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(code);
    expect(io.err.join('')).toMatch(message);
  });

  it('help prints usage and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['help'], io)).toBe(0);
    expect(io.out.join('')).toContain('grade [--prompt <id>] [--json] <file.mmd>');
  });

  it('a missing file is reported as a failed file (exit 2)', async () => {
    const io = memoryIo();
    expect(await main(['grade', '--json', 'tests/cli/fixtures/does-not-exist.mmd'], io)).toBe(2);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ parse: { ok: false } });
  });

  it('grades a box as the kind its %% sysdrill: line sets, and warns at the lines it cannot use', async () => {
    const io = memoryIo();
    expect(await main(['grade', fixture('kind-lines.mmd')], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toContain(`${fixture('kind-lines.mmd')}:6:14: warning: No box has the id \`Pay\``);
    expect(out).toContain(`${fixture('kind-lines.mmd')}:7:19: warning: "lizard" is not a kind Sysdrill knows`);
    expect(out).toMatch(/\[single-point-of-failure\][^\n]*\n\s+nodes: P\n/);
  });

  it('--json carries the warnings and the set kind', async () => {
    const io = memoryIo();
    expect(await main(['grade', '--json', fixture('kind-lines.mmd')], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.warnings).toEqual([
      { line: 6, column: 14, message: expect.stringMatching(/^No box has the id `Pay`/) },
      { line: 7, column: 19, message: expect.stringMatching(/^"lizard" is not a kind/) },
    ]);
    expect(report.architecture.nodes.find((n: { id: string }) => n.id === 'P')).toMatchObject({ kind: 'service' });
  });

  it('--reading lists how each box was read, after the findings', async () => {
    const io = memoryIo();
    expect(await main(['grade', '--reading', fixture('kind-lines.mmd')], io)).toBe(0);
    const out = io.out.join('');
    const reading = out.slice(out.indexOf('\n  READ AS\n'));
    expect(out.indexOf('READ AS')).toBeGreaterThan(out.indexOf('CRITICAL'));
    expect(reading.split('\n').slice(2, 7)).toEqual([
      '  - U "Mobile app": client (one instance)',
      '  - LB "Load balancer · managed": load balancer (managed: the provider keeps copies)',
      '  - A "Checkout ×2": service (2 instances)',
      '  - P "Payment Gateway": service (one instance; set by a %% sysdrill: line)',
      '  - D "Orders · Postgres ×2 · failover": database (2 instances; postgres; relational database)',
    ]);
  });

  it('without --reading prints no reading; --json --reading carries it per box', async () => {
    const plain = memoryIo();
    await main(['grade', fixture('kind-lines.mmd')], plain);
    expect(plain.out.join('')).not.toContain('READ AS');
    const json = memoryIo();
    await main(['grade', '--json', '--reading', fixture('kind-lines.mmd')], json);
    expect(JSON.parse(json.out.join('')).reading.map((n: { id: string; kind: string; setByAuthor: boolean }) => [n.id, n.kind, n.setByAuthor])).toEqual([
      ['U', 'client', false],
      ['LB', 'load_balancer', false],
      ['A', 'service', false],
      ['P', 'service', true],
      ['D', 'database', false],
    ]);
  });
});
