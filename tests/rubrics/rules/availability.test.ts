import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from '../../../rubrics/parse/node/index';
import { fc, findingsOf, paramsFor } from '../helpers';

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
    ['database stated multi-AZ', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · Postgres · multi-AZ)]'), []],
    ['managed object storage', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> S3[(Media · S3)]'), []],
    ['single search node is a sole copy (major)', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> ES[(Search index)]'), ['major:ES']],
    ['a single cache beside the database path is not on every path', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis)]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['a single cache in series is on every path', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> C[(Redis)]', 'C --> DB[(Orders · DynamoDB)]'), ['critical:C']],
    ['Kafka is redundant by design', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> K[[Kafka]]', 'K --> W[Workers ×3]', 'W --> DB[(Orders · DynamoDB)]'), []],
    ['single RabbitMQ on the only path to data', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> Q[[RabbitMQ]]', 'Q --> W[Workers ×3]', 'W --> DB[(Orders · DynamoDB)]'), ['critical:Q']],
    ['a failover pair of balancers', fc('U([Users]) --> LB1[LB active] & LB2[LB passive]', 'LB1 -. failover .- LB2', 'LB1 & LB2 --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]'), []],
    ['no data store: the only server is the point of failure', fc('U([Browser]) --> API[Chat API]', 'API --> GPU[GPU server ×4]'), ['critical:API']],
    ['clients and monitoring are never flagged', fc('U([Users]) --> LB[ALB]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'App -.-> M[Metrics]'), []],
    ['undirected: reads drawn from the database still count', fc('U([Users]) --> App[App ×2]', 'DB[(Orders · Postgres ×3)] --> App'), []],
    ['without clients, the uncalled source is an entry and never a SPOF', fc('Seeds[Seed URLs] --> Q[[Frontier · Kafka]]', 'Q --> W[Fetchers ×40]', 'W --> P[(Pages · S3)]'), []],
    ['invisible links do not make paths', fc('U([Users]) --> App[App ×2]', 'App --> DB[(Orders · DynamoDB)]', 'U ~~~ DB'), []],
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
    ['read-heavy reads from a replica without lag noted', readsFromReplica, readHeavy, ['minor:P']],
    ['not read-heavy: replica lag is only info', readsFromReplica, required, ['info:P']],
    ['lag addressed', fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. replicates · auto failover .-> R[(Replica · lag < 1s)]', 'App -->|reads| R'), readHeavy, []],
    ['synchronous required but asynchronous', pairWithFailover, sync, ['major:P']],
    ['synchronous required and stated', fc('App[App ×3] --> P[(Ledger · Postgres)]', 'P -. sync replication · failover .-> R[(Standby)]'), sync, []],
    ['multi-region required, single region', pairWithFailover, multiRegion, ['major:P']],
    ['multi-region required and shown', fc('App[App ×3] --> P[(Orders · Postgres)]', 'P -. cross-region replication · failover .-> R[(Replica · region B)]'), multiRegion, []],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});
