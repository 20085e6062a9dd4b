// renderer/src/palette/snippets.ts, tested under Node: it grades every snippet with the Node parse adapter (rubrics/parse/node).
import { describe, expect, it } from 'vitest';
import { gradeFlowchart } from '../../rubrics/grade';
import { buildArchitecture } from '../../rubrics/model/build';
import { parseMermaid } from '../../rubrics/parse/node/index';
import { GradingParamsSchema } from '../../rubrics/params';
import type { NodeKind } from '../../rubrics/vocabulary';
import { buildSnippet, freshId, PALETTE } from '../../renderer/src/palette/snippets';

/** What each snippet must be read as: node id → kind, more instances than one, and notes. Written by hand. */
const EXPECTED: Readonly<Record<string, Readonly<Record<string, { kind: NodeKind; redundant: boolean }>>>> = {
  client: { Client: { kind: 'client', redundant: false } },
  dns: { DNS: { kind: 'dns', redundant: true } },
  cdn: { CDN: { kind: 'cdn', redundant: true } },
  'lb-managed': { LB: { kind: 'load_balancer', redundant: true } },
  'lb-pair': { LB: { kind: 'load_balancer', redundant: true } },
  'api-gateway': { Gateway: { kind: 'api_gateway', redundant: true } },
  service: { Svc: { kind: 'service', redundant: true } },
  'worker-pool': { Workers: { kind: 'worker', redundant: true } },
  cache: { Cache: { kind: 'cache', redundant: true } },
  // One instance each: the pair is redundant through replication (checked below).
  'sql-replicated': { DB: { kind: 'database', redundant: false }, DBReplica: { kind: 'database', redundant: false } },
  nosql: { NoSQL: { kind: 'database', redundant: true } },
  'object-storage': { Blobs: { kind: 'object_storage', redundant: true } },
  queue: { Queue: { kind: 'queue', redundant: true } },
  stream: { Stream: { kind: 'stream', redundant: true } },
  search: { Search: { kind: 'search', redundant: false } },
  websocket: { WS: { kind: 'api_gateway', redundant: true } },
  monitoring: { Mon: { kind: 'monitoring', redundant: false } },
};

const params = GradingParamsSchema.parse({ rubric: { rules: { 'single-point-of-failure': { weight: 1 } } }, entities: [] });

describe('the component palette', () => {
  it('has an expectation for every entry', () => {
    expect(PALETTE.map((e) => e.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(PALETTE.map((entry) => [entry.key, entry] as const))('%s is graded as the component it names', async (key, entry) => {
    const snippet = buildSnippet(entry, 'flowchart LR');
    const parsed = await parseMermaid(`flowchart LR\n${snippet.text}`);
    if (!parsed.ok) throw new Error(`${key} does not parse: ${JSON.stringify(parsed.errors)}`);
    const graph = buildArchitecture(parsed.flowchart);
    const seen = Object.fromEntries(graph.nodes.map((n) => [n.id, { kind: n.kind, redundant: n.instances === 'many' || n.instances > 1 || n.redundantByDefault }]));
    expect(seen).toEqual(EXPECTED[key]);
    // The real grader runs on it without complaint about the snippet itself.
    expect(gradeFlowchart(parsed.flowchart, params).score.total).toBeGreaterThanOrEqual(0);
  });
});

describe('the SQL primary with its replica', () => {
  it('is a primary and a replica with failover, and neither is a single point of failure', async () => {
    const sql = PALETTE.find((e) => e.key === 'sql-replicated');
    if (sql === undefined) throw new Error('no SQL entry');
    const parsed = await parseMermaid(`flowchart LR\n  Client([Users]) --> App[App ×3]\n${buildSnippet(sql, 'flowchart LR').text}\n  App --> DB`);
    if (!parsed.ok) throw new Error('does not parse');
    const graph = buildArchitecture(parsed.flowchart);
    const roles = graph.nodes.flatMap((n) => (n.kind === 'database' ? [[n.id, n.role]] : []));
    expect(roles).toEqual([
      ['DB', 'primary'],
      ['DBReplica', 'replica'],
    ]);
    const spof = gradeFlowchart(parsed.flowchart, params).findings.filter((f) => f.rule === 'single-point-of-failure');
    expect(spof.flatMap((f) => f.nodes).filter((n) => n.startsWith('DB'))).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('indents the snippet, fills in the id and selects the label', () => {
    const cache = PALETTE.find((e) => e.key === 'cache');
    if (cache === undefined) throw new Error('no cache entry');
    const snippet = buildSnippet(cache, 'flowchart LR');
    expect(snippet).toEqual({ id: 'Cache', text: '  Cache[(Cache · Redis cluster · TTL 5m)]', select: { from: 9, to: 14 } });
    expect(snippet.text.slice(snippet.select.from, snippet.select.to)).toBe('Cache');
  });

  it('names the replica after its primary', () => {
    const sql = PALETTE.find((e) => e.key === 'sql-replicated');
    if (sql === undefined) throw new Error('no SQL entry');
    expect(buildSnippet(sql, 'flowchart LR\n  DB[(Orders)]').text).toBe(
      '  DB2[(Primary DB · Postgres)]\n  DB2 -. replicates · auto failover .-> DB2Replica[(Replica · Postgres)]',
    );
  });
});

describe('freshId', () => {
  it('takes the base id, else the first free numbered one; a longer id does not count', () => {
    expect(freshId('flowchart LR\n  Cache2[(x)]', 'Cache')).toBe('Cache');
    expect(freshId('flowchart LR\n  Cache[(x)] --> Cache2[(y)]', 'Cache')).toBe('Cache3');
    expect(freshId('flowchart LR\n  App --> DBReplica[(y)]', 'DB')).toBe('DB2');
  });
});
