import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import { reachableFromEntries, requestFlow } from '../../rubrics/graph/flow';
import type { GradingParams } from '../../rubrics/params';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import type { ParsedEdge, ParsedFlowchart, ParsedVertex } from '../../rubrics/parse/types';

/**
 * Metamorphic properties: changes that do not change a design's meaning never change its
 * grade, and changes that make it better or worse move the score the right way. Checked on the
 * prompts' reference and naive designs and on generated designs.
 */

interface Design {
  readonly name: string;
  readonly flowchart: ParsedFlowchart;
  readonly params: GradingParams;
}

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
const real: Design[] = [];

beforeAll(async () => {
  await loadMermaid();
  for (const prompt of library.prompts) {
    for (const which of ['reference', 'naive'] as const) {
      const parsed = await parseMermaid(prompt[which].mermaid);
      if (!parsed.ok) throw new Error(`${prompt.id} ${which} does not parse`);
      real.push({ name: `${prompt.id}/${which}`, flowchart: parsed.flowchart, params: prompt });
    }
  }
});

// ---- generated designs ----------------------------------------------------------------------

const SERVICES = ['Orders service', 'Feed service', 'Checkout service', 'Chat service', 'Post service', 'Search API'];
const STORES = ['Orders DB · Postgres', 'Feed cache · Redis cluster', 'Media · S3', 'Posts · Cassandra cluster', 'Ledger · Postgres primary', 'Sessions · MongoDB'];
const ENTRIES = [[], ['LB[Load balancer]'], ['GW[API gateway ×2]'], ['LB[Load balancer · redundant pair]', 'GW[API gateway]']] as const;

const vertex = (id: string, label: string, shape = 'square'): ParsedVertex => ({ id, label, shape, classes: [], styles: [] });
const edge = (from: string, to: string, label = ''): ParsedEdge => ({ from, to, label, stroke: 'normal', arrow: 'point', bidirectional: false, length: 1 });

const generated = fc
  .record({
    entry: fc.integer({ min: 0, max: ENTRIES.length - 1 }),
    services: fc.subarray(SERVICES, { minLength: 1, maxLength: 3 }),
    serviceCopies: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    stores: fc.subarray(STORES, { minLength: 1, maxLength: 3 }),
    links: fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 6 }),
    queue: fc.boolean(),
    metrics: fc.boolean(),
  })
  .map(({ entry, services, serviceCopies, stores, links, queue, metrics }): Design => {
    const vertices: ParsedVertex[] = [vertex('U', 'Users', 'stadium')];
    const edges: ParsedEdge[] = [];
    const entryIds: string[] = [];
    for (const spec of ENTRIES[entry] ?? []) {
      const [, id = '', label = ''] = /^(\w+)\[(.+)\]$/.exec(spec) ?? [];
      vertices.push(vertex(id, label));
      edges.push(edge(entryIds[entryIds.length - 1] ?? 'U', id));
      entryIds.push(id);
    }
    const front = entryIds[entryIds.length - 1] ?? 'U';
    services.forEach((label, i) => {
      vertices.push(vertex(`S${i}`, serviceCopies[i] === true ? `${label} ×3` : label));
      edges.push(edge(front, `S${i}`));
    });
    stores.forEach((label, i) => vertices.push(vertex(`D${i}`, label, 'cylinder')));
    const seen = new Set<string>();
    for (const [s, d, backwards] of links) {
      const from = `S${s % services.length}`;
      const to = `D${d % stores.length}`;
      if (seen.has(`${from}${to}`)) continue;
      seen.add(`${from}${to}`);
      edges.push(backwards ? edge(to, from) : edge(from, to));
    }
    if (queue) {
      vertices.push(vertex('Q', 'Events · Kafka', 'subroutine'), vertex('W', 'Email worker ×2'));
      edges.push(edge('S0', 'Q'), edge('Q', 'W'));
    }
    if (metrics) {
      vertices.push(vertex('M', 'Metrics · Prometheus'));
      edges.push(edge('S0', 'M', 'metrics'));
    }
    const flowchart: ParsedFlowchart = { direction: 'LR', vertices, edges, subgraphs: [], classDefs: [] };
    return { name: 'generated', flowchart, params: GENERAL_PARAMS };
  });

/** A prompt's design or a generated one graded by a random prompt (or the general rubric). */
const anyDesign = (): fc.Arbitrary<Design> =>
  fc.oneof(
    fc.constantFrom(...real),
    fc.tuple(generated, fc.constantFrom<GradingParams>(GENERAL_PARAMS, ...library.prompts)).map(([d, params]) => ({ ...d, params })),
  );

// ---- transformations on parsed flowcharts ----------------------------------------------------

function mapIds(f: ParsedFlowchart, rename: (id: string) => string): ParsedFlowchart {
  return {
    ...f,
    vertices: f.vertices.map((v) => ({ ...v, id: rename(v.id) })),
    edges: f.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })),
    subgraphs: f.subgraphs.map((s) => ({ ...s, nodeIds: s.nodeIds.map(rename) })),
  };
}

const permute = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items.map((item, i) => [keys[i] ?? 0, i, item] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , item]) => item);

const grade = (d: Design, flowchart = d.flowchart): GradeReport => gradeFlowchart(flowchart, d.params);

/** Findings without their wording (messages quote ids), nodes mapped through `back`. */
function findingKeys(report: GradeReport, back: (id: string) => string = (id) => id): string[] {
  return report.findings.map((f) => `${f.rule}|${f.severity}|${f.nodes.map(back).sort().join(',')}`).sort();
}

/** The findings that cost points (info notes excluded). */
const scoredKeys = (report: GradeReport, back?: (id: string) => string): string[] => findingKeys(report, back).filter((k) => !k.includes('|info|'));

const spofs = (report: GradeReport): string[] => findingKeys(report).filter((k) => k.startsWith('single-point-of-failure|'));

const RUNS = { numRuns: 60 };

describe('grading is independent of how the diagram is written', () => {
  it('renaming node ids never changes findings or score', () => {
    fc.assert(
      fc.property(anyDesign(), fc.integer({ min: 0, max: 1_000 }), (design, seed) => {
        // Only nodes with a label of their own: an unlabelled node's id is its label.
        const labelled = new Set(design.flowchart.vertices.filter((v) => v.label !== v.id).map((v) => v.id));
        const fresh = new Map([...labelled].map((id, i) => [id, `n${seed}x${i}`]));
        const back = new Map([...fresh].map(([a, b]) => [b, a]));
        const renamed = mapIds(design.flowchart, (id) => fresh.get(id) ?? id);
        const [before, after] = [grade(design), grade(design, renamed)];
        // Info notes are left out: the model still reads words from ids (an entity named in an id
        // gets a note), which costs nothing but is not yet id-independent.
        expect({ score: after.score.total, coverage: after.coverage.capabilities.map((c) => c.met), findings: scoredKeys(after, (id) => back.get(id) ?? id) }).toEqual({
          score: before.score.total,
          coverage: before.coverage.capabilities.map((c) => c.met),
          findings: scoredKeys(before),
        });
      }),
      RUNS,
    );
  });

  it('reordering lines never changes findings or score', () => {
    fc.assert(
      fc.property(anyDesign(), fc.array(fc.nat(), { minLength: 80, maxLength: 80 }), fc.array(fc.nat(), { minLength: 80, maxLength: 80 }), (design, vKeys, eKeys) => {
        const reordered = { ...design.flowchart, vertices: permute(design.flowchart.vertices, vKeys), edges: permute(design.flowchart.edges, eKeys) };
        const [before, after] = [grade(design), grade(design, reordered)];
        expect({ score: after.score.total, findings: findingKeys(after) }).toEqual({ score: before.score.total, findings: findingKeys(before) });
      }),
      RUNS,
    );
  });
});

const LONE_NODES: readonly ParsedVertex[] = [
  vertex('Zz1', 'Users', 'stadium'),
  vertex('Zz2', 'Redis cache cluster', 'cylinder'),
  vertex('Zz3', 'Kafka cluster', 'subroutine'),
  vertex('Zz4', 'Auth service ×3'),
  vertex('Zz5', 'CDN · CloudFront'),
  vertex('Zz6', 'Orders DB · Postgres primary with replica', 'cylinder'),
  vertex('Zz7', 'Monitoring · Grafana'),
];

describe('what is drawn moves the score the right way', () => {
  it('adding a disconnected node never raises the score', () => {
    fc.assert(
      fc.property(anyDesign(), fc.constantFrom(...LONE_NODES), (design, lone) => {
        const added = { ...design.flowchart, vertices: [...design.flowchart.vertices, lone] };
        expect(grade(design, added).score.total).toBeLessThanOrEqual(grade(design).score.total);
      }),
      RUNS,
    );
  });

  it('adding ×3 to a single-instance node on a request path never lowers the score', () => {
    fc.assert(
      fc.property(anyDesign(), fc.nat(), (design, pick) => {
        const before = grade(design);
        const onPath = reachableFromEntries(requestFlow(before.architecture));
        const candidates = before.architecture.nodes.filter((n) => n.instances === 1 && n.kind !== 'client' && onPath.has(n.id));
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]?.id;
        const tripled = { ...design.flowchart, vertices: design.flowchart.vertices.map((v) => (v.id === target ? { ...v, label: `${v.label} ×3` } : v)) };
        expect(grade(design, tripled).score.total).toBeGreaterThanOrEqual(before.score.total);
      }),
      RUNS,
    );
  });

  it('removing the only path to a capability the design serves lowers the score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...real.filter((d) => d.name.endsWith('/reference'))), fc.nat(), (design, pick) => {
        const before = grade(design);
        const index = pick % design.flowchart.edges.length;
        const cut = { ...design.flowchart, edges: design.flowchart.edges.filter((_, i) => i !== index) };
        const after = grade(design, cut);
        const lost = before.coverage.capabilities.filter((c) => c.met && after.coverage.capabilities.some((a) => a.id === c.id && !a.met));
        fc.pre(lost.length > 0);
        expect(after.score.total).toBeLessThan(before.score.total);
      }),
      { numRuns: 200 },
    );
  });

  it('reversing an edge that carries no request decision never makes a single point of failure appear or vanish', () => {
    // Unrelated edges: those to monitoring (it observes, it serves nothing) and those between a
    // store and the compute reading it (`App --> DB` and `DB --> App` are the same read).
    const STORES = new Set(['database', 'cache', 'object_storage', 'search']);
    const COMPUTE = new Set(['service', 'web_server', 'worker', 'api_gateway']);
    fc.assert(
      fc.property(anyDesign(), fc.nat(), (design, pick) => {
        const before = grade(design);
        const kind = (id: string): string => before.architecture.node(id)?.kind ?? 'other';
        const unrelated = design.flowchart.edges
          .map((e, i) => [e, i] as const)
          .filter(([e]) => e.stroke !== 'invisible' && !e.bidirectional)
          .filter(([e]) => kind(e.from) === 'monitoring' || kind(e.to) === 'monitoring' || (STORES.has(kind(e.to)) && COMPUTE.has(kind(e.from)) && e.label === ''))
          .map(([, i]) => i);
        fc.pre(unrelated.length > 0);
        const index = unrelated[pick % unrelated.length];
        const reversed = { ...design.flowchart, edges: design.flowchart.edges.map((e, i) => (i === index ? { ...e, from: e.to, to: e.from } : e)) };
        expect(spofs(grade(design, reversed))).toEqual(spofs(before));
      }),
      RUNS,
    );
  });
});
