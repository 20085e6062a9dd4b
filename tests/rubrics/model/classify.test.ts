import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../../../rubrics/model/build';
import type { ArchNode } from '../../../rubrics/model/types';
import { e, flow, v } from './flow';

const single = (label: string, shape = 'square', classes: string[] = []): ArchNode => {
  const node = buildArchitecture(flow([v('N', label, shape, classes)])).node('N');
  if (!node) throw new Error('node missing');
  return node;
};

describe('kind from label, technology, class and shape', () => {
  it.each([
    // label words
    ['Load Balancer', 'square', [], 'load_balancer'],
    ['LB', 'square', [], 'load_balancer'],
    ['Reverse proxy', 'square', [], 'load_balancer'],
    ['API Gateway', 'square', [], 'api_gateway'],
    ['CDN', 'square', [], 'cdn'],
    ['DNS', 'square', [], 'dns'],
    ['Feed cache', 'square', [], 'cache'],
    ['Upload Service', 'square', [], 'service'],
    ['Search Service', 'square', [], 'service'],
    ['User Service DB', 'square', [], 'database'],
    ['Notification queue', 'square', [], 'queue'],
    ['Queue worker', 'square', [], 'worker'],
    ['Event stream', 'square', [], 'stream'],
    ['Search index', 'square', [], 'search'],
    ['Search indexer ×2', 'square', [], 'worker'],
    ['Media bucket', 'square', [], 'object_storage'],
    ['Metrics and logs', 'square', [], 'monitoring'],
    ['Payment provider', 'square', [], 'external'],
    ['Mobile app', 'square', [], 'client'],
    ['Users', 'square', [], 'client'],
    ['Web server', 'square', [], 'web_server'],
    ['Fan-out workers ×20', 'square', [], 'worker'],
    // technologies
    ['Postgres', 'square', [], 'database'],
    ['Users (Postgres)', 'square', [], 'database'],
    ['Kafka', 'square', [], 'stream'],
    ['Encoding jobs · SQS', 'square', [], 'queue'],
    ['RabbitMQ', 'square', [], 'queue'],
    ['S3', 'square', [], 'object_storage'],
    ['Elasticsearch', 'square', [], 'search'],
    ['Redis', 'square', [], 'cache'],
    ['Redis queue', 'square', [], 'queue'],
    ['Nginx', 'square', [], 'load_balancer'],
    ['CloudFront', 'square', [], 'cdn'],
    ['Route 53', 'square', [], 'dns'],
    ['Prometheus', 'square', [], 'monitoring'],
    ['Stripe', 'square', [], 'external'],
    ['Rate counters · Redis cluster · shard: api_key', 'cylinder', [], 'cache'],
    // explicit classes win
    ['Thing', 'square', ['cache'], 'cache'],
    ['Thing', 'square', ['db'], 'database'],
    ['Postgres', 'square', ['queue'], 'queue'],
    ['Box', 'square', ['lb'], 'load_balancer'],
    // shapes
    ['Orders', 'cylinder', [], 'database'],
    ['Orders', 'cyl', [], 'database'],
    ['Inbox', 'subroutine', [], 'queue'],
    ['Thing', 'square', [], 'other'],
  ] as const)('%j (%s, %j) is %s', (label, shape, classes, kind) => {
    expect(single(label, shape, [...classes]).kind).toBe(kind);
  });
});

describe('database facets', () => {
  it.each([
    ['Orders DB · Postgres', 'relational', undefined, ['postgres']],
    ['Posts · Cassandra', 'wide_column', undefined, ['cassandra']],
    ['Carts · DynamoDB', 'key_value', undefined, ['dynamodb']],
    ['Catalog · MongoDB replica set', 'document', undefined, ['mongodb']],
    ['Social graph · Neo4j', 'graph', undefined, ['neo4j']],
    ['Metrics TSDB', 'time_series', undefined, []],
    ['SQL database', 'relational', undefined, []],
    ['Primary DB', 'unknown', 'primary', []],
    ['Read replica', 'unknown', 'replica', []],
    ['Follower DB', 'unknown', 'replica', []],
    ['Users DB', 'unknown', undefined, []],
  ] as const)('%j → %s / %s', (label, dataModel, role, tech) => {
    const node = single(label, 'cylinder');
    expect(node.kind).toBe('database');
    if (node.kind !== 'database') return;
    expect(node.dataModel).toBe(dataModel);
    expect(node.role).toBe(role);
    expect(node.tech).toEqual(tech);
  });

  it('derives primary and replica roles from a replication edge', () => {
    const g = buildArchitecture(flow([v('P', 'Orders DB', 'cylinder'), v('R', 'Orders copy', 'cylinder')], [e('P', 'R', 'replicates', 'dotted')]));
    const roles = g.nodes.map((n) => (n.kind === 'database' ? n.role : undefined));
    expect(roles).toEqual(['primary', 'replica']);
    expect(g.edges[0]?.meaning).toBe('replication');
  });
});

describe('instances', () => {
  it.each([
    ['App', 'square', 1],
    ['App ×3', 'square', 3],
    ['App x3', 'square', 3],
    ['App X 4', 'square', 4],
    ['3x App', 'square', 3],
    ['App (5 nodes)', 'square', 5],
    ['App · 2 replicas', 'square', 2],
    ['Redis cluster', 'square', 'many'],
    ['Worker pool', 'square', 'many'],
    ['App · auto-scaling group', 'square', 'many'],
    ['App fleet', 'square', 'many'],
    ['App servers', 'square', 'many'],
    ['App ×N', 'square', 'many'],
    ['Workers', 'procs', 'many'],
    ['Postgres', 'cylinder', 1],
    ['Index v2', 'square', 1],
  ] as const)('%j (%s) → %s', (label, shape, instances) => {
    expect(single(label, shape).instances).toBe(instances);
  });
});

describe('annotations', () => {
  it.each([
    ['Posts DB · Cassandra · shard: user_id', 'user_id'],
    ['Messages · sharded by conversation_id', 'conversation_id'],
    ['Events · partition key = tenant_id', 'tenant_id'],
    ['Feed · partitioned on user-id', 'user_id'],
    ['Counters · hash(api_key)', 'api_key'],
    ['Orders DB', undefined],
    ['Posts · shard key user_id', 'user_id'],
    ['Membership and shard map · etcd cluster', undefined],
    ['Sharding metadata', undefined],
  ] as const)('%j → shard key %s', (label, key) => {
    expect(single(label, 'cylinder').annotations.shardKey).toBe(key);
  });

  it.each([
    ['Redis · TTL 60s', 'ttl'],
    ['LB · health checks', 'health_check'],
    ['LB · sticky sessions', 'sticky'],
    ['Gateway · WebSocket', 'websocket'],
    ['Gateway · SSE', 'sse'],
    ['API · long polling', 'long_polling'],
    ['Queue · at-least-once · DLQ', 'delivery_guarantee'],
    ['DB · multi-AZ', 'multi_az'],
  ] as const)('%j states %s', (label, flag) => {
    expect(single(label).annotations.flags).toContain(flag);
  });

  it('does not read long polling as short polling', () => {
    expect(single('API · long polling').annotations.flags).not.toContain('short_polling');
  });

  it('reads flags from the labels of touching edges', () => {
    const g = buildArchitecture(flow([v('LB', 'Load balancer'), v('App', 'App ×3')], [e('LB', 'App', 'health checks')]));
    expect(g.node('LB')?.annotations.flags).toContain('health_check');
  });
});

describe('subgraphs and graph position', () => {
  it('classifies from the subgraph title when the label says nothing', () => {
    const g = buildArchitecture(
      flow([v('W1', 'Thumbnailer'), v('W2', 'Watermarker')], [], [{ id: 'Workers', title: 'Background workers', nodeIds: ['W1', 'W2'] }]),
    );
    expect(g.nodes.map((n) => [n.kind, n.subgraph])).toEqual([
      ['worker', 'Workers'],
      ['worker', 'Workers'],
    ]);
  });

  it('makes a node fed by a queue a worker', () => {
    const g = buildArchitecture(flow([v('Q', 'Jobs queue'), v('X', 'Thumbnailer')], [e('Q', 'X')]));
    expect(g.node('X')?.kind).toBe('worker');
  });

  it('makes an uncalled node that calls the balancer a client, whatever its label', () => {
    const g = buildArchitecture(flow([v('A', 'Rider and driver apps', 'stadium'), v('LB', 'Load balancer'), v('S', 'Trip service')], [e('A', 'LB'), e('LB', 'S')]));
    expect(g.node('A')?.kind).toBe('client');
    expect(g.node('S')?.kind).toBe('service');
  });

  it('makes an uncalled stadium-shaped node a client even when its label names a cache', () => {
    const g = buildArchitecture(
      flow([v('S', 'Client services with cache library', 'stadium'), v('C', 'Cache nodes ×100', 'cylinder', ['cache'])], [e('S', 'C')]),
    );
    expect(g.node('S')?.kind).toBe('client');
  });

  it('keeps a named technology on an uncalled stadium node', () => {
    const g = buildArchitecture(flow([v('K', 'Kafka', 'stadium'), v('W', 'Workers ×3')], [e('K', 'W')]));
    expect(g.node('K')?.kind).toBe('stream');
  });

  it('makes an unlabelled node behind a balancer a service', () => {
    const g = buildArchitecture(flow([v('LB', 'Load balancer'), v('X', 'Thing')], [e('LB', 'X')]));
    expect(g.node('X')?.kind).toBe('service');
  });

  it('expands edges to a subgraph into edges to its members', () => {
    const g = buildArchitecture(
      flow([v('LB', 'LB'), v('A1', 'App 1'), v('A2', 'App 2')], [e('LB', 'Tier')], [{ id: 'Tier', title: 'App tier', nodeIds: ['A1', 'A2'] }]),
    );
    expect(g.edges.map((x) => `${x.from}>${x.to}`)).toEqual(['LB>A1', 'LB>A2']);
  });

  it('keeps invisible edges in the model but out of the lookups', () => {
    const g = buildArchitecture(flow([v('A'), v('B')], [e('A', 'B', '', 'invisible')]));
    expect(g.edges.map((x) => x.style)).toEqual(['invisible']);
    expect(g.outgoing('A')).toEqual([]);
    expect(g.neighbours('A')).toEqual([]);
  });

  it('produces frozen output', () => {
    const g = buildArchitecture(flow([v('A'), v('B')], [e('A', 'B')]));
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.nodes)).toBe(true);
    expect(Object.isFrozen(g.nodes[0])).toBe(true);
    expect(Object.isFrozen(g.edges[0])).toBe(true);
  });
});

describe('edge meaning and style', () => {
  it.each([
    ['App', 'DB', 'writes', 'normal', 'write'],
    ['App', 'DB', 'read', 'normal', 'read'],
    ['App', 'Q', '', 'normal', 'async_publish'],
    ['App', 'Svc', 'publish event', 'dotted', 'async_publish'],
    ['DB', 'DB2', '', 'dotted', 'replication'],
    ['App', 'Svc', '', 'normal', 'request'],
    ['App', 'DB', '', 'normal', 'unknown'],
  ] as const)('%s -> %s |%s| (%s) means %s', (from, to, label, stroke, meaning) => {
    const nodes = [v('App', 'App'), v('Svc', 'Other service'), v('DB', 'Orders DB', 'cylinder'), v('DB2', 'Orders DB 2', 'cylinder'), v('Q', 'Jobs queue')];
    const g = buildArchitecture(flow(nodes, [e(from, to, label, stroke)]));
    expect(g.edges[0]?.meaning).toBe(meaning);
  });

  it.each([
    ['normal', 'solid'],
    ['dotted', 'dotted'],
    ['thick', 'thick'],
    ['invisible', 'invisible'],
  ] as const)('stroke %s is style %s', (stroke, style) => {
    const g = buildArchitecture(flow([v('A'), v('B')], [e('A', 'B', '', stroke)]));
    expect(g.edges[0]?.style).toBe(style);
  });
});
