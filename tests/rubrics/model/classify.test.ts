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
    ['Waiting room / virtual queue', 'square', [], 'service'],
    ['Virtual waiting room', 'square', [], 'service'],
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
    ['Web Scraper', 'square', [], 'worker'],
    ['Stream Server (cmd/stream)', 'square', [], 'service'],
    ['Media server', 'square', [], 'service'],
    ['Dashboard', 'square', [], 'client'],
    ['Admin Dashboards', 'square', [], 'client'],
    ['Dashboard Service', 'square', [], 'service'],
    ['Grafana Dashboards', 'square', [], 'monitoring'],
    ['Kibana Dashboard', 'square', [], 'monitoring'],
    // a head noun inside a product's name is the product
    ['Google Analytics', 'square', [], 'external'],
    ['App Engine', 'square', [], 'service'],
    ['Analytics Service', 'square', [], 'service'],
    // jobs and indexes of the logs or metrics are the monitoring's
    ['Log Alert Processor', 'square', [], 'monitoring'],
    ['Metrics Aggregator', 'square', [], 'monitoring'],
    ['Log Search', 'square', [], 'monitoring'],
    ['Event Log Processor', 'square', [], 'worker'],
    ['Telemetry Consumer', 'square', [], 'worker'],
    // devices, simulators and people in other languages are clients
    ['ESP32 + Sensor', 'square', [], 'client'],
    ['Car Simulator (Python)', 'square', [], 'client'],
    ['IoT Simulator Node.js + MQTT', 'square', [], 'client'],
    ['Sensor Service', 'square', [], 'service'],
    ['Пользователь', 'square', [], 'client'],
    ['Utilisateurs', 'square', [], 'client'],
    ['用户', 'square', [], 'client'],
    ['Static Files CSS/JS', 'square', [], 'object_storage'],
    ['APIM', 'square', [], 'api_gateway'],
    ['Container Registry', 'square', [], 'other'],
    ['GPU Fleet Autoscaler', 'square', [], 'service'],
    // a third party's role noun, but the product named says whose it is
    ['Keycloak Identity Provider', 'square', [], 'service'],
    ['Stripe Payment Provider', 'square', [], 'external'],
    // a front end served from our container or web server is that web server
    ['Frontend (React/Vue) Port: 80 Nginx', 'square', [], 'web_server'],
    ['Container frontend :5173', 'square', [], 'web_server'],
    ['React Frontend Port: 5173', 'square', [], 'client'],
    ['Frontend (NextJS SPA)', 'square', [], 'client'],
    // technologies
    ['Postgres', 'square', [], 'database'],
    ['Users (Postgres)', 'square', [], 'database'],
    ['Kafka', 'square', [], 'stream'],
    ['Encoding jobs · SQS', 'square', [], 'queue'],
    ['RabbitMQ', 'square', [], 'queue'],
    // a box named only for its protocol is the broker; a kind noun beside it decides
    ['📨 MQTT', 'square', [], 'queue'],
    ['MQTT client', 'square', [], 'client'],
    ['MQTT bridge service', 'square', [], 'service'],
    ['S3', 'square', [], 'object_storage'],
    ['Elasticsearch', 'square', [], 'search'],
    ['Redis', 'square', [], 'cache'],
    ['Redis queue', 'square', [], 'queue'],
    ['Nginx', 'square', [], 'load_balancer'],
    ['CloudFront', 'square', [], 'cdn'],
    ['Edge caches inside ISPs', 'square', [], 'cdn'],
    // a generic store noun is kept by the product named
    ['Prefix table · Redis cluster', 'cylinder', [], 'cache'],
    ['Session store · Redis', 'cylinder', [], 'cache'],
    ['Users table · Postgres', 'cylinder', [], 'database'],
    ['Cache appliances in ISP networks', 'square', [], 'cdn'],
    ['Route 53', 'square', [], 'dns'],
    ['Prometheus', 'square', [], 'monitoring'],
    ['Stripe', 'square', [], 'external'],
    ['Rate counters · Redis cluster · shard: api_key', 'cylinder', [], 'cache'],
    // explicit classes win
    ['Thing', 'square', ['cache'], 'cache'],
    ['Thing', 'square', ['db'], 'database'],
    ['Inbox', 'square', ['queue'], 'queue'],
    ['Prefix table · Redis cluster', 'cylinder', ['cache'], 'cache'],
    // … except over a technology the name itself is (classes are often colours)
    ['Postgres', 'square', ['queue'], 'database'],
    ['SQS Orchestrator Queue', 'square', ['service'], 'queue'],
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

describe('kind from the head noun and role, not the first keyword', () => {
  it.each([
    ['a backend for frontend', 'BFF Service', 'api_gateway'],
    ['a gateway', 'Gateway Service', 'api_gateway'],
    ['a gateway written as a code name', 'api-gateway-service', 'api_gateway'],
    ['a balancer', 'Load Balancer Service', 'load_balancer'],
    ['an ingress', 'Ingress Service', 'load_balancer'],
    ['a DNS', 'DNS Service', 'dns'],
    ['a provider\'s gateway stays the provider', 'Payment Gateway Service', 'external'],
    ['a store or search noun before "service" is what the service does', 'Search Service', 'service'],
  ] as const)('an edge role right before "service" is the role: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['Customer Service', 'service'],
    ['Viewer Service', 'service'],
    ['Device Registry Service', 'service'],
    ['User Service', 'service'],
    ['Mobile API', 'service'],
    ['Mobile App Backend', 'service'],
    ['Cache Server 2', 'cache'],
    ['Orders DB Server', 'database'],
    ['Redis Server', 'cache'],
    ['Thumbnail Service · Redis cached', 'service'],
    ['Feed Service (reads Postgres)', 'service'],
    ['Event Bus', 'queue'],
    ['Message bus', 'queue'],
    ['Kafka consumer', 'worker'],
    ['Payment gateway', 'external'],
    ['TLS / HTTPS Termination', 'load_balancer'],
    ['SSL termination proxy', 'load_balancer'],
    ['Session store · Redis', 'cache'],
    ['Orders · Postgres', 'database'],
    ['Customer DB', 'database'],
    ['Video player', 'client'],
    ['Web App', 'client'],
    ['Node.js server', 'service'],
    ['Nginx web server', 'web_server'],
    ['Schema registry', 'service'],
    ['Order processor', 'worker'],
    ['Python Producer\nFake e-commerce data', 'worker'],
    ['Outbox Event Publisher', 'worker'],
    ['Event Publishers', 'worker'],
    ['Data lake', 'object_storage'],
    ['Data warehouse', 'database'],
  ] as const)('%j is %s', (label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['web written after it', 'Nginx web', 'web_server'],
    ['web in brackets', 'Nginx (web)', 'web_server'],
    ['named web, the server in brackets', 'Web (Nginx)', 'web_server'],
    ['another server that serves pages', 'Caddy (www)', 'web_server'],
    ['alone it is the balancer', 'Nginx', 'load_balancer'],
    ['a reverse proxy named first stays the balancer', 'Nginx\nReverse Proxy / Web', 'load_balancer'],
    ['a proxy that serves no pages stays the balancer', 'Envoy web', 'load_balancer'],
  ] as const)('a server that balances or serves pages, called "web", is the web server: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['an agent on a host', 'Agent on LB 1 & 2', 'service'],
    ['a cache in front of a database', 'Cache in front of DB', 'cache'],
    ['a database per service', 'DB per Service', 'database'],
    ['a worker for a queue', 'Worker for Email Queue', 'worker'],
    ['a balancer with health checks', 'Load Balancer with Health Checks', 'load_balancer'],
    ['a service with a cache', 'Order Service with Cache', 'service'],
    ['an API for mobile apps', 'API for Mobile', 'service'],
    ['a kind of data before the phrase does not head it', 'Jobs in Queue', 'queue'],
    ['a person before the phrase does not head it', 'Users on Mobile', 'client'],
    ['"of" is not read as a preposition here', 'Source of Truth DB', 'database'],
  ] as const)('the head comes before a prepositional phrase: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['a database named after the domain', 'Auth PostgreSQL\nContainer', 'square', 'database'],
    ['the domain written after the database', 'PostgreSQL Auth ClusterIP:5432', 'square', 'database'],
    ['a Redis named after the domain, in a cylinder', 'Auth Redis', 'cylinder', 'cache'],
    ['a service keeping its store in brackets stays the service', 'Auth Service (Postgres)', 'square', 'service'],
    ['a store only in a later segment says what auth uses', 'Auth (Redis)', 'square', 'service'],
    ['an identity product stays the auth service', 'Auth\nKeycloak', 'square', 'service'],
  ] as const)('"Auth" beside a store in one phrase says whose store it is: %s (%j → %s)', (_name, label, shape, kind) => {
    expect(single(label, shape).kind).toBe(kind);
  });

  it.each([
    ['DNS Resolver', 'dns'],
    ['DNS resolvers', 'dns'],
    ['Recursive resolver', 'dns'],
    ['Internet', 'client'],
    ['🌐 Internet Traffic', 'client'],
    ['Internet Gateway', 'other'],
    ['Internet Banking Service', 'service'],
    ['🔒 Security Groups\n- ALB: 80, 443\n- ECS: 8000', 'other'],
    ['Firewalls', 'other'],
    ['Smart Contracts', 'other'],
    ['Smart contract', 'other'],
    ['Blockchain', 'other'],
    ['Blockchain node', 'other'],
    ['Blockchain network', 'other'],
    ['Blockchain Service', 'service'],
    ['Index Loader Stage', 'worker'],
    ['Data Loaders', 'worker'],
    ['Message Transformer', 'service'],
    ['Data Transformers', 'service'],
  ] as const)('vocabulary: %j is %s', (label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['SessionGateway', 'api_gateway'],
    ['orders_ms', 'service'],
    ['payment-service', 'service'],
    ['APIGateway', 'api_gateway'],
    ['userDB', 'database'],
    ['notificationQueue', 'queue'],
  ] as const)('splits the identifier %j into words: %s', (label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['🚀 Order Service', 'service'],
    ['Orders DB<br/>port 5432', 'database'],
    ['Auth Service :8080', 'service'],
    ['Catalog API https://cache.example.com/v1', 'service'],
    ['Search Service (search.internal)', 'service'],
  ] as const)('ignores emoji, ports and URLs in %j: %s', (label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['a cylinder named for its rows', 'Users', 'cylinder', 'database'],
    ['a cylinder with only a generic noun', 'Server', 'cylinder', 'database'],
    ['a cylinder named as a cache', 'Hot keys cache', 'cylinder', 'cache'],
    ['a cylinder named as a domain\'s API', 'Payment API', 'cylinder', 'service'],
    ['a cylinder named as a service', 'Order Service', 'cylinder', 'service'],
    ['a cylinder named as the browser client', 'Client (Browser)', 'cylinder', 'client'],
    ['a cylinder named for the customers it keeps', 'Customers', 'cylinder', 'database'],
    ['a cylinder named for a role, kept in a store product', 'Connection registry · Redis cluster', 'cylinder', 'cache'],
    ['a rectangle with only a generic noun', 'App', 'square', 'service'],
  ] as const)('weighs the shape: %s', (_name, label, shape, kind) => {
    expect(single(label, shape).kind).toBe(kind);
  });

  it.each([
    ['a generic app in a client layer is a client', 'App', 'Clients', 'client'],
    ['a generic server in a database tier is a database', 'Server 1', 'Database tier', 'database'],
    ['a named service in a client layer stays a service', 'Customer Service', 'Clients', 'service'],
    ['an unnamed box in a workers layer is a worker', 'Thumbnailer', 'Background workers', 'worker'],
    ['a dashboard in a monitoring group is the monitoring tool\'s', 'Dashboard', 'Monitoring', 'monitoring'],
    ['a service in the cloud the system runs in stays ours', 'Order Service', 'Cloud Provider - AWS/GCP/Azure', 'service'],
    ['a service in a third-party group is the provider\'s', 'Email Service', 'External Services', 'external'],
  ] as const)('weighs the subgraph title: %s', (_name, label, title, kind) => {
    const g = buildArchitecture(flow([v('N', label)], [], [{ id: 'S', title, nodeIds: ['N'] }]));
    expect(g.node('N')?.kind).toBe(kind);
  });

  it.each([
    ['a box no word names, among databases, is one of them', [v('A', 'Orders DB', 'cylinder'), v('B', 'Users DB', 'cylinder')], [e('S', 'A'), e('S', 'B')], 'database'],
    ['a box no word names, among workers, is one of them', [v('A', 'Email worker'), v('B', 'Resize worker')], [e('S', 'A'), e('S', 'B')], 'worker'],
    ['a group that does not agree leaves the box to its place', [v('A', 'Orders DB', 'cylinder'), v('B', 'Email worker')], [e('S', 'A'), e('S', 'B')], 'service'],
    // stray boxes drawn in the group but wired to nothing do not decide it
    ['members wired to nothing leave the box to its place', [v('A', 'Orders DB', 'cylinder'), v('B', 'Users DB', 'cylinder')], [], 'service'],
  ] as const)('reads the group: %s', (_name, members, edges, kind) => {
    const vertices = [v('S', 'Orders service'), ...members, v('X', 'Hermes v2')];
    const g = buildArchitecture(flow(vertices, [e('S', 'X'), ...edges], [{ id: 'G', title: 'Tier', nodeIds: [...members.map((x) => x.id), 'X'] }]));
    expect(g.node('X')?.kind).toBe(kind);
  });

  it.each([
    ['orders_db', 'Orders', 'database'],
    ['authSvc', 'Auth', 'service'],
  ] as const)('reads the id %j when the label names no kind: %s', (id, label, kind) => {
    expect(buildArchitecture(flow([v(id, label)])).node(id)?.kind).toBe(kind);
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
    // a numbered name is not a count: "Shard 1 Replica 2" is a replica, "DB with 2 replicas" is not
    ['Shard 1 Replica 2', 'unknown', 'replica', []],
    ['Orders DB Node 3 · standby', 'unknown', 'replica', []],
    ['Orders DB with 2 replicas', 'unknown', undefined, []],
    // the primary a copy is "of" is the node copied, not this node's role
    ['Read replica of the primary', 'unknown', 'replica', []],
    ['Orders DB read replica (of primary)', 'unknown', 'replica', []],
    ['Standby for the master', 'unknown', 'replica', []],
    ['Postgres · replicas stream from primary', 'relational', 'primary', ['postgres']],
    // a social graph's followers are data, not a leader's copies
    ['Followers DB, MySQL', 'relational', undefined, ['mysql']],
    ['Follower graph - Cassandra', 'wide_column', undefined, ['cassandra']],
    ['Follower/followee edges', 'unknown', undefined, []],
  ] as const)('%j → %s / %s', (label, dataModel, role, tech) => {
    const node = single(label, 'cylinder');
    expect(node.kind).toBe('database');
    if (node.kind !== 'database') return;
    expect(node.dataModel).toBe(dataModel);
    expect(node.role).toBe(role);
    expect(node.tech).toEqual(tech);
  });

  it.each([
    [
      'every box a cylinder: a box with no kind word is read from its place, not its shape',
      [v('GW', 'API Gateway'), v('P', 'Payment API', 'cylinder'), v('S', 'Shipment API', 'cylinder'), v('K', 'Kafka', 'circle'), v('X', 'Shipment Exec', 'cylinder'), v('DB', 'Postgres', 'cylinder')],
      [e('GW', 'P'), e('P', 'S'), e('P', 'K'), e('K', 'X'), e('P', 'DB')],
      'worker',
    ],
    [
      'one API drawn as a cylinder does not make the other cylinders decoration',
      [v('GW', 'API Gateway'), v('P', 'Payment API', 'cylinder'), v('X', 'Ledger', 'cylinder'), v('DB', 'Accounts', 'cylinder'), v('Z', 'Audit trail', 'cylinder')],
      [e('GW', 'P'), e('P', 'X'), e('P', 'DB'), e('P', 'Z')],
      'database',
    ],
    [
      'cylinders named as APIs but wired to nothing do not make the others decoration',
      [v('GW', 'API Gateway'), v('P', 'Payment API', 'cylinder'), v('S', 'Shipment API', 'cylinder'), v('K', 'Kafka', 'circle'), v('X', 'Shipment Exec', 'cylinder'), v('DB', 'Postgres', 'cylinder')],
      [e('GW', 'K'), e('K', 'X'), e('GW', 'DB')],
      'database',
    ],
    [
      'cylinders named for tables are not decoration',
      [v('A', 'Orders service'), v('U', 'Users', 'cylinder'), v('C', 'Customers', 'cylinder'), v('X', 'Shipments', 'cylinder')],
      [e('A', 'U'), e('A', 'C'), e('A', 'X')],
      'database',
    ],
  ] as const)('%s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('X')?.kind).toBe(kind);
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
    ['Server 2\nNode.js + Socket.io', 'square', 1],
    ['App (3 nodes)', 'square', 3],
    // a ratio is not a count of copies
    ['QR Service\nRedis cache\n100x faster', 'square', 1],
    ['Ranker · 10× throughput', 'square', 1],
    ['Ranker · 2x workers', 'square', 2],
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
    // an identifier right after the word is a key; a plain word is not
    ['Cassandra tweets, shard user_id', 'user_id'],
    ['Members · key member_id', 'member_id'],
    ['Timelines · partition userId', 'userid'],
    ['Messages · keyed by conversation_id', 'conversation_id'],
    ['Shard 1', undefined],
    ['Key value store', undefined],
    // a composite key's second part must look like a key: the words after the comma are about something else
    ['Posts · sharded by user_id, primary + 2 replicas', 'user_id'],
    ['Events · shard: user_id, created_at', 'user_id,created_at'],
    ['Events · partition key = device_id, ts', 'device_id,ts'],
    // a cache's own key, hashed: "hash(key)", "key hash", "hash of the key", "shard: key", consistent hashing
    ['Cache shard 1 · shard: hash(key) · primary + replica', 'key_hash'],
    ['Cache nodes · sharded by key hash', 'key_hash'],
    ['Cache nodes · partitioned by hash of key', 'key_hash'],
    ['Cache nodes · shard: key', 'key_hash'],
    ['Client library · consistent hashing ring, 160 vnodes', 'key_hash'],
    ['Gateways · consistent hashing on user_id', 'user_id'],
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
    // a store that acknowledges only once a quorum has the write replicates synchronously by construction
    ['Rules cache · local, refreshed every 30s', 'ttl'],
    ['Ledger · Spanner', 'sync_replication'],
    ['Ledger · CockroachDB', 'sync_replication'],
    ['Accounts · Aurora Postgres', 'sync_replication'],
  ] as const)('%j states %s', (label, flag) => {
    expect(single(label).annotations.flags).toContain(flag);
  });

  it('does not read a plain Postgres as synchronously replicated', () => {
    expect(single('Ledger · Postgres').annotations.flags).not.toContain('sync_replication');
  });

  it('does not read long polling as short polling', () => {
    expect(single('API · long polling').annotations.flags).not.toContain('short_polling');
  });

  it.each([
    ['a node called global config is not multi-region', [v('G', 'Global config')], [], 'G', 'multi_region', false],
    ['a regions table is not multi-region', [v('R', 'Regions table', 'cylinder')], [], 'R', 'multi_region', false],
    ['a replica in the other region is multi-region', [v('R', 'Journal replica | other region', 'cylinder')], [], 'R', 'multi_region', true],
    ['a standby in another region is multi-region', [v('R', 'Ledger standby · another region', 'cylinder')], [], 'R', 'multi_region', true],
    ['in memory on an edge says nothing of the service', [v('App', 'App ×3'), v('C', 'Sessions cache')], [e('App', 'C', 'in memory')], 'App', 'in_memory_state', false],
    ['a TTL on an edge belongs to the cache', [v('App', 'App ×3'), v('C', 'Feed cache')], [e('App', 'C', 'TTL 60s')], 'C', 'ttl', true],
    ['a TTL on an edge is not the service’s', [v('App', 'App ×3'), v('C', 'Feed cache')], [e('App', 'C', 'TTL 60s')], 'App', 'ttl', false],
    ['failover on a replication edge belongs to the databases', [v('P', 'Orders', 'cylinder'), v('R', 'Orders copy', 'cylinder')], [e('P', 'R', 'replicates · auto failover')], 'R', 'failover', true],
    ['cross-region on a call says nothing of the service', [v('App', 'App ×3'), v('DB', 'Orders', 'cylinder')], [e('App', 'DB', 'cross-region')], 'App', 'multi_region', false],
  ] as const)('words describe only what they are written on: %s', (_name, vertices, edges, id, flag, expected) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node(id)?.annotations.flags.includes(flag)).toBe(expected);
  });

  it('reads flags from the labels of touching edges', () => {
    const g = buildArchitecture(flow([v('LB', 'Load balancer'), v('App', 'App ×3')], [e('LB', 'App', 'health checks')]));
    expect(g.node('LB')?.annotations.flags).toContain('health_check');
  });
});

describe('names written over several lines, tags and actors', () => {
  it.each([
    // a line that is only a kind noun ends the name above it
    ['SQS Orchestrator\nQueue', 'queue'],
    ['Payments\nService', 'service'],
    // ...unless the name above already says another kind: the line then describes it
    ['Global Load Balancer\nGeoDNS', 'load_balancer'],
    ['API Gateway US\nLoad Balancer', 'api_gateway'],
    // ...and a word inside a longer name above ("API" in "API Gateway") is not that kind
    ['API Gateway\nAuthentication\nRate Limiting', 'api_gateway'],
    ['API Gateway\nAuth', 'api_gateway'],
    // a generic first line is named by the next one
    ['Pod\nIngress-nginx', 'load_balancer'],
    ['Server\nRedis', 'cache'],
    // a description line does not rename the component
    ['Order Service\nwrites orders', 'service'],
    // "(NoSQL)" says what keeps the data
    ['Notification Logs (NoSQL)', 'database'],
    ['Session cache (NoSQL)', 'cache'],
    // a front end with no server word runs on the user's device (tests/corpus/LABELLING.md)
    ['Frontend (Web/Mobile)', 'client'],
    ['Chat Interface', 'client'],
    ['Frontend server', 'web_server'],
    // messaging delivered to users over a live connection is a service, not a broker
    ['WebSocket Messaging', 'service'],
    ['Real-time messaging', 'service'],
    ['Instant Messaging', 'service'],
    ['Messaging', 'queue'],
    ['Messaging Queue', 'queue'],
    // a shop's "storefront" is its front end, not a store of data
    ['Store-Front', 'client'],
    ['Storefront (Vue)', 'client'],
    // a technology's own name is not split into kind words ("KeyDB" is no "Key DB")
    ['Redis/KeyDB', 'cache'],
    // front-end and server frameworks
    ['⚛️ React App :3000', 'client'],
    ['React SSR server', 'web_server'],
    ['SimpleBlog.Web\nASP.NET Core + React', 'service'],
    ['Backend (Flask)', 'service'],
    // named third parties, and host names that are theirs
    ['AWS Rekognition', 'external'],
    ['GoPay API api.gopay.com', 'external'],
    ['Authorize.Net', 'external'],
    ['Mnesia Session Store', 'cache'],
    // what watches a technology is monitoring; build tooling is beside the system
    ['📺 Kafka UI Stream Monitoring', 'monitoring'],
    ['🔧 Jenkins CI/CD Pipeline', 'other'],
    ['ETL pipeline', 'worker'],
    // people and roles
    ['👤 Usuário', 'client'],
    ['Data Analyst', 'client'],
    ['Employee', 'client'],
  ])('%j is a %s', (label, kind) => {
    expect(single(label).kind).toBe(kind);
  });
});

describe('a first line written as a code name is the name; the kind noun after it says what it is', () => {
  it.each([
    ['a repository name over "Gateway"', 'google-oauth-backend\nGateway + Auth', 'api_gateway'],
    ['a repository name over "Resource API"', 'collab-flow-api\nResource API', 'service'],
    ['a code name alone keeps its own words', 'user-service', 'service'],
    ['a code name with only a technology after it keeps its own words', 'orders_db\nPostgreSQL', 'database'],
    ['words with spaces are read as written', 'Order Service\nGateway client', 'service'],
  ] as const)('%s: %j is %s', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });
});

describe('emoji say nothing about a kind; a person or role before a head noun only modifies it', () => {
  it.each([
    ['a person emoji before a service', '👤 User Service', 'service'],
    ['a person noun on the line above the head noun', '👤 User\nService', 'service'],
    ['a role on the line above the head noun', 'Admin\nService', 'service'],
    ['"Management" is the head: a service', 'User Management', 'service'],
    ['"Mgmt" is the head', 'Case Mgmt + Analyst UI', 'service'],
    ['the management of a component is that component', 'DNS Management', 'dns'],
    ['a longer phrase still wins', 'API Management', 'api_gateway'],
    ['a person emoji on an unknown word is no evidence', '👥 Equipe', 'other'],
    ['a person noun alone is still the actor', '👤 User', 'client'],
    ['two lines naming the actor and its device', 'Users\n(Browser)', 'client'],
  ] as const)('%s: %j is %s', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['a person word among the microservices is that domain\'s service', 'MD', 'Customer', 'square', 'Microservices', 'service'],
    ['a list of tables inside a database group is that database', 'DB', 'users, rooms, matches', 'square', 'MySQL (:3306)', 'database'],
    ['a list of tables in a cylinder is a database', 'DB', 'users, rooms, matches', 'cylinder', 'Storage', 'database'],
    ['an id naming a role, inside a server group, is a part of the server', 'A_ADMIN', '/admin/* 管理画面', 'square', 'API Server (:3001)', 'service'],
    ['the users in a client group stay the users', 'U', 'Users', 'square', 'Client Layer', 'client'],
    ['a device that is not a person keeps its kind', 'S', 'Data Sources', 'square', 'Backend Services', 'client'],
    ['a "Producers" group names a role in a flow, not a tier: the user stays the user', 'U', 'User', 'square', 'PRODUCER', 'client'],
  ] as const)('a user is never drawn inside the system\'s own tiers: %s', (_name, id, label, shape, title, kind) => {
    const g = buildArchitecture(flow([v(id, label, shape)], [], [{ id: 'G', title, nodeIds: [id] }]));
    expect(g.node(id)?.kind).toBe(kind);
  });

  it('an actor with an unknown name is placed by the graph: nothing calls it and it calls the gateway', () => {
    const g = buildArchitecture(flow([v('T', '👥 Equipe'), v('G', 'API Gateway'), v('S', 'Order Service')], [e('T', 'G'), e('G', 'S')]));
    expect(g.node('T')?.kind).toBe('client');
  });
});

describe('monitoring read from its words, its tools and where it sits', () => {
  it.each([
    ['health checks watch the system', 'Health Checks', 'monitoring'],
    ['a trace store is tracing', 'Trace Collector', 'monitoring'],
    ['the client of a log shipper ships logs', 'Logstash client', 'monitoring'],
    ['the agent of a monitoring product', 'Datadog agent', 'monitoring'],
    ['the client of a protocol stays a client', 'MQTT client', 'client'],
    ['a monitoring agent, lettered', 'Monitoring Agent A', 'monitoring'],
    ['a monitoring client', 'Monitoring client', 'monitoring'],
    ['a logging agent', 'Logging agent', 'monitoring'],
    ['a monitoring agent named for the host it runs on', 'Monitoring Agent LB', 'monitoring'],
  ] as const)('%s: %j is %s', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['an agent on the balancers', 'Agent on LB 1 & 2'],
    ['an agent on the web server', 'Agent on Web'],
    ['an agent on the database', 'Agent on DB'],
  ] as const)('inside "Monitoring Agents", %s is monitoring (%j)', (_name, label) => {
    const g = buildArchitecture(flow([v('M', label)], [], [{ id: 'X', title: 'Monitoring Agents', nodeIds: ['M'] }]));
    expect(g.node('M')?.kind).toBe('monitoring');
  });

  it('a search index only monitoring feeds and reads is the log index', () => {
    const g = buildArchitecture(flow([v('L', 'Logstash'), v('E', 'Elasticsearch'), v('K', 'Kibana')], [e('L', 'E'), e('K', 'E')]));
    expect(g.node('E')?.kind).toBe('monitoring');
  });

  it('a search index the services query stays search, even when logs also go there', () => {
    const g = buildArchitecture(flow([v('L', 'Logstash'), v('E', 'Elasticsearch'), v('S', 'Search Service')], [e('L', 'E'), e('S', 'E')]));
    expect(g.node('E')?.kind).toBe('search');
  });

  it('a database behind a monitoring tool stays a database', () => {
    const g = buildArchitecture(flow([v('M', 'Monitoring Service'), v('T', 'TimescaleDB')], [e('M', 'T')]));
    expect(g.node('T')?.kind).toBe('database');
  });

  it.each([
    ['"Logging (ELK)"', 'monitoring'],
    ['"Catalog"', 'search'],
  ] as const)('Elasticsearch inside %s is %s', (title, kind) => {
    const g = buildArchitecture(flow([v('E', 'Elasticsearch')], [], [{ id: 'X', title: title.slice(1, -1), nodeIds: ['E'] }]));
    expect(g.node('E')?.kind).toBe(kind);
  });
});

describe('third parties and placeholders', () => {
  it.each([
    ['an API tagged "(External)"', 'Groq API (External)', 'external'],
    ['a service tagged "- 3rd party"', 'Maps Service - 3rd party', 'external'],
    ['an API with "Third-party" on the next line', 'Weather API\nThird-party', 'external'],
    ['a service that merely calls external APIs is ours', 'Order Service (calls external APIs)', 'service'],
    ['a gateway tagged external is not ours', 'SMS Gateway (external)', 'external'],
  ] as const)('the words "external" / "third-party" as a tag say whose it is: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['one provider named: the provider', 'Email Service (SendGrid)', 'external'],
    ['one carrier named on the next line: the carrier', 'Shipping API\nFedEx', 'external'],
    ['several providers named: our service choosing between them', 'Email Service\nSendGrid, Mailgun', 'service'],
    ['a datastore named: our service that uses it', 'Orders Service (Postgres)', 'service'],
    ['no product named: ours', 'Email Service', 'service'],
    ['no push provider named: our sender, like an email service', 'Push Notification\nService', 'service'],
    ['Apple\'s push notification service named: the provider', 'Apple Push Notification Service', 'external'],
    ['a push provider named in brackets: the provider', 'Push Notification Service (FCM)', 'external'],
    ['the service of a third party named before it', 'Card Schemes Service', 'external'],
    ['the API of a bank', 'Issuing Bank API', 'external'],
    ['two kind nouns joined by a slash, read in the order written', 'Gateway/API', 'api_gateway'],
    ['a slash inside a name stays', 'Redis Pub/Sub', 'queue'],
    ['two kind phrases around a spaced slash, read in the order written', 'Load Balancer / API Gateway', 'load_balancer'],
    ['a gateway before an ingress, slash-joined', '🛡️ API Gateway / Ingress', 'api_gateway'],
    ['a gateway before a two-word balancer, slash-joined', 'API Gateway / Load Balancer', 'api_gateway'],
    ['a URL path after the name is still dropped', 'Orders API /orders/{id}/cache', 'service'],
  ] as const)('%s: %j is %s', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['"External Services"', 'external'],
    ['"Third-party APIs"', 'external'],
    ['"Backend services"', 'service'],
  ] as const)('a plain "Email Service" inside %s is %s', (title, kind) => {
    const g = buildArchitecture(flow([v('E', 'Email Service')], [], [{ id: 'X', title: title.slice(1, -1), nodeIds: ['E'] }]));
    expect(g.node('E')?.kind).toBe(kind);
  });

  it.each([
    ['a gateway under "External Services"', 'MIGS Gateway', 'External Services', 'external'],
    ['a payment gateway under "Third party"', 'Payment Gateway', 'Third party', 'external'],
    ['an API server under "External Systems"', 'Partner API Server', 'External Systems', 'external'],
    ['a worker under "Third-party APIs"', 'Scoring Worker', 'Third-party APIs', 'external'],
    ['a gateway in our own tier stays ours', 'MIGS Gateway', 'Backend services', 'api_gateway'],
    ['MongoDB Atlas under "External Services" keeps its kind', 'MongoDB Atlas', 'External Services', 'database'],
    ['S3 under "External Services" keeps its kind', 'S3 Bucket', 'External Services', 'object_storage'],
    ['Kafka under "External Services" keeps its kind', 'Kafka', 'External Services', 'stream'],
    ['a named gateway product under "External Services" keeps its kind', 'Kong Gateway', 'External Services', 'api_gateway'],
  ] as const)('%s: %j under %j is %s', (_name, label, title, kind) => {
    const g = buildArchitecture(flow([v('E', label)], [], [{ id: 'X', title, nodeIds: ['E'] }]));
    expect(g.node('E')?.kind).toBe(kind);
  });

  it.each([
    ['a tool named by its framework under "Observability & Monitoring"', 'Laravel Telescope', 'Observability & Monitoring', 'monitoring'],
    ['an alert service under "Monitoring"', 'Alert Service', 'Monitoring', 'monitoring'],
    ['log management, wherever it is drawn', 'Centralized Log Management', 'Platform', 'monitoring'],
    ['a plain service in an application group stays a service', 'Alert Service', 'Backend services', 'service'],
    ['a named store in a monitoring group keeps its kind', 'PostgreSQL', 'Monitoring', 'database'],
    ['an engine module inside "Client Side"', 'Game Engine', 'Client Side', 'client'],
    ['a handler inside "Game Client"', 'Input Handler', 'Game Client', 'client'],
    ['a service inside "Client Services" is ours', 'Onboarding Service', 'Client Services', 'service'],
    ['a service inside "User Domain" is ours', 'User Service', 'User Domain', 'service'],
    ['a named server product inside "Client Side" keeps its kind', 'Nginx', 'Client Side', 'load_balancer'],
  ] as const)('%s: %j under %j is %s', (_name, label, title, kind) => {
    const g = buildArchitecture(flow([v('E', label)], [], [{ id: 'X', title, nodeIds: ['E'] }]));
    expect(g.node('E')?.kind).toBe(kind);
  });

  it.each([
    ['External Client', ['external'], 'client'],
    ['Partner systems', ['external'], 'external'],
    ['Stripe', ['external'], 'external'],
  ] as const)('%j with class %j is %s: an outside caller the system serves is a client', (label, classes, kind) => {
    expect(single(label, 'square', [...classes]).kind).toBe(kind);
  });

  it.each([
    ['a cache painted with a "storage" colour class', 'Redis\nPermission Cache', ['storage'], 'cache'],
    ['an ingress painted with an "external" colour class', 'Ingress Controller', ['external'], 'load_balancer'],
    ['a gateway painted "external"', 'API Gateway\n(Nginx Proxy)', ['external'], 'api_gateway'],
    ['a monitoring tool painted "external" keeps its technology', 'Grafana Dashboards', ['external'], 'monitoring'],
    ['a plain service painted "external" is the provider', 'Email Service', ['external'], 'external'],
    ['a class confirmed by a technology in the label wins', 'Prefix table · Redis cluster', ['cache'], 'cache'],
    ['a label without a kind noun takes the class', 'Inbox', ['queue'], 'queue'],
    ['a label with only a generic noun takes the class', 'Box server', ['db'], 'database'],
  ] as const)('a class is a colour, read like a subgraph title: %s (%j, %j → %s)', (_name, label, classes, kind) => {
    expect(single(label, 'square', [...classes]).kind).toBe(kind);
  });

  it.each([
    ['a provider named for what it provides', 'Weather Provider', 'external'],
    ['providers, plural', 'Other Providers', 'external'],
    ['the API of a provider', 'Weather Provider API', 'external'],
    ['an identity provider, whichever product', 'OIDC Provider\nKeycloak · Authentik', 'external'],
    ['"provider" before another noun only says what that is about', 'Provider Reconciliation - Every 1 hour', 'other'],
  ] as const)('"provider" is the third party the system calls: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each([
    ['a job library and its Redis, one line', 'Redis / BullMQ', 'queue'],
    ['a job library on the next segment', 'Redis (Sidekiq)', 'queue'],
    ['a version number between', 'Redis 7 / BullMQ', 'queue'],
    ['a worker noun says it is the workers', 'Celery Worker (Redis)', 'worker'],
    ['the job library alone is the workers', 'BullMQ', 'worker'],
  ] as const)('a job library named beside its Redis is the job queue: %s (%j → %s)', (_name, label, kind) => {
    expect(single(label).kind).toBe(kind);
  });

  it.each(['etc', 'etc.', '...', '…', 'and more'])('a placeholder box %j is no component (other)', (label) => {
    const g = buildArchitecture(flow([v('P', 'PSP integration'), v('X', label)], [e('P', 'X')]));
    expect(g.node('X')?.kind).toBe('other');
  });
});

describe('infrastructure, tools and volumes named after what they host or watch', () => {
  it.each([
    ['a Kubernetes master node is a host, not a service', 'Master Node 1\nAPI Server, etcd', 'square', 'other'],
    ['a Kubernetes worker node is a host, not a background worker', 'Worker Node 2\nApplication Pods', 'square', 'other'],
    ['the control plane is infrastructure', 'Control Plane', 'square', 'other'],
    ['a queue worker is still a worker', 'Queue worker', 'square', 'worker'],
    ['a router described as an ingress is the balancer', 'OpenShift Router\nHAProxy Ingress', 'square', 'load_balancer'],
    ['a router described as a gateway is the gateway', 'Edge Router\nAPI Gateway', 'square', 'api_gateway'],
    ['a router with no edge-tier description is a service', 'Order Router\nassigns couriers', 'square', 'service'],
    ['the UI of a broker watches it', 'Kafka UI\nStream Monitoring', 'square', 'monitoring'],
    ['the management UI of a broker watches it', 'RabbitMQ Management UI', 'square', 'monitoring'],
    ['a UI on its own is the user\'s app', 'Web UI', 'square', 'client'],
    ['a queue service naming its broker is the broker', 'Queue Service\nKafka', 'square', 'stream'],
    ['a messaging service naming RabbitMQ is the queue', 'Messaging Service (RabbitMQ)', 'square', 'queue'],
    ['a notification service naming a broker is a service that uses it', 'Notification Service\nKafka', 'square', 'service'],
    ['a product\'s Docker volume', 'postgres_data', 'cylinder', 'object_storage'],
    ['a monitoring tool\'s Docker volume', 'grafana-data', 'cylinder', 'object_storage'],
    ['a table of data is still a table', 'user_data', 'cylinder', 'database'],
    ['persistent volumes holding a broker\'s data', '💾 Persistent Volumes\nkafka_data', 'square', 'object_storage'],
    ['a database\'s volume', 'Postgres volume', 'square', 'object_storage'],
    ['a volume claim naming its database', 'PVC (Postgres)', 'square', 'object_storage'],
    ['a Prometheus exporter on a database host watches it', 'postgres_exporter on Primary', 'square', 'monitoring'],
    ['an exporter named after a pooler watches it', 'pgbouncer_exporter', 'square', 'monitoring'],
    ['a database admin UI is a tool, not the database', 'Mongo Express\nPort 8081', 'square', 'other'],
    ['a dead-letter queue by its abbreviation', 'DLQ', 'square', 'queue'],
    ['an OLAP store is a database', 'OLAP', 'square', 'database'],
    ['a lake is the data lake', 'Lake', 'square', 'object_storage'],
  ] as const)('%s: %j', (_name, label, shape, kind) => {
    expect(single(label, shape).kind).toBe(kind);
  });
});

describe('second roles named in the label', () => {
  it.each([
    ['API Gateway & Load Balancer', 'api_gateway', ['load_balancer']],
    ['API Gateway US\nLoad Balancer', 'api_gateway', ['load_balancer']],
    ['Redis\nPub/Sub + Cache', 'queue', ['cache']],
    ['Nginx reverse proxy + CDN', 'load_balancer', ['cdn']],
    // a description naming another family adds nothing
    ['Order Service · reads through a cache', 'service', []],
    ['Analytics DB\nMetrics & logs', 'database', []],
    ['Load balancer', 'load_balancer', []],
  ] as const)('%j is a %s that also plays %j', (label, kind, also) => {
    const node = single(label);
    expect(node.kind).toBe(kind);
    expect(node.alsoKinds ?? []).toEqual(also);
  });

  it('finds a two-role node by either kind, once', () => {
    const g = buildArchitecture(flow([v('G', 'API Gateway & Load Balancer'), v('S', 'Orders service')], [e('G', 'S')]));
    expect(g.ofKind('load_balancer').map((n) => n.id)).toEqual(['G']);
    expect(g.ofKind('api_gateway').map((n) => n.id)).toEqual(['G']);
    expect(g.ofKind('load_balancer', 'api_gateway').map((n) => n.id)).toEqual(['G']);
  });
});

describe('subgraphs and graph position', () => {
  it.each([
    ['a storefront the balancer serves is a web server', [e('U', 'P'), e('P', 'FE')], 'web_server'],
    ['a storefront the user calls is the user\'s app', [e('U', 'FE'), e('FE', 'P')], 'client'],
  ] as const)('%s', (_name, edges, kind) => {
    const g = buildArchitecture(flow([v('U', 'Customers'), v('P', 'Load balancer'), v('FE', 'Store-Front')], [...edges]));
    expect(g.node('FE')?.kind).toBe(kind);
  });

  it.each([
    ['a front end the reverse proxy serves is a web server', [e('U', 'P'), e('P', 'FE')], 'web_server'],
    ['a front end the user calls is the user\'s app', [e('U', 'FE'), e('FE', 'P')], 'client'],
    ['a front end drawn calling the proxy and answered by it is the user\'s app', [e('FE', 'P'), e('P', 'FE')], 'client'],
  ] as const)('%s', (_name, edges, kind) => {
    const g = buildArchitecture(flow([v('U', 'Users'), v('P', 'Nginx reverse proxy'), v('FE', 'Frontend (React)')], [...edges]));
    expect(g.node('FE')?.kind).toBe(kind);
  });

  it.each([
    ['the customer pays through it and it passes payments to our service: our gateway', 'Payment gateway', [e('U', 'G'), e('G', 'S')], 'api_gateway'],
    ['our service calls out to it: the provider', 'Payment gateway', [e('U', 'S'), e('S', 'G')], 'external'],
    ['a named provider stays the provider wherever it is drawn', 'Payment gateway · Stripe', [e('U', 'G'), e('G', 'S')], 'external'],
    ['a provider that only calls our webhook is not in front of the user', 'Payment gateway', [e('G', 'S')], 'external'],
  ] as const)('a "payment gateway": %s', (_name, label, edges, kind) => {
    const g = buildArchitecture(flow([v('U', 'Customer'), v('G', label), v('S', 'Payment service')], [...edges]));
    expect(g.node('G')?.kind).toBe(kind);
  });

  it.each([
    ['only calling our front door: a caller we serve (client)', [e('B', 'DNS')], 'client'],
    ['called by our service: the third party we call', [e('DNS', 'S'), e('S', 'B')], 'external'],
    ['drawn feeding a service directly (data may flow from a party we call): external', [e('B', 'S')], 'external'],
  ] as const)('a partner bank %s', (_name, edges, kind) => {
    const g = buildArchitecture(flow([v('B', 'Partner Bank'), v('DNS', 'DNS'), v('S', 'Payments service')], [...edges]));
    expect(g.node('B')?.kind).toBe(kind);
  });

  it.each([
    ['our users call and is joined to our database: our own API', 'Bank API', [e('U', 'A'), e('A', 'DB')], 'service'],
    ['our users call and is joined to our cache: our own service', 'Card Schemes Service', [e('U', 'A'), e('A', 'C')], 'service'],
    ['our users call, drawn read from our database (the arrow from the store): our own API', 'Bank API', [e('U', 'A'), e('DB', 'A')], 'service'],
    ['feeds our database but no user calls it (a data source): the third party', 'Bank API', [e('U', 'S'), e('S', 'DB'), e('A', 'DB')], 'external'],
    ['is only called by our service: the third party', 'Bank API', [e('U', 'S'), e('S', 'A'), e('S', 'DB')], 'external'],
    ['is named by its product: the provider, wherever it is drawn', 'Bank API · Plaid', [e('U', 'A'), e('A', 'DB')], 'external'],
  ] as const)('a box worded as a third party that %s', (_name, label, edges, kind) => {
    const g = buildArchitecture(flow([v('U', 'Customer'), v('A', label), v('S', 'Payments service'), v('DB', 'Accounts', 'cylinder'), v('C', 'Redis cache')], [...edges]));
    expect(g.node('A')?.kind).toBe(kind);
  });

  it.each([
    ['calls three of our services: the front-end server', ['S1', 'S2', 'S3'], 'web_server'],
    ['calls one backend: the user\'s app', ['S1'], 'client'],
  ] as const)('a "frontend" the user calls that %s', (_name, callees, kind) => {
    const services = [v('S1', 'Cart service'), v('S2', 'Catalog service'), v('S3', 'Ads service')];
    const g = buildArchitecture(flow([v('U', 'User'), v('FE', 'frontend'), ...services], [e('U', 'FE'), ...callees.map((to) => e('FE', to))]));
    expect(g.node('FE')?.kind).toBe(kind);
  });

  it.each([
    ['described as a failure alert', [v('SF', 'Order pipeline'), v('T', 'SNS\nfailure alert')], [e('SF', 'T')], 'monitoring'],
    ['fed only by the monitoring', [v('CW', 'CloudWatch'), v('T', 'SNS\nNotifications')], [e('CW', 'T', 'Alert')], 'monitoring'],
    ['carrying the system\'s events', [v('S', 'Orders service'), v('T', 'SNS\nNotifications')], [e('S', 'T')], 'queue'],
  ] as const)('a topic %s is %s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('T')?.kind).toBe(kind);
  });

  it.each([
    ['a "ledger" box with its own database cylinder is the ledger service', [v('L', 'ledger'), v('D', 'DB', 'cylinder')], [e('L', 'D')], 'service'],
    ['a "ledger" box alone is the store', [v('S', 'Payments service'), v('L', 'ledger')], [e('S', 'L')], 'database'],
    ['a primary box copying to a replica cylinder stays a store', [v('L', 'Orders DB'), v('D', 'Orders copy', 'cylinder')], [e('L', 'D', 'replicates')], 'database'],
    ['a box naming a database product stays that database', [v('L', 'Ledger · Postgres'), v('D', 'Archive', 'cylinder')], [e('L', 'D')], 'database'],
  ] as const)('%s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('L')?.kind).toBe(kind);
  });

  it.each([
    ['a Celery worker takes its jobs from is the broker', [v('W', 'Celery worker'), v('R', 'Redis')], [e('W', 'R')], 'queue'],
    ['a Sidekiq worker reads is the broker, whichever way the arrow points', [v('W', 'Sidekiq'), v('R', 'Redis')], [e('R', 'W')], 'queue'],
    ['the API "enqueues jobs" into is the job queue', [v('S', 'Orders API'), v('R', 'Redis')], [e('S', 'R', 'enqueue jobs')], 'queue'],
    ['an edge calls "Cache/Queue" is the queue it also is', [v('S', 'Orders API'), v('R', 'Redis')], [e('S', 'R', 'Cache/Queue')], 'queue'],
    ['labelled a cache stays a cache even with Celery attached', [v('W', 'Celery worker'), v('R', 'Redis cache')], [e('W', 'R')], 'cache'],
    ['a service reads stays a cache', [v('S', 'Orders API'), v('R', 'Redis')], [e('S', 'R', 'get/set')], 'cache'],
    ['a plain worker reads stays a cache', [v('W', 'Report worker'), v('R', 'Redis')], [e('W', 'R')], 'cache'],
  ] as const)('a Redis %s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('R')?.kind).toBe(kind);
  });

  it('reads a cylinder named after the store it is ("Caching Service") as that store', () => {
    expect(single('Caching Service', 'cylinder').kind).toBe('cache');
    expect(single('Users', 'cylinder').kind).toBe('database');
    expect(single('etcd (discovery)', 'cylinder').kind).toBe('service');
  });

  it('does not take a kind from an infrastructure subgraph (Kubernetes, VPC) that holds every kind', () => {
    const g = buildArchitecture(
      flow([v('C', 'Client'), v('P', 'Pod\nn8n')], [e('C', 'P')], [{ id: 'k8s', title: 'Kubernetes', nodeIds: ['P'] }]),
    );
    expect(g.node('P')?.kind).toBe('service');
  });

  it('keeps infrastructure named by its words when it points at the gateway (Kubernetes runs the services)', () => {
    const g = buildArchitecture(
      flow([v('K', 'Kubernetes\nContainer Orchestration'), v('GW', 'API Gateway'), v('S', 'Orders service')], [e('K', 'GW', 'runs', 'dotted'), e('GW', 'S')]),
    );
    expect(g.node('K')?.kind).toBe('other');
  });

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

  it.each([
    ['a scraper: a source it reads, not a client', 'Web Scraper', 'other'],
    ['a service: a client calling it', 'Search Service', 'client'],
  ] as const)('an unnamed box feeding %s', (_name, label, kind) => {
    const g = buildArchitecture(flow([v('W', 'Promo Website'), v('S', label)], [e('W', 'S')]));
    expect(g.node('W')?.kind).toBe(kind);
  });

  it('makes an uncalled node that calls the balancer a client, whatever its label', () => {
    const g = buildArchitecture(flow([v('A', 'Rider and driver apps', 'stadium'), v('LB', 'Load balancer'), v('S', 'Trip service')], [e('A', 'LB'), e('LB', 'S')]));
    expect(g.node('A')?.kind).toBe('client');
    expect(g.node('S')?.kind).toBe('service');
  });

  it.each([
    ['calling only the gateway: a caller we serve (client)', [e('R', 'GW')], 'client'],
    ['calling the gateway and writing our database: our own service', [e('R', 'GW'), e('R', 'DB')], 'service'],
    ['calling the gateway and our cache: our own service', [e('R', 'GW'), e('R', 'C')], 'service'],
  ] as const)('an uncalled "Rules config service" %s', (_name, edges, kind) => {
    const g = buildArchitecture(flow([v('R', 'Rules config service'), v('GW', 'API gateway'), v('DB', 'Rules · Postgres', 'cylinder'), v('C', 'Redis cache')], [...edges]));
    expect(g.node('R')?.kind).toBe(kind);
  });

  it('makes an uncalled stadium-shaped node a client even when its label names a cache', () => {
    const g = buildArchitecture(
      flow([v('S', 'Client services with cache library', 'stadium'), v('C', 'Cache nodes ×100', 'cylinder', ['cache'])], [e('S', 'C')]),
    );
    expect(g.node('S')?.kind).toBe('client');
  });

  it.each([
    ['an uncalled "App" calling a service is the app people use', [v('A', 'App'), v('S', 'Collector')], [e('A', 'S')], 'client'],
    ['an uncalled "Application 2" calling an unnamed box is a client', [v('A', 'Application 2'), v('G', 'OS2ID')], [e('A', 'G')], 'client'],
    ['an "App" writing straight to a database is the app server', [v('A', 'App'), v('D', 'Postgres', 'cylinder')], [e('A', 'D')], 'service'],
    ['an "App" behind a balancer is the app server', [v('L', 'Load balancer'), v('A', 'App'), v('S', 'Orders service')], [e('L', 'A'), e('A', 'S')], 'service'],
  ] as const)('%s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('A')?.kind).toBe(kind);
  });

  it.each([
    ['a bare Nginx behind the balancer, in front of one app server, is its web server', [v('LB', 'HAProxy load balancer'), v('N', 'Nginx'), v('A', 'App server')], [e('LB', 'N'), e('N', 'A')], 'web_server'],
    ['a bare Nginx reached through a server box behind the balancer is its web server', [v('LB', 'HAProxy load balancer'), v('S', 'Server 1'), v('N', 'Nginx'), v('A', 'App server')], [e('LB', 'S'), e('S', 'N'), e('N', 'A')], 'web_server'],
    ['a bare Nginx spreading requests over several servers still balances', [v('LB', 'ALB'), v('N', 'Nginx'), v('A', 'App server'), v('B', 'API server')], [e('LB', 'N'), e('N', 'A'), e('N', 'B')], 'load_balancer'],
    ['a numbered "Nginx Server 2" behind the balancer is its web server', [v('LB', 'Load Balancer'), v('N', 'Nginx Server 2'), v('A', 'Django app')], [e('LB', 'N'), e('N', 'A')], 'web_server'],
    ['a bare Nginx with no balancer in front is the balancer', [v('U', 'Users'), v('N', 'Nginx'), v('A', 'App server')], [e('U', 'N'), e('N', 'A')], 'load_balancer'],
  ] as const)('%s', (_name, vertices, edges, kind) => {
    const g = buildArchitecture(flow([...vertices], [...edges]));
    expect(g.node('N')?.kind).toBe(kind);
  });

  it.each([
    ['a named service with a two-way line to a server, pushing to a CDN, is ours', 'Asset Service', 'service'],
    ['an unnamed box with a two-way line to a server is a client of it', 'Backoffice', 'client'],
  ] as const)('%s', (_name, label, kind) => {
    const g = buildArchitecture(flow([v('WS', 'WebSocket server'), v('X', label), v('C', 'CDN')], [e('WS', 'X', '', 'normal', true), e('X', 'C')]));
    expect(g.node('X')?.kind).toBe(kind);
  });

  it('makes a person drawn as a cylinder who calls the balancer the user', () => {
    const g = buildArchitecture(flow([v('U', '👤 User', 'cylinder'), v('LB', 'Traefik ingress'), v('S', 'API')], [e('U', 'LB', 'HTTPS'), e('LB', 'S')]));
    expect(g.node('U')?.kind).toBe('client');
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
    ['DB', 'DB2', 'replicates', 'dotted', 'replication'],
    ['DB', 'DB2', '', 'normal', 'unknown'],
    ['DB', 'DB2', '', 'dotted', 'unknown'],
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
