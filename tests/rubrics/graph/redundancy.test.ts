import { describe, expect, it } from 'vitest';
import { isRedundant, showsReplication } from '../../../rubrics/graph/redundancy';
import { fc, graphOf } from '../helpers';

describe('showsReplication: a database drawn with its copies, not one merely redundant by design', () => {
  it.each([
    ['a plain Postgres', false, fc('App --> DB[(Orders · Postgres)]')],
    ['a replica drawn beside the primary', true, fc('App --> DB[(Orders · Postgres · primary)]', 'DB -. replicates .-> R[(Orders replica)]')],
    ['three instances', true, fc('App --> DB[(Orders DB ×3)]')],
    ['a Multi-AZ note', true, fc('App --> DB[(Orders · Postgres · Multi-AZ)]')],
    ['Aurora, sold with its replicas', true, fc('App --> DB[(Orders · Aurora)]')],
    ['Spanner', true, fc('App --> DB[(Ledger · Cloud Spanner)]')],
    ['DynamoDB global tables', true, fc('App --> DB[(Carts · DynamoDB Global Tables)]')],
    ['plain DynamoDB: managed, but no replicas shown', false, fc('App --> DB[(Carts · DynamoDB)]')],
    ['Cassandra: a cluster by design, no replicas shown', false, fc('App --> DB[(Messages · Cassandra)]')],
    ['a warehouse', false, fc('ETL --> DB[(Events · BigQuery)]')],
  ])('%s → %s', async (_name, expected, text) => {
    const graph = await graphOf(text);
    const db = graph.node('DB');
    if (db === undefined) throw new Error('no DB node');
    expect(showsReplication(db, graph)).toBe(expected);
  });
});

/** Whether node X of the diagram survives losing one machine. */
async function xIsRedundant(text: string): Promise<boolean> {
  const graph = await graphOf(text);
  const node = graph.node('X');
  if (node === undefined) throw new Error('no X node');
  return isRedundant(node, graph);
}

describe('isRedundant: an unnamed API gateway in front of Lambda functions is the managed one', () => {
  it.each([
    ['beside Lambda functions', true, fc('U[Users] --> GW[API Gateway]', 'GW --> F[Upload Lambda]')],
    ['beside a self-hosted service', false, fc('U[Users] --> GW[API Gateway]', 'GW --> S[Orders service]')],
    ['a named self-hosted gateway beside Lambda', false, fc('U[Users] --> GW[Kong gateway]', 'GW --> F[Upload Lambda]')],
  ])('%s → %s', async (_name, expected, text) => {
    const graph = await graphOf(text);
    const gw = graph.node('GW');
    if (gw === undefined) throw new Error('no GW node');
    expect(gw.kind).toBe('api_gateway');
    expect(isRedundant(gw, graph)).toBe(expected);
  });
});

describe('isRedundant: numbered copies, the last one written "N"', () => {
  it.each([
    ['"Server N" after "Server 1" and "Server 2"', true, fc('LB[Load balancer] --> WS1[WebSocket Server 1<br/>Erlang] & WS2[WebSocket Server 2<br/>Erlang] & X[WebSocket Server N<br/>Erlang]')],
    ['a lone "Server N" has no siblings', false, fc('LB[Load balancer] --> X[WebSocket Server N<br/>Erlang]')],
    ['a differently named box is no copy', false, fc('LB[Load balancer] --> WS1[WebSocket Server 1<br/>Erlang] & WS2[WebSocket Server 2<br/>Erlang] & X[Presence Server<br/>Erlang]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: copies share what hands them requests, not what they call', () => {
  it.each([
    ['two "Worker" boxes consuming one queue are copies', true, fc('Q[[Jobs queue]] --> X[Worker]', 'Q --> W2[Worker]')],
    ['two "App" boxes behind one balancer are copies', true, fc('LB[Load balancer] --> X[App]', 'LB --> A2[App]')],
    [
      'one "Auth Middleware" per service, all calling the same key endpoint, are not copies',
      false,
      fc('GW[API Gateway] --> S1[Orders API] & S2[Billing API]', 'S1 --> X[Auth Middleware]', 'S2 --> M2[Auth Middleware]', 'X --> K[JWKS Endpoint]', 'M2 --> K'),
    ],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: copies of a whole stack, each tier behind its own copy of the tier before', () => {
  it.each([
    ['"Nginx" on each of two numbered hosts behind one balancer', true, fc('LB[HAProxy] --> H1[Host 1]', 'LB --> H2[Host 2]', 'H1 --> X[Nginx]', 'H2 --> N2[Nginx]')],
    [
      'an app server two tiers down each copy',
      true,
      fc('LB[HAProxy] --> W1[Web server 1]', 'LB --> W2[Web server 2]', 'W1 --> N1[Nginx]', 'W2 --> N2[Nginx]', 'N1 --> X[App server]', 'N2 --> A2[App server]'),
    ],
    ['behind a pair of numbered balancers, one web server each', true, fc('U[Users] --> L1[HAProxy 1]', 'U --> L2[HAProxy 2]', 'L1 --> X[Web server]', 'L2 --> W2[Web server]')],
    ['same-named boxes behind two different services are not copies', false, fc('GW[API Gateway] --> S1[Orders API]', 'GW --> S2[Billing API]', 'S1 --> X[Nginx]', 'S2 --> N2[Nginx]')],
    ['a database per copy of the server is one store per owner', false, fc('LB[HAProxy] --> A1[App 1]', 'LB --> A2[App 2]', 'A1 --> X[(MySQL)]', 'A2 --> D2[(MySQL)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: same-named stores in one group are copies only when they share a caller', () => {
  it.each([
    [
      'one "PostgreSQL" per service in a "Data Layer" group is a store per owner',
      false,
      fc('A[Auth Service] --> X[(PostgreSQL)]', 'U[User Service] --> P2[(PostgreSQL)]', 'R[Ride Service] --> P3[(PostgreSQL)]', 'subgraph Data Layer', 'X', 'P2', 'P3', 'end'),
    ],
    ['two "Redis" boxes in one group fed by one service are copies', true, fc('A[Auth Service] --> X[(Redis)]', 'A --> R2[(Redis)]', 'subgraph Cache tier', 'X', 'R2', 'end')],
    ['copies in a cluster group with only the first one called', true, fc('A[App] --> X[(Postgres 1)]', 'subgraph DB cluster', 'X', 'P2[(Postgres 2)]', 'end')],
    ['two "App" boxes in one group, each called by its own client, stay copies', true, fc('C1[Web client] --> X[App]', 'C2[Mobile client] --> A2[App]', 'subgraph App tier', 'X', 'A2', 'end')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: numbered copies written with the number glued to the name', () => {
  it.each([
    ['"app1 FastAPI", "app2 FastAPI" behind one balancer', true, fc('LB[Nginx load balancer] --> X[app1 FastAPI]', 'LB --> A2[app2 FastAPI]')],
    ['"worker-2 (python)" beside "worker-1 (python)" on one queue', true, fc('Q[[Jobs queue]] --> X[worker-1 python]', 'Q --> W2[worker-2 python]')],
    ['a lone "app1 FastAPI"', false, fc('LB[Nginx load balancer] --> X[app1 FastAPI]')],
    ['"app1 FastAPI" beside a differently named "app2 Django"', false, fc('LB[Nginx load balancer] --> X[app1 FastAPI]', 'LB --> A2[app2 Django]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: copies told apart by a letter after the machine, a dashed number or their own address', () => {
  it.each([
    ['"Web Server A Nginx", "Web Server B Nginx" behind one balancer', true, fc('LB[HAProxy] --> X[Web Server A Nginx]', 'LB --> W2[Web Server B Nginx]')],
    ['"Node A worker", "Node B worker" on one queue', true, fc('Q[[Jobs queue]] --> X[Node A worker]', 'Q --> W2[Node B worker]')],
    ['"Service A gRPC", "Service C gRPC" are two services, not copies', false, fc('API[Node.js API] --> X[Service A gRPC]', 'API --> S2[Service C gRPC]')],
    ['"pod: web-1", "pod: web-2", each with its own IP', true, fc('SVC[Load balancer] --> X["Pod: web-1<br/>IP: 10.0.0.5:8080"]', 'SVC --> P2["Pod: web-2<br/>IP: 10.0.0.6:8080"]')],
    ['"pod: web-1" beside "pod: auth-1" is another deployment', false, fc('SVC[Load balancer] --> X["Pod: web-1<br/>IP: 10.0.0.5:8080"]', 'SVC --> P2["Pod: auth-1<br/>IP: 10.0.0.6:8080"]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a store drawn as a primary joined to its replica, cache or database', () => {
  it.each([
    ['a Redis primary joined to a Redis replica', true, fc('App --> X[(Redis primary)]', 'X --> R[(Redis replica)]')],
    ['a cache primary and its secondary', true, fc('App --> X[(keygen redis primary)]', 'X --- R[(keygen redis secondary)]')],
    ['a database primary and its replica', true, fc('App --> X[(Orders DB primary)]', 'X --> R[(Orders DB replica)]')],
    ['a plain Redis', false, fc('App --> X[(Redis)]')],
    ['a Redis primary joined to a database replica (not its copy)', false, fc('App --> X[(Redis primary)]', 'X --> R[(Orders DB replica)]')],
    ['a cache node replicating to a replica drawn as a plain cylinder', true, fc('App --> X[(Cache node 1 · shard: key_hash)]', 'X -. async replication .-> R[(Replica 1)]')],
    ['a cache node replicating to a replica in a rectangle', true, fc('App --> X[Cache node 1 · shard: key_hash]', 'X -. replicates .-> R[Replica 1]')],
    ['a cache node replicating to a Postgres replica (another store, not its copy)', false, fc('App --> X[(Cache node 1 · Redis)]', 'X -. replicates .-> R[(Orders replica · Postgres)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a store that does not say "primary", joined to a replica that says whose copy it is', () => {
  it.each([
    ['"Posts DB" joined to "Posts DB replica"', true, fc('App --> X[(Posts DB)]', 'X --> R[(Posts DB replica)]')],
    ['the replica drawn pointing at the store', true, fc('App --> X[(Posts DB)]', 'R[(Posts DB replica)] --> X')],
    ['the store names its product, the replica only the store', true, fc('App --> X[(Posts DB · Postgres)]', 'X --> R[(Posts DB replica)]')],
    ['a bare "Read replica" joined to this store alone', true, fc('App --> X[(Posts DB)]', 'X --> R[(Read replica)]')],
    ['the replica of another store', false, fc('App --> X[(Posts DB)]', 'X --> R[(Users DB replica)]')],
    ['a replica of another product', false, fc('App --> X[(Posts · Postgres)]', 'X --> R[(Posts replica · MongoDB)]')],
    ['a bare "Read replica" joined to two stores: whose copy it is is not said', false, fc('App --> X[(Posts DB)]', 'App --> U[(Users DB)]', 'X --> R[(Read replica)]', 'U --> R')],
    ['a store joined to another store that is no replica', false, fc('App --> X[(Posts DB)]', 'X --> R[(Posts archive)]')],
    ['read from its replica by the same service', true, fc('API[API Server] --> X[(Orders DB)]', 'API --> R[(Orders DB replica)]')],
    ['the service reads the replica of another store', false, fc('API[API Server] --> X[(Orders DB)]', 'API --> R[(Users DB replica)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a primary with its replica drawn beside it, called by the same service', () => {
  it.each([
    ['writes to the master, reads from a replica of the same product', true, fc('API[API Server] --> X[(PostgreSQL<br/>Master)]', 'API --> R[(PostgreSQL<br/>Read Replica 1)]')],
    ['"MySQL (Primary)" and "MySQL (Read Replica)" read over a dotted edge', true, fc('API[API Server] --> X[(MySQL Primary)]', 'API -. read-only .-> R[(MySQL Read Replica)]')],
    ['no product named: the same name once roles are dropped', true, fc('API[API Server] --> X[(Orders DB primary)]', 'API --> R[(Orders DB replica)]')],
    ['a replica of another store is not its copy', false, fc('API[API Server] --> X[(Orders DB primary)]', 'API --> R[(Users DB replica)]')],
    ['a replica of another product is not its copy', false, fc('API[API Server] --> X[(PostgreSQL primary)]', 'API --> R[(MongoDB replica)]')],
    ['a replica no one calls takes no part', false, fc('API[API Server] --> X[(PostgreSQL primary)]', 'R[(PostgreSQL replica)]')],
    ['a replica called only by another service', false, fc('API[API Server] --> X[(PostgreSQL primary)]', 'Rep[Reporting] --> R[(PostgreSQL replica)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: boxes named apart only by failover roles are one redundant pair', () => {
  it.each([
    ['"Primary LB" + "Secondary LB", both wired from the Internet', true, fc('I[Internet] --> X[Primary LB]', 'I --> L2[Secondary LB]', 'X --> A[App]', 'L2 --> A')],
    ['"Active Gateway" + "Passive Gateway"', true, fc('U[Users] --> X[Active API Gateway]', 'U --> G2[Passive API Gateway]', 'X --> S[Orders service]', 'G2 --> S')],
    ['"Main Load Balancer" + "Backup Load Balancer"', true, fc('U[Users] --> X[Main Load Balancer]', 'U -.-> B[Backup Load Balancer]', 'X --> A[App]', 'B --> A')],
    ['"HAProxy" + "HAProxy standby"', true, fc('U[Users] --> X[HAProxy]', 'U --> H2[HAProxy standby]', 'X --> A[App]', 'H2 --> A')],
    ['a lone "Primary LB"', false, fc('U[Users] --> X[Primary LB]', 'X --> A[App]')],
    ['"Backup Service" beside a plain "Service" of another role is no pair', false, fc('U[Users] --> X[Service]', 'X --> B[Backup Service]', 'X --> DB[(Postgres)]')],
    ['"Primary LB" beside a "Secondary Gateway" (another kind) is no pair', false, fc('U[Users] --> X[Primary LB]', 'X --> G[Secondary API Gateway]', 'G --> S[Orders service]')],
    ['"Primary LB" + "Secondary LB" naming different boxes of the same name stays a pair, whatever the lettering', true, fc('U[Users] --> X[Primary LB A]', 'U --> L2[Secondary LB A]', 'X --> A[App]', 'L2 --> A')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });

  it.each([
    ['a primary database with a replica not joined to it keeps its data-store reading', false, fc('A[App] --> X[(Primary DB)]', 'B[Reports] --> R[(Secondary DB)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a heartbeat joins a failover pair only between boxes of one role', () => {
  it.each([
    ['two balancers exchanging heartbeats', true, fc('U([Users]) --> X[HAProxy 1]', 'U --> L2[HAProxy 2]', 'X <-- heartbeat --> L2')],
    ['an active and a passive gateway with a heartbeat', true, fc('U([Users]) --> X[Active gateway]', 'X -- heartbeat --- P[Passive gateway]')],
    ['a media server sending heartbeats to a registry service', false, fc('U([Users]) --> X[SFU Server]', 'X -- HTTP heartbeat --> R[Webhook Server]')],
    ['a failover edge needs no shared name', true, fc('U([Users]) --> X[Edge proxy]', 'X -- failover --> B[Spare proxy]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a Kubernetes Service in front of pods is answered by every node', () => {
  it.each([
    ['a Service balancing a pod', true, fc('I[Nginx Ingress] --> X[Frontend Service]', 'X --> P[Frontend Pod]')],
    ['the pod behind it is one instance', false, fc('I[Nginx Ingress] --> S[Frontend Service]', 'S --> X[Frontend Pod]')],
    ['a "Load Balancer Service" in front of servers is one balancer', false, fc('U[Users] --> X[Load Balancer Service]', 'X --> A[App Server]', 'X --> B[Web Server]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a Service of type LoadBalancer in a cluster is the balancer the cloud provisions', () => {
  it.each([
    ['"LoadBalancer" in front of the shop front inside an AKS cluster', true, fc('U([Customers]) --> X[LoadBalancer<br/>Shop-Front]', 'X --> F[Shop-Front<br/>Vue.js]', 'subgraph AKS [Azure Kubernetes Service]', 'X', 'F', 'end')],
    ['"type: LoadBalancer" inside a namespace', true, fc('U([Users]) --> X["web (type: LoadBalancer)"]', 'X --> W[Web app]', 'subgraph NS [Namespace: shop]', 'X', 'W', 'end')],
    ['a "LoadBalancer" box outside any cluster is one balancer', false, fc('U([Users]) --> X[LoadBalancer]', 'X --> A[App ×2]')],
    ['a "Load Balancer" inside a cluster, not the Service type, is one balancer', false, fc('U([Users]) --> X[Load Balancer]', 'X --> W[Web app]', 'subgraph K [Kubernetes cluster]', 'X', 'W', 'end')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});

describe('isRedundant: a local cache is a copy inside each of its callers', () => {
  it.each([
    ['a local rules cache in each of 40 gateways', true, fc('GW[Gateways ×40] --> X[(Limit rules cache · local, refreshed every 30s)]', 'X --> DB[(Rules · Postgres)]')],
    ['an in-process cache per instance', true, fc('App[App ×6] --> X[(Catalog cache · in-process)]')],
    ['a local cache in one server is one copy', false, fc('App[App server] --> X[(Catalog cache · local)]')],
    ['a shared cache is one box', false, fc('App[App ×6] --> X[(Catalog cache · Redis)]')],
    ['a local file system is not a cache', false, fc('App[App ×6] --> X[(Local file system)]')],
  ])('%s → %s', async (_name, expected, text) => {
    expect(await xIsRedundant(text)).toBe(expected);
  });
});
