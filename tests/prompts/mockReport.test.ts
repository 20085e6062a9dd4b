import { describe, expect, it } from 'vitest';
import { AttemptReportSchema } from '../../electron/ipc/contract';
import { buildAttemptReport, curveballRules, isEmptyDesign, judgeCurveball, paramsWithCurveball, phaseTimes, type PhaseEvent } from '../../prompts/mockReport';
import { phasePlan } from '../../prompts/mockPlan';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Curveball, Prompt } from '../../prompts/schema';
import { gradeFlowchart } from '../../rubrics/grade';
import { parseMermaid } from '../../rubrics/parse/node/index';
import type { Finding } from '../../rubrics/rules/types';

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts;
function prompt(id: string): Prompt {
  const found = library.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no prompt ${id}`);
  return found;
}
const ecommerce = prompt('ecommerce');
const flashSale = ecommerce.curveballs?.[0] as Curveball;

const finding = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({
  rule,
  severity,
  nodes: ['X'],
  message: `${rule} ${severity}`,
  why: 'w',
  fix: 'f',
  concept: 'scaling',
});

describe('curveball rubric changes', () => {
  it('makes the listed rules required and raises the listed needs, leaving the rest alone', () => {
    const before = { rubric: ecommerce.rubric, entities: ecommerce.entities };
    const after = paramsWithCurveball(before, flashSale);
    expect(after.rubric.rules['async-processing']).toEqual({ ...before.rubric.rules['async-processing'], required: true });
    expect(after.rubric.rules['stateless-services']?.required).toBe(true);
    expect(after.rubric.sharding.need).toBe('required');
    expect(before.rubric.sharding.need).toBe('recommended');
    expect(after.rubric.rules['caching']).toEqual(before.rubric.rules['caching']);
    expect(after.rubric.replication).toEqual(before.rubric.replication);
  });

  it('sets multi-region replication for a region-loss curveball', () => {
    const messenger = prompt('messenger');
    const curveball = messenger.curveballs?.[0] as Curveball;
    const after = paramsWithCurveball({ rubric: messenger.rubric, entities: messenger.entities }, curveball);
    expect(after.rubric.replication.multiRegion).toBe(true);
    expect(curveballRules(curveball)).toEqual(['load-balancing', 'replication']);
  });

  it('judges the change absorbed only without a critical or major finding in the rules it touches', () => {
    expect(curveballRules(flashSale)).toEqual(['async-processing', 'stateless-services', 'sharding']);
    expect(judgeCurveball(flashSale, [finding('sharding', 'minor'), finding('caching', 'critical')])).toEqual({ absorbed: true, problems: [] });
    expect(judgeCurveball(flashSale, [finding('sharding', 'major')])).toEqual({ absorbed: false, problems: ['sharding major'] });
  });
});

describe('phase times', () => {
  const events: PhaseEvent[] = [
    { kind: 'entered', phase: 'requirements', at: 0, elapsedMs: 0 },
    { kind: 'left', phase: 'requirements', at: 0, elapsedMs: 250_000 },
    { kind: 'entered', phase: 'estimates', at: 0, elapsedMs: 250_000 },
    { kind: 'left', phase: 'estimates', at: 0, elapsedMs: 300_000 },
    { kind: 'entered', phase: 'high-level', at: 0, elapsedMs: 300_000 },
    { kind: 'curveball', phase: 'high-level', at: 0, elapsedMs: 500_000 },
  ];

  it('adds up each phase from entered to left, and runs the open one to the end', () => {
    expect(phaseTimes(events, 1_000_000)).toEqual({ requirements: 250_000, estimates: 50_000, 'high-level': 700_000, 'deep-dive': 0, 'wrap-up': 0 });
  });
});

describe('empty design', () => {
  it.each([
    ['', true],
    ['flowchart LR', true],
    ['  graph TD\n\n%% nothing yet\n', true],
    ['flowchart LR\n  A --> B', false],
    ['A', false],
  ])('%j is empty: %s', (text, empty) => {
    expect(isEmptyDesign(text)).toBe(empty);
  });
});

describe('attempt report', () => {
  const plan = phasePlan(30).map(({ phase, budgetMs }) => ({ phase, budgetMs }));
  const mock = {
    plan,
    events: [{ kind: 'entered', phase: 'requirements', at: 0, elapsedMs: 0 }] as PhaseEvent[],
    endElapsedMs: 120_000,
    estimates: [
      { id: 'peak-read-qps', typed: '30k/s' },
      { id: 'order-storage-per-year', typed: '3.5 TB/day' },
      { id: 'flash-sale-rps', typed: '3.5 TB/day' },
    ],
    questions: [{ index: 1, elapsedMs: 45_000 }],
    curveballId: 'flash-sale',
  };

  it('records an empty diagram as "no design submitted": no score, no findings, curveball not absorbed', () => {
    const report = buildAttemptReport({ prompt: ecommerce, grade: { kind: 'empty' }, mock });
    expect(report.outcome).toBe('no-design');
    expect(report.score).toBeUndefined();
    expect(report.findings).toEqual([]);
    expect(report.curveball).toMatchObject({ id: 'flash-sale', absorbed: false });
    expect(AttemptReportSchema.safeParse(report).success).toBe(true);
  });

  it('lists every estimate with its verdict, every clarifying question with when it was asked, and every phase against its budget', () => {
    const report = buildAttemptReport({ prompt: ecommerce, grade: { kind: 'empty' }, mock });
    expect(report.estimates.map((e) => [e.id, e.verdict])).toEqual([
      ['peak-read-qps', 'on-target'],
      ['flash-sale-rps', 'off'],
      // 3.5 TB a day is 1,280 TB a year: the label's "per year" turns the rate into the asked size.
      ['order-storage-per-year', 'off'],
      ['product-cache-size', 'unanswered'],
      ['image-egress', 'unanswered'],
    ]);
    expect(report.estimates.find((e) => e.id === 'flash-sale-rps')?.note).toMatch(/Wrong dimension: you gave a data rate/);
    expect(report.estimates.find((e) => e.id === 'order-storage-per-year')?.note).toBe('1,280 TB is 852× the expected 1.5: more than 10× away.');
    expect(report.questions.map((q) => q.askedAtMs)).toEqual(ecommerce.clarifyingQuestions.map((_, i) => (i === 1 ? 45_000 : undefined)));
    expect(report.phases).toEqual([
      { phase: 'requirements', title: 'Requirements and clarifying questions', budgetMs: 200_000, usedMs: 120_000 },
      { phase: 'estimates', title: 'Capacity estimates', budgetMs: 200_000, usedMs: 0 },
      { phase: 'high-level', title: 'High-level design', budgetMs: 600_000, usedMs: 0 },
      { phase: 'deep-dive', title: 'Deep dive', budgetMs: 600_000, usedMs: 0 },
      { phase: 'wrap-up', title: 'Wrap-up', budgetMs: 200_000, usedMs: 0 },
    ]);
  });

  it('is reproducible: grading the stored text again with the stored prompt gives the same report', async () => {
    const text = ecommerce.reference.mermaid;
    const params = paramsWithCurveball({ rubric: ecommerce.rubric, entities: ecommerce.entities }, flashSale);
    const grade = async () => {
      const parsed = await parseMermaid(text);
      if (!parsed.ok) throw new Error('reference does not parse');
      return buildAttemptReport({ prompt: ecommerce, grade: { kind: 'graded', report: gradeFlowchart(parsed.flowchart, params) }, mock });
    };
    const stored = JSON.parse(JSON.stringify(await grade())) as unknown;
    expect(AttemptReportSchema.parse(stored)).toEqual(stored);
    expect(JSON.parse(JSON.stringify(await grade()))).toEqual(stored);
    expect((stored as { outcome: string }).outcome).toBe('graded');
  });
});

describe('the banking curveball: a whole region is lost', () => {
  const banking = prompt('banking');
  const regionLost = banking.curveballs?.find((c) => c.id === 'region-lost') as Curveball;
  const params = { rubric: banking.rubric, entities: banking.entities };

  async function judged(lines: readonly string[]): Promise<ReturnType<typeof judgeCurveball>> {
    const parsed = await parseMermaid(['flowchart LR', ...lines].join('\n'));
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    return judgeCurveball(regionLost, gradeFlowchart(parsed.flowchart, paramsWithCurveball(params, regionLost)).findings);
  }

  it('is not absorbed by a design whose ledger lives in one region, however well it is balanced and watched', async () => {
    const verdict = await judged([
      'U([Customers]) --> LB[Load balancer pair · health checks]',
      'LB --> T[Transfer service ×4 · idempotency keys]',
      'T --> L[(Ledger · Postgres primary · shard: account_id)]',
      'L -. synchronous replication · auto failover .-> S[(Ledger standby · other zone)]',
      'T -.->|metrics, logs, alerts| M[Prometheus + Grafana · alerting]',
    ]);
    expect(verdict.absorbed).toBe(false);
    expect(verdict.problems.join(' ')).toMatch(/region/i);
  });

  it('is absorbed by the reference design, which replicates the ledger to a second region', async () => {
    expect((await judged(banking.reference.mermaid.split('\n').slice(1))).absorbed).toBe(true);
  });
});
