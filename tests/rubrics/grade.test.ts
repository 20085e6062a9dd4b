import { beforeAll, describe, expect, it } from 'vitest';
import { CHEAT_SHEET } from '../../rubrics/cheatsheet';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart } from '../../rubrics/grade';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import { toJsonReport } from '../../rubrics/report';
import { RULE_CONCEPTS, RULES } from '../../rubrics/rules/index';
import { CONCEPT_IDS, RULE_IDS, SEVERITIES } from '../../rubrics/vocabulary';
import { fc } from './helpers';

beforeAll(async () => {
  await loadMermaid();
});

const NAIVE = fc('U([Users]) --> App[App server]', 'App --> DB[(Database)]');
const SOLID = fc(
  'U([Users]) --> LB[Load balancer · ALB · health checks]',
  'LB --> App[App ×3 · stateless]',
  'App -->|writes| P[(Orders DB · Postgres)]',
  'P -. replicates · auto failover .-> R[(Replica)]',
  'App -.->|metrics, logs| M[Prometheus + Loki]',
);

async function grade(text: string) {
  const parsed = await parseMermaid(text);
  if (!parsed.ok) throw new Error('does not parse');
  return { parsed, report: gradeFlowchart(parsed.flowchart, GENERAL_PARAMS) };
}

describe('gradeFlowchart with the general rubric', () => {
  it('fails a naive design and names the exact nodes', async () => {
    const { report } = await grade(NAIVE);
    expect(report.findings.map((f) => `${f.rule}:${f.severity}:${f.nodes.join(',')}`)).toEqual([
      'single-point-of-failure:critical:App',
      'single-point-of-failure:critical:DB',
      'load-balancing:major:App',
      'observability:minor:',
      'database-choice:info:DB',
    ]);
    expect(report.score.total).toBeLessThanOrEqual(40);
  });

  it('passes a solid design without findings', async () => {
    const { report } = await grade(SOLID);
    expect(report.findings).toEqual([]);
    expect(report.score.total).toBe(100);
  });

  it('sorts findings by severity, then rule order', async () => {
    const { report } = await grade(NAIVE);
    const keys = report.findings.map((f) => SEVERITIES.indexOf(f.severity) * 100 + RULE_IDS.indexOf(f.rule));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('gives every finding a message, why, fix and concept', async () => {
    const { report } = await grade(NAIVE);
    for (const finding of report.findings) {
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.why.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(10);
      expect(CONCEPT_IDS).toContain(finding.concept);
    }
  });

  it('is deterministic', async () => {
    const a = await grade(NAIVE);
    const b = await grade(NAIVE);
    expect(JSON.stringify(toJsonReport('x', a.parsed, a.report))).toBe(JSON.stringify(toJsonReport('x', b.parsed, b.report)));
  });
});

describe('JSON report shape', () => {
  it('marks managed and cluster-only components as redundant so a reader can tell them from single boxes', async () => {
    const { parsed, report } = await grade(fc('App[App ×3] --> S3[(Media · S3)]', 'App --> PG[(Orders · Postgres)]'));
    const redundant = Object.fromEntries(toJsonReport('d.mmd', parsed, report).architecture.nodes.map((n) => [n.id, n.redundant]));
    expect(redundant).toEqual({ App: false, S3: true, PG: false });
  });

  it('matches the documented format', async () => {
    const { parsed, report } = await grade(fc('U([Users]) --> App[App ×3]', 'App -->|writes| DB[(Orders · Postgres · primary)]', 'subgraph Data', 'DB', 'end'));
    const json = toJsonReport('design.mmd', parsed, report);
    expect(Object.keys(json)).toEqual(['file', 'parse', 'architecture', 'findings', 'score', 'coverage']);
    expect(json.parse).toEqual({ ok: true });
    expect(json.architecture.nodes).toEqual([
      { id: 'U', label: 'Users', kind: 'client', tech: [], instances: 1, redundant: false },
      { id: 'App', label: 'App ×3', kind: 'service', tech: [], instances: 3, redundant: false },
      { id: 'DB', label: 'Orders · Postgres · primary', kind: 'database', dataModel: 'relational', role: 'primary', replicated: false, tech: ['postgres'], instances: 1, redundant: false, subgraph: 'Data' },
    ]);
    expect(json.architecture.edges).toEqual([
      { from: 'U', to: 'App', style: 'solid', bidirectional: false },
      { from: 'App', to: 'DB', label: 'writes', style: 'solid', bidirectional: false },
    ]);
    expect(Object.keys(json.score ?? {})).toEqual(['total', 'coverage', 'quality', 'categories']);
    expect(json.coverage).toEqual({
      capabilities: [
        { id: 'requests-served', title: 'Requests reach a service that handles them', met: true, nodes: ['App'] },
        { id: 'data-stored', title: 'The service keeps its data in a store', met: true, nodes: ['App', 'DB'] },
      ],
      served: 2,
      total: 2,
    });
  });

  it('reports parse errors without architecture or score', async () => {
    const parsed = await parseMermaid('flowchart LR\n  A[x (y)] --> B\n');
    const json = toJsonReport('bad.mmd', parsed);
    expect(json.parse.ok).toBe(false);
    if (!json.parse.ok) expect(Object.keys(json.parse.errors[0] ?? {})).toEqual(['line', 'column', 'message', 'hint']);
    expect(json.architecture).toEqual({ nodes: [], edges: [] });
    expect(json.findings).toEqual([]);
    expect(json.score).toBeUndefined();
    expect(json.coverage).toBeUndefined();
  });
});

describe('registry and cheat sheet', () => {
  it('has one rule module and concept list per rule id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(RULE_CONCEPTS[id].every((c) => CONCEPT_IDS.includes(c))).toBe(true);
  });

  it('states the one-box-one-instance convention', () => {
    expect(CHEAT_SHEET.map((s) => s.reads.join(' ')).join(' ')).toMatch(/ONE running instance/);
  });

  it.each(CHEAT_SHEET.map((s) => [s.id, s.mermaid] as const))('example %s parses', async (_id, mermaid) => {
    expect((await parseMermaid(mermaid)).ok).toBe(true);
  });
});
