/**
 * The notation cheat sheet the UI shows: what the grader reads from a Mermaid flowchart.
 * Each section pairs a Mermaid example with what the grader understands from it.
 */

export interface CheatSheetSection {
  readonly id: string;
  readonly title: string;
  readonly mermaid: string;
  readonly reads: readonly string[];
}

const SECTIONS: readonly CheatSheetSection[] = [
  {
    id: 'one-box-one-instance',
    title: 'One box is one instance',
    mermaid: 'flowchart LR\n  U([Users]) --> LB[Load balancer · ALB]\n  LB --> App[App ×3]\n  App --> DB[(Orders DB · Postgres)]',
    reads: [
      'A node stands for ONE running instance unless the diagram shows more. A lone box that requests must pass through on their way from the users (following the arrows) is a single point of failure; so is the only copy of the data they are served from.',
      'Show more than one with ×3, x3, 3x, "3 replicas", "(5 nodes)", "replicas: 3", "12 across 3 zones", a plural head noun ("API gateways", "Workers"), words such as pair, active-passive, cluster, pool, fleet, auto-scaling group, "primary with replica/standby", "primary, sync replica", "auto failover"; numbered siblings ("App 1", "App 2") behind the same balancer; or the stacked shape `App@{ shape: procs, label: "App" }`.',
      'A subgraph title adds instances only with a count or scaling group ("App tier ×3", "auto-scaling group"), or when it names the managed platform or cluster that runs its boxes ("Cloud Run", "AWS Lambda", topics in a "Kafka" group, tables in a "DynamoDB" group): a "Services" or "Kubernetes cluster" box around single boxes leaves each one instance.',
      'Managed services that are redundant by default (S3, DynamoDB, Aurora, Spanner, Cosmos DB, BigQuery, SQS, Kinesis, EventBridge, CloudFront, Route 53, ALB/NLB, …) and distributed-by-design systems (Cassandra, ScyllaDB, Kafka, Pulsar, CockroachDB, Hazelcast, …) count as redundant even as one box.',
      '"single-node", "single instance", "standalone" or "not replicated" say one copy, whatever group word follows ("Kafka · single-node cluster" is one broker).',
      'A generic "Object storage", "Blob storage" or "Media bucket" with no product named is read as the managed object store (S3, GCS, Azure Blob); "MinIO" or a "Local file system" stays one box.',
      'What a label says is missing earns nothing: "Postgres · no failover", "Redis · without a cluster" and "no replica yet" are one instance with no failover.',
      'A load balancer, API gateway, queue or stream labelled "managed" (or "serverless") with no product named is the cloud\'s own, spread over zones; "self-managed" or a named product (HAProxy) stays one box, and so does a "managed Postgres", which may be one instance.',
      'What no request waits on (an analytics store fed by a queue, a batch builder, monitoring, an admin console, the clearing, settlement and reconciliation after a payment) is at most a minor finding.'
    ],
  },
  {
    id: 'kinds',
    title: 'What each box is',
    mermaid: 'flowchart LR\n  C([Mobile app]) --> CDN[CDN] --> S3[(Media · S3)]\n  C --> GW[API gateway] --> Feed[Feed service ×4]\n  Feed --> Cache[(Feed cache · Redis cluster)]:::cache\n  Feed -->|publish| Q[[Fan-out queue · SQS]] --> W[Fan-out workers ×10]',
    reads: [
      'The kind of a node comes from an explicit class (`:::cache`, `:::db`, `:::queue`, `:::lb`, `:::client`, …), else the head noun of its name — the last kind word of the first part of the label ("Customer Service" is a service, "Orders DB Server" a database, "Cache Server 2" a cache) — weighed with the technology it names (Postgres, Redis, Kafka, S3, PgBouncer, Keycloak, …), its shape (a cylinder `[( )]` is a datastore), its id (`orders_db`, `SessionGateway`) and the enclosing subgraph title; last, graph position (a node fed by a queue is a worker; an unknown plain box that is called is a service).',
      'Parts after `·`, `|`, `:`, brackets or a line break describe the node: "Thumbnail Service · Redis cached" is a service that uses a cache. Emoji, ports and URLs are ignored.',
      'Words that name a component beat the shape: a cylinder labelled "Payment API" is the API (one labelled "Users" is still the users table), and in a drawing whose cylinders are mostly named as components the shape says nothing about the rest.',
      'Kinds: client, dns, cdn, load_balancer, api_gateway, web_server, service, worker, cache, database, object_storage, queue, stream, search, monitoring, external, other.',
      'Read wrongly? Say what the box is on a comment line of its own, `%% sysdrill: Pay is service` (any kind above, or its name: "load balancer", "external service", "third party"): the grader takes it as given, the drawing does not change. In practice, "How Sysdrill read your diagram" lists every box and writes that line for you.',
    ],
  },
  {
    id: 'databases',
    title: 'Databases: model, role, shard key',
    mermaid: 'flowchart LR\n  App --> DB[(Posts DB · Cassandra · shard: user_id)]\n  App --> P[(Primary · Postgres)]\n  P -. replicates · auto failover .-> R[(Replica)]',
    reads: [
      'The data model comes from the technology (Postgres → relational, MongoDB → document, Cassandra → wide-column, DynamoDB → key-value, Neo4j → graph, …) or words (SQL, document, key-value, time series, …) or a class (`:::relational`, `:::kv`, …).',
      'Primary/replica from the words primary, master, leader / replica, follower, standby, or from a replication edge (`-. replicates .->`). "Replica set" means a replicated cluster; "Read replica of the primary" is the replica; "Followers DB" is a social graph, not a copy.',
      'Shard / partition key: `shard: user_id`, `sharded by user_id`, `shard user_id`, `keyed by conversation_id`, `partition key = conversation_id`, `hash(user_id)`, `pk: id`.',
      'A store named for the data lives where it says: `Ledger · Cassandra` keeps the ledger in Cassandra even beside an `Accounts · Postgres`. A "history", "archive", read model or backup named for the data is a copy, and a cache labelled "cache" keeps a copy of what the store beside it holds.',
    ],
  },
  {
    id: 'edges',
    title: 'Edges and what they mean',
    mermaid: 'flowchart LR\n  App -->|writes| DB[(DB)]\n  App -->|read| R[(Replica)]\n  App -. publish .-> Q[[Queue]]\n  P[(Primary)] -. sync replication .-> S[(Standby)]\n  C([Client]) <-->|WebSocket| GW[Gateway]',
    reads: [
      'Styles: `-->` solid, `-.->` dotted, `==>` thick, `~~~` invisible (layout only, ignored by the grader). `<-->` is bidirectional; `---` (no arrowhead) runs in the natural order client → edge → balancer/gateway → services → stores and queues → workers.',
      'Requests follow the arrows. A read drawn from the store (`DB --> App`, `Cache --> Svc`) is still the service reading the store, and an edge into a client is a response to it.',
      'Only words make an edge replication (`-. replicates .->`): an unlabelled line between two databases is not a replica. Words on an edge describe that edge; words on a node describe that node.',
      'Meaning from the label: replicates/replication → replication; publish/enqueue/emit or any edge into a queue → async publish; read/get/query → read; write/put/insert → write.',
      'What a call says counts for the prompt: `Checkout -->|charge with idempotency key| PSP` is an idempotent checkout, `Dispatch -->|SET driver lock NX| Locks` a driver lock (a negated "no dedup yet" earns nothing).',
      'An arrow labelled async, publishes, emits or enqueues hands work off even with no queue drawn: the request does not wait on what it reaches (`API -. async .-> Notifier`).',
      'An edge to a subgraph stands for edges to every node inside it.',
    ],
  },
  {
    id: 'notes',
    title: 'Facts the grader looks for in labels',
    mermaid: 'flowchart LR\n  LB[Load balancer ×2 · health checks] --> App[App ×3 · stateless]\n  App --> C[(Redis cluster · TTL 5m)]\n  App -->|publish · at-least-once| Q[[Jobs · SQS · DLQ]]\n  App -.->|metrics, logs| Mon[Prometheus + Loki]',
    reads: [
      'Caching: TTL / expiry / invalidate / write-through. Load balancing: health check(s), /healthz. Queues: at-least-once, exactly-once, retries, DLQ, idempotent.',
      'Replication: sync / synchronous / quorum (zero data loss), failover / promote / standby, replica lag / read-after-write, multi-AZ, multi-region / cross-region (or subgraphs titled "Region …").',
      'Sessions: sticky / session affinity, stateless, "in memory" state on a service. Real time: WebSocket, SSE / server-sent events, long polling, polling.',
      'Observability: a monitoring node or labels naming metrics, logs, tracing (Prometheus, Grafana, Loki, ELK, Datadog, …).',
    ],
  },
  {
    id: 'syntax',
    title: 'Mermaid syntax that trips people up',
    mermaid: 'flowchart LR\n  A["Service (v2)"] -->|"a | b"| B["Queue [jobs]"]\n  subgraph Data ["Data tier (EU)"]\n    DB[(DB)]\n  end',
    reads: [
      'Put labels containing parentheses, brackets, braces or `|` in double quotes: `A["Service (v2)"]`, `-->|"a | b"|`, `subgraph id ["Title (x)"]`.',
      'Every `subgraph` needs its own `end` line.',
      'Comments start with `%%`. `<br/>` and HTML entities (`&amp;`, `#quot;`) are fine in labels. `%%{init: …}%%` directives (also over several lines), front matter, `click` lines, `:::class`, `@{ shape: … }`, `A & B --> C` and markdown strings all parse.',
      'Arrows have two dashes: `A --> B`, not `A -> B`. A rejected diagram is reported at the line and column where Mermaid stopped, with the corrected line when the mistake is a usual one.',
    ],
  },
];

export const CHEAT_SHEET: readonly CheatSheetSection[] = Object.freeze(
  SECTIONS.map((section) => Object.freeze({ ...section, reads: Object.freeze([...section.reads]) })),
);
