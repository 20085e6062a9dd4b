/**
 * `npm run bench`: runs every benchmark module of the project, prints one table and writes the
 * same figures to bench-results.json as `{ "<name>": { "value", "unit" } }`.
 * Later issues add their modules to BENCHMARKS.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Figure } from './figure';
import { gradeBenchmark } from './grade.bench';

const BENCHMARKS: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<readonly Figure[]> }> = [
  { name: 'grade', run: gradeBenchmark },
];

const figures: Figure[] = [];
for (const bench of BENCHMARKS) {
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
