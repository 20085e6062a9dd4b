/**
 * `npm run bench`: runs every benchmark module of the project, prints one table and writes the
 * same figures to bench-results.json as `{ "<name>": { "value", "unit" } }`.
 * Later issues add their modules to BENCHMARKS. `npm run bench -- ui grade` runs only the named
 * ones (and writes only their figures).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Figure } from './figure';
import { attemptsBenchmark } from './attempts.bench';
import { backupBenchmark } from './backup.bench';
import { cliBenchmark } from './cli.bench';
import { gradeBenchmark } from './grade.bench';
import { progressBenchmark } from './progress.bench';
import { historyBenchmark } from './history.bench';
import { uiBenchmark } from './ui.bench';

const BENCHMARKS: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<readonly Figure[]> }> = [
  { name: 'grade', run: gradeBenchmark },
  { name: 'attempts', run: attemptsBenchmark },
  { name: 'cli', run: cliBenchmark },
  { name: 'progress', run: progressBenchmark },
  { name: 'backup', run: backupBenchmark },
  { name: 'history', run: historyBenchmark },
  { name: 'ui', run: uiBenchmark },
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')} (there are ${BENCHMARKS.map((b) => b.name).join(', ')}).`);

const figures: Figure[] = [];
for (const bench of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name))) {
  process.stderr.write(`running ${bench.name}…\n`);
  figures.push(...(await bench.run()));
}
const width = Math.max(...figures.map((f) => f.name.length), 4);
const lines = [`${'name'.padEnd(width)}  ${'value'.padStart(10)}  unit`, `${'-'.repeat(width)}  ${'-'.repeat(10)}  ----`];
for (const f of figures) lines.push(`${f.name.padEnd(width)}  ${String(f.value).padStart(10)}  ${f.unit}`);
process.stdout.write(lines.join('\n') + '\n');
const out = resolve(process.cwd(), 'bench-results.json');
writeFileSync(out, JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, { value: f.value, unit: f.unit }])), null, 2) + '\n');
process.stderr.write(`wrote ${out}\n`);
