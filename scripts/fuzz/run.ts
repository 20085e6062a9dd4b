/**
 * `npm run fuzz`: every fuzz target, each in its own watched worker, with a count of cases,
 * crashes and hangs. The default is a short pass for CI; `FUZZ_RUNS=<n>` runs n cases per
 * target, `FUZZ_SEED` replays a run, `FUZZ_TARGET` picks one target by name.
 */
import { SKIPPED_TARGETS, TARGETS } from './targets';
import { runTarget, type TargetOutcome } from './runner';

function positiveInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    process.stderr.write(`fuzz: ${name} must be a positive integer, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const runsOverride = positiveInt('FUZZ_RUNS');
const seed = positiveInt('FUZZ_SEED') ?? Math.floor(Math.random() * 2 ** 31);
const only = process.env['FUZZ_TARGET'];
const targetsModule = new URL('./targets.ts', import.meta.url).href;

const chosen = TARGETS.filter((t) => only === undefined || only === '' || t.name === only);
if (chosen.length === 0) {
  process.stderr.write(`fuzz: no target named "${only}". Targets:\n${TARGETS.map((t) => `  ${t.name}`).join('\n')}\n`);
  process.exit(2);
}

process.stdout.write(`fuzz: seed ${seed}, ${runsOverride === undefined ? 'short pass' : `${runsOverride} cases per target`}\n`);
const outcomes: TargetOutcome[] = [];
for (const target of chosen) {
  const outcome = await runTarget({ targetsModule, target: target.name, runs: runsOverride ?? target.runs, seed });
  outcomes.push(outcome);
  process.stdout.write(
    `  ${outcome.target}: ${outcome.cases} cases, ${outcome.crashes} crashes, ${outcome.hangs} hangs (slowest case ${outcome.slowestMs} ms)\n`,
  );
  if (outcome.problem !== undefined) process.stdout.write(`    ${outcome.problem.replace(/\n/g, '\n    ')}\n`);
}
for (const skipped of SKIPPED_TARGETS) process.stdout.write(`  ${skipped.name}: skipped, ${skipped.reason}\n`);

const total = outcomes.reduce((sum, o) => ({ cases: sum.cases + o.cases, crashes: sum.crashes + o.crashes, hangs: sum.hangs + o.hangs }), { cases: 0, crashes: 0, hangs: 0 });
process.stdout.write(`fuzz: ${total.cases} cases, ${total.crashes} crashes, ${total.hangs} hangs\n`);
process.exitCode = total.crashes + total.hangs > 0 ? 1 : 0;
