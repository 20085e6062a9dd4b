import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePromptFile } from '../prompts/parse';
import { BUILTIN_PROMPTS_DIR } from '../prompts/node/load';
import type { Figure } from './figure';

const BIN = fileURLToPath(new URL('../bin/sysdrill.mjs', import.meta.url));
const FILES = 40;
const RUNS = 3;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** 40 real diagrams: the prompts' reference and naive designs, repeated as needed. */
function writeDiagrams(dir: string): string[] {
  const designs = readdirSync(BUILTIN_PROMPTS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => {
      const parsed = parsePromptFile(name, readFileSync(join(BUILTIN_PROMPTS_DIR, name), 'utf8'));
      return parsed.ok ? [parsed.prompt.reference.mermaid, parsed.prompt.naive.mermaid] : [];
    });
  return Array.from({ length: FILES }, (_, i) => {
    const file = join(dir, `design-${i}.mmd`);
    writeFileSync(file, designs[i % designs.length] ?? '');
    return file;
  });
}

/**
 * `cli.grade_40_files_s`: one `sysdrill grade --json` process grading 40 files, wall time from
 * spawn to exit (process start, Mermaid and jsdom loading included), median of three runs after
 * one warm-up run (which builds the CLI bundle if a source changed).
 */
export async function cliBenchmark(): Promise<readonly Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-cli-'));
  try {
    const files = writeDiagrams(dir);
    const run = (): number => {
      const started = performance.now();
      execFileSync(process.execPath, [BIN, 'grade', '--json', ...files], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
      return (performance.now() - started) / 1000;
    };
    run();
    const seconds = Array.from({ length: RUNS }, run);
    return [{ name: 'cli.grade_40_files_s', value: Number(median(seconds).toFixed(2)), unit: 's' }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
