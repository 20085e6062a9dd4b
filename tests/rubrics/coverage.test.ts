import { beforeAll, describe, expect, it } from 'vitest';
import { assessCoverage } from '../../rubrics/coverage/assess';
import { gapFindings } from '../../rubrics/coverage/findings';
import { GENERIC_CAPABILITIES } from '../../rubrics/coverage/generic';
import { CapabilitySchema, type Capability } from '../../rubrics/coverage/schema';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeArchitecture } from '../../rubrics/grade';
import { loadMermaid } from '../../rubrics/parse/node/index';
import { fc, graphOf } from './helpers';

beforeAll(async () => {
  await loadMermaid();
});

const SERVICE = { kind: ['service', 'web_server', 'api_gateway', 'worker'] };

function cap(chain: unknown[], extra: Record<string, unknown> = {}): Capability {
  return CapabilitySchema.parse({ id: 'c', title: 'The capability', core: true, rule: 'database-choice', missing: 'Nothing does it yet.', chain, ...extra });
}

async function outcome(lines: string[], capability: Capability) {
  const graph = await graphOf(fc(...lines));
  const [result] = assessCoverage(graph, [capability]).outcomes;
  if (result === undefined) throw new Error('no outcome');
  return { graph, result };
}

describe('a capability counts only when connected along the request flow', () => {
  const ORDERS = cap([SERVICE, { kind: ['database'], dataModel: ['relational'] }]);
  it.each([
    ['a chain drawn in order', ['U([Users]) --> App[Orders service]', 'App --> DB[(Orders · Postgres)]'], ORDERS, ['App', 'DB']],
    ['a read drawn backwards (DB --> App)', ['U([Users]) --> App[Orders service]', 'DB[(Orders · Postgres)] --> App'], ORDERS, ['App', 'DB']],
    ['through a balancer and a gateway', ['U([Users]) --> LB[Load balancer]', 'LB --> GW[API gateway ×2]', 'GW --> App[Orders service ×3]', 'App --> DB[(Orders · Postgres)]'], ORDERS, ['App', 'DB']],
    [
      'a worker fed by the queue',
      ['U([Users]) --> App[Orders service]', 'App --> Q[[Jobs · SQS]]', 'Q --> W[Email worker ×2]'],
      cap([SERVICE, { kind: ['queue'] }, { kind: ['worker'] }]),
      ['App', 'Q', 'W'],
    ],
    [
      'a pipeline started by a caller nobody calls',
      ['V([Viewers]) --> CDN[CDN]', 'CDN --> S[(Segments · S3)]', 'Feed[Broadcast feed] --> Q[[Ingest · Kafka]]', 'Q --> T[Transcoder workers ×4]', 'T --> S'],
      cap([{ kind: ['stream', 'queue'] }, { kind: ['worker'], words: ['transcoder'] }]),
      ['Q', 'T'],
    ],
    ['an entry as the first step', ['U([Users]) --> CDN[CDN · CloudFront]', 'CDN --> S3[(Photos · S3)]'], cap([{ kind: ['cdn'] }, { kind: ['object_storage'] }]), ['CDN', 'S3']],
    ['a two-way edge', ['U([Users]) <--> GW[Gateway ×2]', 'GW <--> App[Chat service ×3]', 'App --> DB[(Chats · Postgres)]'], ORDERS, ['App', 'DB']],
  ] as const)('served: %s', async (_name, lines, capability, nodes) => {
    const { result } = await outcome([...lines], capability);
    expect({ met: result.met, nodes: result.nodes }).toEqual({ met: true, nodes });
  });

  it.each([
    ['boxes without edges', ['U([Users])', 'App[Orders service]', 'DB[(Orders · Postgres)]'], ORDERS],
    ['a lone entry-tier box that would meet the step itself', ['WS[WebSocket gateways ×4]', 'LB[Load balancer]'], cap([{ transport: ['websocket'] }])],
    ['a store no request reaches', ['U([Users]) --> App[Orders service]', 'DB[(Orders · Postgres)]'], ORDERS],
    ['a store only an unreached service uses', ['U([Users]) --> App[Web app service]', 'Other[Orders service] --> DB[(Orders · Postgres)]', 'X[Audit service] --> Other'], cap([{ kind: ['service'], words: ['web app'] }, { kind: ['database'] }])],
    [
      'a worker drawn sending to the queue instead of reading it',
      ['U([Users]) --> App[Orders service]', 'App --> Q[[Jobs · SQS]]', 'W[Email worker ×2] --> Q'],
      cap([SERVICE, { kind: ['queue'] }, { kind: ['worker'] }]),
    ],
    ['the wrong data model', ['U([Users]) --> App[Orders service]', 'App --> DB[(Orders · MongoDB)]'], ORDERS],
  ] as const)('not served: %s', async (_name, lines, capability) => {
    const { result } = await outcome([...lines], capability);
    expect(result.met).toBe(false);
  });

  it('names the whole path a met capability runs on, intermediates included', async () => {
    const { result } = await outcome(['U([Users]) --> LB[Load balancer]', 'LB --> App[Orders service ×3]', 'App --> DB[(Orders · Postgres)]'], ORDERS);
    expect(result.path).toEqual(['U', 'LB', 'App', 'DB']);
  });
});

describe('step criteria', () => {
  const chainTo = (step: Record<string, unknown>) => cap([SERVICE, step]);
  it.each([
    ['kind', { kind: ['cache'] }, 'C[(Feed cache · Redis)]:::cache', 'C[(Feed · Postgres)]'],
    ['dataModel', { kind: ['database'], dataModel: ['relational'] }, 'C[(Ledger · Postgres)]', 'C[(Ledger · Cassandra)]'],
    ['tech', { tech: ['postgres'] }, 'C[(Ledger · Postgres)]', 'C[(Ledger · MySQL)]'],
    ['words', { kind: ['database'], words: ['ledger', 'journal'] }, 'C[(Journal · Postgres)]', 'C[(Orders · Postgres)]'],
    ['flags', { kind: ['database'], flags: ['sync_replication'] }, 'C[(Ledger · Postgres · synchronous replication)]', 'C[(Ledger · Postgres · async replication)]'],
    ['sharded', { kind: ['database'], sharded: true }, 'C[(Posts · Cassandra · shard: user_id)]', 'C[(Posts · Cassandra)]'],
    ['anyOf', { anyOf: [{ kind: ['cache'] }, { kind: ['database'], words: ['timeline', 'timelines'] }] }, 'C[(Timelines · Postgres)]', 'C[(Posts · Postgres)]'],
    ['words: a negated word earns nothing', { kind: ['database'], words: ['dedup'] }, 'C[(Notification log · dedup by id)]', 'C[(Notification log · no dedup yet)]'],
    ['edgeWords: on the call to the node', { edgeWords: ['idempotency key'] }, '|charge with idempotency key| C[Payments · Stripe]', '|charge| C[Payments · Stripe]'],
    ['edgeWords: a negated call earns nothing', { edgeWords: ['idempotency key'] }, '|charge with idempotency key| C[Payments · Stripe]', '|charge, no idempotency key| C[Payments · Stripe]'],
  ] as const)('%s: matches the right node only', async (_name, step, good, bad) => {
    const served = await outcome(['U([Users]) --> App[Feed service ×3]', `App --> ${good}`], chainTo(step));
    const notServed = await outcome(['U([Users]) --> App[Feed service ×3]', `App --> ${bad}`], chainTo(step));
    expect([served.result.met, notServed.result.met]).toEqual([true, false]);
  });

  it('transport: a node using SSE or a WebSocket, on the node or its edge', async () => {
    const capability = cap([{ transport: ['sse', 'websocket'] }]);
    const onNode = await outcome(['U([Browser]) --> LB[Load balancer]', 'LB --> Chat[Chat service ×3 · streams tokens over SSE]'], capability);
    const onEdge = await outcome(['U([Browser]) <-->|WebSocket| LB[Load balancer]', 'LB --> Chat[Chat service ×3]'], capability);
    const polling = await outcome(['U([Browser]) -->|poll every second| LB[Load balancer]', 'LB --> Chat[Chat service ×3]'], capability);
    expect([onNode.result.met, onEdge.result.met, polling.result.met]).toEqual([true, true, false]);
  });

  it('replicated: a store with a replication edge', async () => {
    const capability = cap([{ kind: ['cache', 'database'], replicated: true }]);
    const replicated = await outcome(['S([Services]) --> N[(Cache nodes · memcached)]', 'N -. replicates .-> R[(Cache replicas)]'], capability);
    const single = await outcome(['S([Services]) --> N[(Cache nodes · memcached)]'], capability);
    expect([replicated.result.met, single.result.met]).toEqual([true, false]);
  });

  it.each([
    ['"primary + replica" in its label', '(Cache node 1 · primary + replica)', true],
    ['a failover noted on it', '(Cache node 1 · memcached · auto failover)', true],
    ['a label naming neither', '(Cache node 1 · memcached)', false],
    ['a label saying the copy is missing', '(Cache node 1 · primary, no replica yet)', false],
    ['a copy added to it', '(Cache node 1 · Redis + replica)', true],
  ] as const)('replicated: a store that says it holds its copy, %s', async (_name, shape, met) => {
    const capability = cap([{ kind: ['cache', 'database'], replicated: true }]);
    const { result } = await outcome([`S([Services]) --> N[${shape}]`], capability);
    expect(result.met).toBe(met);
  });
});

describe('holds: where the design keeps the data, when it says so, is the store the step needs', () => {
  const LEDGER = cap([SERVICE, { kind: ['database'], dataModel: ['relational'], holds: ['ledger', 'journal'] }]);
  it.each([
    ['a relational store beside a ledger on Cassandra', ['App --> A[(Accounts · Postgres)]', 'App --> L[(Ledger · Cassandra)]'], false],
    ['a relational store when nothing is named for the ledger', ['App --> A[(Accounts · Postgres)]'], true],
    ['a relational store beside a ledger that does not say what it is', ['App --> A[(Accounts · Postgres)]', 'App --> L[(Ledger DB)]'], true],
    ['the ledger on Postgres beside an archive of it on Cassandra', ['App --> L[(Journal · Postgres)]', 'App --> X[(Ledger archive · Cassandra)]'], true],
    ['a relational store beside a ledger cache, which is not of the step kinds', ['App --> A[(Accounts · Postgres)]', 'App --> C[(Ledger cache · Redis)]:::cache'], true],
    ['a relational store beside a copy of the ledger', ['App --> A[(Accounts · Postgres)]', 'A -. replicates .-> R[(Ledger replica)]'], true],
    ['a relational store beside a ledger history kept for reads', ['App --> A[(Accounts · Postgres)]', 'App --> H[(Ledger history · Cassandra)]'], true],
    ['a relational store beside a ledger archive', ['App --> A[(Accounts · Postgres)]', 'App --> H[(Journal archive · Cassandra)]'], true],
  ] as const)('%s: served %s', async (_name, lines, met) => {
    const { result } = await outcome(['U([Banking app]) --> App[Transfer service ×3]', ...lines], LEDGER);
    expect(result.met).toBe(met);
  });

  it('names a store that keeps the data but does not say what it is, and asks for its technology', async () => {
    const capability = cap([SERVICE, { kind: ['database'], dataModel: ['relational'], holds: ['ledger'], name: 'a relational ledger database' }]);
    const { graph, result } = await outcome(['U([Banking app]) --> App[Transfer service ×3]', 'App --> L[(Ledger DB · primary)]'], capability);
    expect(gapFindings([result], graph)[0]).toMatchObject({
      nodes: ['L'],
      fix: 'Turn `L` ("Ledger DB · primary") into a relational ledger database, or keep the ledger in such a store: it is where this design keeps it (a store that does not name its technology, e.g. `· Postgres`, is not known to be one).',
    });
  });

  it('names the store that keeps the data and what it is not, and only that store', async () => {
    const capability = cap([SERVICE, { kind: ['database'], dataModel: ['relational'], holds: ['ledger'], name: 'a relational ledger database' }], { title: 'Transfers are written to an ACID ledger' });
    const { graph, result } = await outcome(['U([Banking app]) --> App[Transfer service ×3]', 'App --> A[(Accounts · Postgres)]', 'App --> L[(Ledger · Cassandra)]'], capability);
    expect(gapFindings([result], graph)[0]).toMatchObject({
      severity: 'critical',
      nodes: ['L'],
      message: '`L` ("Ledger · Cassandra") keeps the ledger, but the prompt asks for a relational ledger database: transfers are written to an ACID ledger.',
      fix: 'Turn `L` ("Ledger · Cassandra") into a relational ledger database, or keep the ledger in such a store: it is where this design keeps it.',
    });
  });
});

describe('sharded: a numbered shard a keyed router sends to', () => {
  it.each([
    ['a client library hashing keys onto numbered shards', 'L[Cache client · consistent hashing ring]', 'N1[(Cache shard 1 · Redis)]', true],
    ['the same router with no key declared', 'L[Cache client]', 'N1[(Cache shard 1 · Redis)]', false],
    ['a keyed router in front of a store that is not named a shard', 'L[Cache client · consistent hashing ring]', 'N1[(Cache · Redis)]', false],
  ] as const)('%s', async (_name, router, shard, met) => {
    const capability = cap([{ kind: ['cache', 'database'], sharded: true }]);
    const { result } = await outcome([`S([Services]) --> ${router}`, `L --> ${shard}`], capability);
    expect(result.met).toBe(met);
  });
});

describe('coverage weights', () => {
  it('weighs core capabilities double and counts served ones', async () => {
    const graph = await graphOf(fc('U([Users]) --> App[Orders service]', 'App --> DB[(Orders · Postgres)]'));
    const core = cap([SERVICE, { kind: ['database'] }], { id: 'orders' });
    const extra = cap([SERVICE, { kind: ['queue'] }], { id: 'emails', core: false });
    const assessment = assessCoverage(graph, [core, extra]);
    expect({ served: assessment.served, total: assessment.total, fraction: assessment.fraction }).toEqual({ served: 1, total: 2, fraction: 2 / 3 });
  });
});

describe('a missing capability is a finding in the prompt words, naming the nodes to connect', () => {
  const LEDGER = cap([SERVICE, { kind: ['database'], dataModel: ['relational'], name: 'a relational ledger database' }], {
    rule: 'database-choice',
    missing: 'Nothing stores the ledger yet: a transfer must be written to a relational (ACID) ledger.',
  });

  it('connect what is drawn but not reached', async () => {
    const { graph, result } = await outcome(['U([Banking app]) --> T[Transfer service ×3]', 'L[(Ledger · Postgres)]'], LEDGER);
    const [finding] = gapFindings([result], graph);
    expect(finding).toMatchObject({
      rule: 'database-choice',
      severity: 'critical',
      nodes: ['L', 'T'],
      message: 'Nothing stores the ledger yet: a transfer must be written to a relational (ACID) ledger.',
      fix: 'Connect `T` to `L` ("Ledger · Postgres") along the request flow (e.g. `T --> L`).',
    });
  });

  it('add what is not drawn at all', async () => {
    const { graph, result } = await outcome(['U([Banking app]) --> T[Transfer service ×3]'], LEDGER);
    expect(gapFindings([result], graph)[0]?.fix).toBe('Add a relational ledger database and draw the flow from `T` to it.');
  });

  it('connect a first step no request reaches', async () => {
    const photos = cap([{ kind: ['cdn'] }, { kind: ['object_storage'] }]);
    const { graph, result } = await outcome(['U([Mobile app]) --> App[Post service ×3]', 'CDN[CDN · CloudFront] --> S3[(Photos · S3)]'], photos);
    expect(gapFindings([result], graph)[0]).toMatchObject({ nodes: ['CDN'], fix: 'Connect `CDN` ("CDN · CloudFront") to the request flow: draw the path from a client to it (e.g. `Client --> … --> CDN`).' });
  });

  it.each([
    ['a shard key', { sharded: true, name: 'cache nodes sharded by a key hash' }, 'Turn `N` ("Shared cache · Redis") into cache nodes sharded by a key hash: add `shard: <key>` to the label.'],
    [
      'a replica',
      { replicated: true, name: 'cache nodes replicated to replicas' },
      'Turn `N` ("Shared cache · Redis") into cache nodes replicated to replicas: draw a replica beside it (`A -. replicates .-> AR[(Replica)]`) or say "primary + replica" in the label.',
    ],
  ] as const)('names the drawn node that lacks only %s, and says what to add to it', async (_name, asks, fix) => {
    const capability = cap([{ kind: ['cache'], ...asks }], { rule: 'sharding' });
    const { graph, result } = await outcome(['S([Services]) --> N[(Shared cache · Redis)]'], capability);
    expect(gapFindings([result], graph)[0]).toMatchObject({ nodes: ['N'], fix });
  });

  it('is major for a capability that is not core, and absent once served', async () => {
    const optional = cap([SERVICE, { kind: ['queue'] }], { core: false, rule: 'async-processing' });
    const missing = await outcome(['U([Users]) --> App[Orders service]'], optional);
    const served = await outcome(['U([Users]) --> App[Orders service]', 'App --> Q[[Jobs · SQS]]'], optional);
    expect(gapFindings([missing.result], missing.graph).map((f) => `${f.rule}:${f.severity}`)).toEqual(['async-processing:major']);
    expect(gapFindings([served.result], served.graph)).toEqual([]);
  });
});

describe('the generic capabilities (no prompt)', () => {
  it('apply to the general rubric and need a service that reaches a store', async () => {
    expect(GENERAL_PARAMS.rubric.capabilities).toEqual([]);
    const report = gradeArchitecture(await graphOf(fc('U([Users]) --> App[App ×3]')), GENERAL_PARAMS);
    expect(report.coverage).toEqual({
      capabilities: [
        { id: 'requests-served', title: GENERIC_CAPABILITIES[0]?.title, met: true, nodes: ['App'] },
        { id: 'data-stored', title: GENERIC_CAPABILITIES[1]?.title, met: false, nodes: ['App'] },
      ],
      served: 1,
      total: 2,
    });
  });
});
