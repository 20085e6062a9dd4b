import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAttemptsRepo, resultRows, type AttemptProgress } from '../electron/db/attempts';
import { openDatabase } from '../electron/db/open';
import { phasePlan } from '../prompts/mockPlan';
import { buildAttemptReport, type PhaseEvent } from '../prompts/mockReport';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../prompts/node/load';
import { gradeFlowchart } from '../rubrics/grade';
import { parseMermaid } from '../rubrics/parse/node/index';
import { generateDiagram } from './diagrams';
import type { Figure } from './figure';

const SAVES = 300;
const SUBMITS = 100;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * `sqlite.attempt_autosave_ms`: one write of an in-progress mock (200-node diagram, notes,
 * estimates, questions, phase events) to a real WAL database with synchronous=FULL, median.
 * `sqlite.submit_ms`: storing a submitted attempt with its full report and one row per rule and
 * per concept, median.
 */
export async function attemptsBenchmark(): Promise<readonly Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sysdrill-bench-'));
  const db = openDatabase({ file: join(dir, 'bench.db') });
  try {
    const prompt = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts.find((p) => p.id === 'ecommerce');
    if (prompt === undefined) throw new Error('the ecommerce prompt is missing');
    const plan = phasePlan(45).map(({ phase, budgetMs }) => ({ phase, budgetMs }));
    const attempts = createAttemptsRepo(db);
    const diagram = generateDiagram(200);
    const start = () =>
      attempts.start({ promptId: prompt.id, mode: 'mock', startedAt: 1, promptHash: 'h', graderVersion: '1', timeLimitMs: 45 * 60_000, phasePlan: plan, phase: 'requirements' });
    const events: PhaseEvent[] = plan.flatMap(({ phase }, i) => [
      { kind: 'entered' as const, phase, at: 1 + i * 1000, elapsedMs: i * 1000 },
      { kind: 'left' as const, phase, at: 1 + (i + 1) * 1000, elapsedMs: (i + 1) * 1000 },
    ]);
    const progress = (id: ReturnType<typeof start>, n: number): AttemptProgress => ({
      id,
      phase: 'deep-dive',
      clockOffsetMs: 0,
      lastSeenAt: 1 + n,
      deadlineAt: 1 + 45 * 60_000,
      diagram: `${diagram}\n%% edit ${n}`,
      notes: { requirements: 'Reads dominate; flash sales are the peak.'.repeat(5), 'wrap-up': 'Shard inventory by SKU.' },
      estimates: prompt.estimates.map((e) => ({ id: e.id, typed: '20k/s' })),
      questions: [{ index: 0, elapsedMs: 10_000 }, { index: 2, elapsedMs: 40_000 }],
      curveballId: null,
      events,
    });

    const id = start();
    const saveTimes: number[] = [];
    for (let n = 0; n < SAVES; n++) {
      const t = performance.now();
      attempts.saveProgress(progress(id, n));
      saveTimes.push(performance.now() - t);
    }

    const parsed = await parseMermaid(diagram);
    if (!parsed.ok) throw new Error('the benchmark diagram does not parse');
    const grade = gradeFlowchart(parsed.flowchart, { rubric: prompt.rubric, entities: prompt.entities });
    const report = JSON.parse(
      JSON.stringify(
        buildAttemptReport({
          prompt,
          grade: { kind: 'graded', report: grade },
          mock: { plan, events, endElapsedMs: 45 * 60_000, estimates: progress(id, 0).estimates, questions: progress(id, 0).questions },
        }),
      ),
    ) as ReturnType<typeof buildAttemptReport>;
    const rows = resultRows(report, prompt.concepts);
    const submitTimes: number[] = [];
    for (let n = 0; n < SUBMITS; n++) {
      const next = start();
      const t = performance.now();
      attempts.submit({ progress: progress(next, n), submittedAt: 2, report, ...rows });
      submitTimes.push(performance.now() - t);
    }
    return [
      { name: 'sqlite.attempt_autosave_ms', value: round3(median(saveTimes)), unit: 'ms' },
      { name: 'sqlite.submit_ms', value: round3(median(submitTimes)), unit: 'ms' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
