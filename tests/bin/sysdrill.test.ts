import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/sysdrill.mjs', import.meta.url));
const FIXTURES = ['solid.mmd', 'naive.mmd', 'broken.mmd'].map((name) => `tests/cli/fixtures/${name}`);

describe('bin/sysdrill.mjs (the bundled CLI)', () => {
  it('prints exactly what the TypeScript sources print for grade --json', async () => {
    const spawned = await run(process.execPath, [BIN, 'grade', '--json', ...FIXTURES], { cwd: ROOT, timeout: 120_000 }).catch(
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
    let fromSources = '';
    const code = await main(['grade', '--json', ...FIXTURES], { stdout: (t) => void (fromSources += t), stderr: () => undefined });
    expect(code).toBe(2);
    expect((spawned as { code?: number }).code).toBe(2);
    expect(spawned.stdout).toBe(fromSources);
    expect(fromSources.trim().split('\n')).toHaveLength(3);
  }, 120_000);

  it('finds the built-in prompts from the bundle (their folder is resolved per source file)', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'prompts', '--json'], { cwd: ROOT, timeout: 120_000 });
    const listed = JSON.parse(stdout) as { prompts: { id: string }[]; errors: unknown[] };
    expect(listed.errors).toEqual([]);
    expect(listed.prompts.map((p) => p.id)).toContain('banking');
  }, 120_000);
});
