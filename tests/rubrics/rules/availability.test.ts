import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from '../../../rubrics/parse/node/index';
import { runRules } from '../../../rubrics/grade';
import { GradingParamsSchema, type GradingParams } from '../../../rubrics/params';
import { fc, findingsOf, graphOf, paramsFor } from '../helpers';

beforeAll(async () => {
  await loadMermaid();
});

describe('single-point-of-failure', () => {
  const params = paramsFor('single-point-of-failure');
  const cases: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['one app server and one database', fc('U([Users]) --> App[App server]', 'App --> DB[(Orders DB · Postgres)]'), ['critical:App', 'critical:DB']],
    ['single balancer in front of a pool', fc('U([Users]) --> LB[Load balancer]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), ['critical:LB']],
    ['all redundant', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['two parallel app nodes', fc('U([Users]) --> LB[ALB]', 'LB --> A1[App 1] & A2[App 2]', 'A1 & A2 --> DB[(Orders · DynamoDB)]'), []],
    [
      'primary with a replica is not a sole copy',
      fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> P[(Primary · Postgres)]', 'P -. replicates .-> R[(Replica)]'),
      [],
    ],
    ['a primary drawn beside its read replicas with a plain line is not a sole copy', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> P[(SQL Write Primary)]', 'P -.- R[(SQL Read Replicas)]', 'App --> R'), []],
    ['a primary joined to another primary is still one copy', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> P[(Orders Primary)] & Q[(Billing Primary)]', 'P --- Q'), ['critical:P', 'critical:Q']],
    ['database stated multi-AZ', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · Postgres · multi-AZ)]'), []],
    ['managed object storage', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> S3[(Media · S3)]'), []],
    ['single search node is a sole copy (major)', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> ES[(Search index)]'), ['major:ES']],
    ['a single cache beside the database path is not on every path', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis)]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['a single cache in series is on every path', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis)]', 'C --> DB[(Orders · DynamoDB)]'), ['critical:C']],
    ['Kafka is redundant by design', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> K[[Kafka]]', 'K --> W[Workers ×3]', 'W --> DB[(Orders · DynamoDB)]'), []],
    ['a single MQTT broker the devices publish to', fc('D([Devices]) -->|MQTT| B[MQTT Broker]', 'B --> W[Ingest workers ×3]', 'W --> DB[(Readings · DynamoDB)]'), ['critical:B']],
    [
      'a request/reply broker: the service answering through it is on the path, its event consumers are not',
      fc('U([Users]) --> GW[API gateway ×2]', 'GW <-->|request/reply| Q[[RabbitMQ ×3]]', 'Q <--> ERP[Orders service]', 'ERP --> DB[(Orders · DynamoDB)]', 'Q --> INV[Inventory service]'),
      ['critical:ERP'],
    ],
    [
      'an RPC broker the request waits on',
      fc('U([Users]) --> GW[API gateway ×2]', 'GW -->|RPC| Q[[NATS ×3]]', 'Q -->|RPC| S[Pricing service]', 'S --> DB[(Prices · DynamoDB)]'),
      ['critical:S'],
    ],
    [
      'a broker carrying only events keeps its consumers off the path',
      fc('U([Users]) --> GW[API gateway ×2]', 'GW --> Q[[RabbitMQ ×3]]', 'Q <--> ERP[Orders service]', 'ERP --> DB[(Orders · DynamoDB)]'),
      [],
    ],
    ['single RabbitMQ on the only path to data', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> Q[[RabbitMQ]]', 'Q --> W[Workers ×3]', 'W --> DB[(Orders · DynamoDB)]'), ['critical:Q']],
    ['a failover pair of balancers', fc('U([Users]) --> LB1[LB active] & LB2[LB passive]', 'LB1 -. failover .- LB2', 'LB1 & LB2 --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['no data store: the only server is the point of failure', fc('U([Browser]) --> API[Chat API]', 'API --> GPU[GPU server ×4]'), ['critical:API']],
    ['a call to object storage does not hide the balancer', fc('U([Users]) --> LB[Load balancer]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App --> S3[(Media · S3)]'), ['critical:LB']],
    ['a read drawn from the database to the app still reaches it', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'DB[(Orders · Postgres)] --> App'), ['critical:DB']],
    ['an analytics store fed by a queue is at most minor', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App --> K[[Kafka]]', 'K --> W[Consumers ×2]', 'W --> CH[(Analytics · ClickHouse)]'), ['minor:CH']],
    ['a batch builder and the store it fills are off the request path', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'B[Hourly batch builder] --> DB', 'B --> R[(Reports · Postgres)]'), ['minor:R']],
    ['a managed warehouse is never flagged', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App --> K[[Kafka]]', 'K --> W[Loader ×2]', 'W --> BQ[(BigQuery)]'), []],
    ['numbered siblings behind one balancer are one redundant group', fc('U([Users]) --> LB[ALB]', 'LB --> A1[App Server 1] & A2[App Server 2]', 'A1 & A2 --> DB[(Orders · DynamoDB)]'), []],
    [
      'numbered siblings whose number ends the name line, before a description line',
      fc('U([Users]) --> LB[ALB]', 'LB --> A1["API Replica 1<br>FastAPI :8000"] & A2["API Replica 2<br>FastAPI :8000"]', 'A1 & A2 --> DB[(Orders · DynamoDB)]'),
      [],
    ],
    [
      'numbered partitions of one store hold different data: each is a sole copy',
      fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> T1[(Tenant 1 Schema)] & T2[(Tenant 2 Schema)]'),
      ['critical:T1', 'critical:T2'],
    ],
    [
      'services in a subgraph titled multi-region run as several copies',
      'flowchart TB\n  U([Users]) --> GW[API Gateway ×2]\n  subgraph core["Core Services (Multi-Region)"]\n    S[Catalog Service]\n  end\n  GW --> S\n  S --> DB[(Catalog · DynamoDB)]',
      [],
    ],
    [
      'a subgraph that only names a group still holds single instances',
      'flowchart TB\n  U([Users]) --> GW[API Gateway ×2]\n  subgraph core["Core Services"]\n    S[Catalog Service]\n  end\n  GW --> S\n  S --> DB[(Catalog · DynamoDB)]',
      ['critical:S'],
    ],
    ['a session store beside the database is the only copy of the sessions', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis · Session Data)]', 'App --> DB[(Orders · DynamoDB)]'), ['critical:C']],
    ['a cache of one-time codes beside the database is their only copy', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis · OTP Cache)]', 'App --> DB[(Orders · DynamoDB)]'), ['critical:C']],
    ['a cache that is the only store counts as data', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Sessions · Redis)]'), ['critical:C']],
    ['a balancer pair', fc('U([Users]) --> LB[HAProxy pair · health checks]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['a primary with its replica in one label', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders DB · Postgres primary with replica)]'), []],
    ['replicas counted on a database', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders DB · Postgres · 3 replicas)]'), []],
    ['gateways spread across zones', fc('U([Users]) --> GW[Edge gateways · 12 across 3 zones]', 'GW --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['a third party on the path is never flagged', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> P[Stripe]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['a single service beside the data path is flagged', fc('U([Users]) --> GW[API gateway ×2]', 'GW --> Auth[Auth Service]', 'GW --> O[Order Service ×3]', 'O --> DB[(Orders · DynamoDB)]'), ['critical:Auth']],
    ['without clients a single balancer at the entry is flagged', fc('LB[Load balancer] --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), ['critical:LB']],
    ['clients and monitoring are never flagged', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App -.-> M[Metrics]'), []],
    ['undirected: reads drawn from the database still count', fc('U([Users]) --> App[App ×2]', 'DB[(Orders · Postgres ×3)] --> App'), []],
    ['without clients, the uncalled source is an entry and never a SPOF', fc('Seeds[Seed URLs] --> Q[[Frontier · Kafka]]', 'Q --> W[Fetchers ×40]', 'W --> P[(Pages · S3)]'), []],
    ['invisible links do not make paths', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'U ~~~ DB'), []],
    ['a cache marked as future work is not yet a point of failure', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App -.->|Future| C[(Redis<br/>Future)]'), []],
    ['a planned service is not yet a point of failure', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App --> R[Recommendations service · planned]'), []],
    ['the same service not marked planned is', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App --> R[Recommendations service]'), ['critical:R']],
    // no user request waits on a job run on a clock or on what only the staff use
    ['a worker run on a schedule is off the request path', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App --> J[Reconciliation job - Every 15 min]', 'J --> DB'), []],
    ['a worker in a background group is off the request path', 'flowchart TB\n  U([Users]) --> App[App ×2]\n  App --> DB[(Orders · DynamoDB)]\n  subgraph bg["Background Processing"]\n    J[Webhook retry job]\n  end\n  App --> J', []],
    ['the same worker, unscheduled, is on it', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App --> J[Webhook retry job]'), ['critical:J']],
    ['an admin module only the staff use is off the users\' flow', fc('U([Users]) --> App[API ×2]', 'App --> DB[(Orders · DynamoDB)]', 'App --> A[Admin Module]'), []],
    ['an admin module between the users and their data still is on it', fc('U([Users]) --> App[API ×2]', 'App --> A[Admin Module]', 'A --> DB[(Orders · DynamoDB)]'), ['critical:A']],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('load-balancing', () => {
  const params = paramsFor('load-balancing');
  const cases: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['clients call a pool directly', fc('U([Users]) --> App[App ×3]', 'App --> DB[(DB)]'), ['major:App']],
    ['clients call two servers directly', fc('U([Users]) --> A1[App 1] & A2[App 2]'), ['major:A1,A2']],
    ['no balancer at all in front of one server', fc('U([Users]) --> App[App server]'), ['major:App']],
    ['single self-hosted balancer, no health checks', fc('U([Users]) --> LB[Load balancer · HAProxy]', 'LB --> App[App ×3]'), ['major:LB', 'info:LB']],
    ['managed balancer with health checks', fc('U([Users]) --> LB[ALB]', 'LB -->|health checks| App[App ×3]'), []],
    ['balancer pair with health checks in its label', fc('U([Users]) --> LB[Load balancer ×2 · health checks]', 'LB --> App[App ×3]'), []],
    ['gateway in front counts as the balancer', fc('U([Users]) --> GW[API gateway ×2]', 'GW --> App[App ×3]'), []],
    ['no service tier: silent', fc('U([Users]) --> CDN[CDN]', 'CDN --> S3[(S3)]'), []],
    // staff feeding a service behind the balancer are not user traffic that skips it
    ['operators feed a pool the users reach through the balancer', fc('U([Viewers]) --> LB[ALB]', 'LB -->|health checks| S[Score API ×20]', 'Op[Scoring operators] --> S'), []],
    ['a pool whose label puts a balancer in front', fc('U([Users]) --> App[App servers ×4 · behind ALB]', 'App --> DB[(DB)]'), []],
    ['users calling the same pool directly still skip it', fc('U([Viewers]) --> LB[ALB]', 'LB -->|health checks| S[Score API ×20]', 'U --> S'), ['major:S']],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('replication', () => {
  const required = paramsFor('replication', { replication: { need: 'required' } });
  const recommended = paramsFor('replication', { replication: { need: 'recommended' } });
  const sync = paramsFor('replication', { replication: { need: 'required', synchronous: true } });
  const multiRegion = paramsFor('replication', { replication: { need: 'required', multiRegion: true } });
  const readHeavy = paramsFor('replication', { readHeavy: true, replication: { need: 'required' } });
  const none = paramsFor('replication', { replication: { need: 'none' } });
  const lone = fc('App[App ×3] --> DB[(Orders · Postgres)]');
  const pair = fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. replicates .-> R[(Replica)]');
  const pairWithFailover = fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. replicates · auto failover .-> R[(Replica)]');
  const readsFromReplica = fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. replicates · auto failover .-> R[(Replica)]', 'App -->|reads| R');
  const cases = [
    ['required, no replica', lone, required, ['critical:DB']],
    ['recommended, no replica', lone, recommended, ['minor:DB']],
    ['need none: silent', lone, none, []],
    ['replica without failover noted', pair, required, ['minor:P']],
    ['replica with failover', pairWithFailover, required, []],
    ['managed database needs no drawn replica', fc('App[App ×3] --> DB[(Orders · DynamoDB)]'), required, []],
    ['cluster counts as replicated', fc('App[App ×3] --> DB[(Orders · Postgres cluster)]'), required, []],
    ['primary and replica named in one box count as replicated', fc('App[App ×3] --> L[(Ledger - Postgres primary, sync replica, auto failover)]'), required, []],
    ['a failover noted on the store is a standby it fails over to', fc('App[App ×3] --> DB[(Orders · Postgres · auto failover)]'), required, []],
    ['read-heavy reads from a replica without lag noted', readsFromReplica, readHeavy, ['minor:P']],
    ['not read-heavy: replica lag is only info', readsFromReplica, required, ['info:P']],
    ['lag addressed', fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. replicates · auto failover .-> R[(Replica · lag < 1s)]', 'App -->|reads| R'), readHeavy, []],
    ['synchronous required but asynchronous', pairWithFailover, sync, ['major:P']],
    ['synchronous required and stated', fc('App[App ×3] --> P[(Ledger · Postgres)]', 'P -. sync replication · failover .-> R[(Standby)]'), sync, []],
    ['multi-region required, single region', pairWithFailover, multiRegion, ['major:P']],
    ['multi-region required and shown', fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. cross-region replication · failover .-> R[(Replica · region B)]'), multiRegion, []],
    ['a replica named for the store, joined by a plain arrow: a replica, failover not noted', fc('App[App ×3] --> P[(Posts DB)]', 'P --> R[(Posts DB replica)]'), required, ['minor:P']],
    ['a primary read beside its replica by the same service: a replica, failover not noted', fc('App[App ×3] --> P[(Orders DB primary)]', 'App --> R[(Orders DB replica)]'), required, ['minor:P', 'info:P']],
    ['a plain arrow to another store is no replica', fc('App[App ×3] --> P[(Posts DB)]', 'P --> R[(Search copy)]'), required, ['critical:P']],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('one cause, one finding', () => {
  const params = GradingParamsSchema.parse({
    rubric: {
      rules: { 'single-point-of-failure': { weight: 3 }, 'load-balancing': { weight: 2 }, replication: { weight: 2 }, caching: { weight: 1 } },
      replication: { need: 'required' },
      caching: 'required',
    },
    entities: [],
  });
  const withoutSpofRule = GradingParamsSchema.parse({ rubric: { rules: { 'load-balancing': { weight: 1 }, replication: { weight: 1 } }, replication: { need: 'required' } }, entities: [] });
  const serious = async (text: string, p: GradingParams): Promise<string[]> =>
    runRules(await graphOf(text), p)
      .filter((f) => f.severity === 'critical' || f.severity === 'major')
      .map((f) => `${f.rule}:${f.severity}:${f.nodes.join(',')}`);
  it.each([
    ['a single database is one critical finding', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis · TTL 60s)]', 'App --> DB[(Orders · Postgres)]'), params, ['single-point-of-failure:critical:DB']],
    ['a single balancer is one finding', fc('U([Users]) --> LB[Load balancer · health checks]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App --> C[(Redis cluster · TTL 60s)]'), params, ['single-point-of-failure:critical:LB']],
    ['a cache that is the only store is one finding', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Sessions · Redis · TTL 1h)]'), params, ['single-point-of-failure:critical:C']],
    ['without the single-point rule, the balancer and the replica are still reported', fc('U([Users]) --> LB[Load balancer · health checks]', 'LB --> App[App ×3]', 'App --> DB[(Orders · Postgres)]'), withoutSpofRule, ['load-balancing:major:LB', 'replication:critical:DB']],
  ] as const)('%s', async (_name, text, p, expected) => {
    expect((await serious(text, p)).sort()).toEqual([...expected].sort());
  });

  const analytics = fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App -. click events .-> Q[[Kafka]]', 'Q --> W[Analytics workers ×3]', 'W --> CH[(ClickHouse)]');
  it.each([
    ['with the single-point rule: its minor finding only', params, ['single-point-of-failure:minor']],
    ['without it: a minor replication finding, not a critical one', withoutSpofRule, ['replication:minor']],
  ] as const)('a single-copy analytics store no request reaches is one minor finding, %s', async (_name, p, expected) => {
    const onStore = runRules(await graphOf(analytics), p)
      .filter((f) => f.nodes.includes('CH') && (f.rule === 'single-point-of-failure' || f.rule === 'replication'))
      .map((f) => `${f.rule}:${f.severity}`);
    expect(onStore).toEqual(expected);
  });
});
