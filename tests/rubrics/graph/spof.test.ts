import { describe, expect, it } from 'vitest';
import { singlePointsOfFailure } from '../../../rubrics/graph/spof';
import { fc, graphOf } from '../helpers';

/** The ids reported as points of failure of the requests (an off-path sole copy is not one). */
const onRequests = async (text: string): Promise<string[]> =>
  singlePointsOfFailure(await graphOf(text))
    .filter((s) => s.reason !== 'off-path')
    .map((s) => s.node.id as string)
    .sort();

describe('single points of failure: a pipeline with no user request path is batch', () => {
  it.each([
    ['an Airflow pipeline from a source API into a warehouse', fc('A[Web sites & APIs] --> B[Apache Airflow · DAGs]', 'B --> C[(ClickHouse)]', 'C --> D[Superset BI]'), []],
    ['a cron-driven ETL from a feed service', fc('F[Partner feed API] --> S[Nightly Scheduler]', 'S --> T[Transform]', 'T --> W[(Postgres)]'), []],
    ['a Dagster pipeline', fc('Src[Source API] --> D[Dagster]', 'D --> L[(Data Lake · MinIO)]'), []],
    ['an "ETL" box drives it', fc('Src[Orders API] --> E[ETL]', 'E --> DW[(Warehouse · Postgres)]'), []],
    // the same chain without a scheduler is a request flow entered at the source server
    ['without a scheduler the source server is the entry and what follows is on the path', fc('Src[Orders API] --> T[Transform]', 'T --> DW[(Warehouse · Postgres)]'), ['DW', 'Src', 'T']],
    // a client or an entry tier makes it a user-facing system whatever else is drawn
    ['a client drawn keeps the request path, scheduler or not', fc('U([Users]) --> App[App]', 'App --> DB[(Orders · Postgres)]', 'S[Scheduler] --> J[Report job]', 'J --> DB'), ['App', 'DB']],
    ['an entry balancer keeps the request path, scheduler or not', fc('LB[Load balancer] --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'S[Airflow] --> App'), ['LB']],
    ['a scheduler standing alone does not make the diagram batch', fc('Src[Orders API] --> T[Transform]', 'T --> DW[(Warehouse · Postgres)]', 'S[Scheduler]'), ['DW', 'Src', 'T']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: a door the drawn users never reach still lets requests in', () => {
  it.each([
    [
      'phones that only receive pushes, and a gateway whose callers are not drawn',
      fc('GW[API Gateway] --> N[Notification Service]', 'N --> DB[(Notifications · MongoDB)]', 'N --> P[Firebase FCM]', 'P -->|push| Ph([Android phones])'),
      ['DB', 'GW', 'N'],
    ],
    ['a gateway in front of what the users already reach adds no way in', fc('U([Users]) --> A[App ×2]', 'GW[API Gateway] --> A', 'A --> DB[(Orders · DynamoDB)]'), []],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: an enterprise service bus carries the request to the service and back', () => {
  it.each([
    [
      'a gateway routing through an ESB to two services',
      fc('U([Users]) --> GW[API Gateway]', 'GW --> B[[ESB]]', 'B --> S1[Orders service]', 'B --> S2[Billing service]', 'S1 --> D1[(Orders DB)]', 'S2 --> D2[(Billing DB)]'),
      ['B', 'D1', 'D2', 'GW', 'S1', 'S2'],
    ],
    // a plain queue behind the gateway still hands work off: nothing after it is waited on
    ['a jobs queue behind the gateway', fc('U([Users]) --> GW[API Gateway]', 'GW --> B[[Jobs queue]]', 'B --> W[Report worker]', 'W --> D1[(Reports DB)]'), ['GW']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: an arrow that hands work off is not waited on', () => {
  it.each([
    ['a dotted "async" arrow to a notifier', fc('U([Users]) --> API[Orders API]', 'API --> PG[(Orders · Postgres)]', 'API -. async .-> N[Notification Service]', 'N --> M[(Mongo)]'), ['API', 'PG']],
    ['"publishes OrderPlaced" to a billing service', fc('U([Users]) --> API[Orders API]', 'API --> PG[(Orders · Postgres)]', 'API -->|publishes OrderPlaced| B[Billing Service]'), ['API', 'PG']],
    // the same arrows, unlabelled, are requests the user waits on
    ['an unlabelled arrow to the notifier is a call', fc('U([Users]) --> API[Orders API]', 'API --> PG[(Orders · Postgres)]', 'API --> N[Notification Service]', 'N --> M[(Mongo)]'), ['API', 'M', 'N', 'PG']],
    // "payment event" from the customer is the request itself
    ['a client sending an "event" still waits on it', fc('C((Customer)) -->|payment event| G[Payment gateway service]', 'G --> DB[(Payments · Postgres)]'), ['DB', 'G']],
    // a second, plain arrow between the same two components is a call
    ['a handoff next to a plain call is still a call', fc('U([Users]) --> API[Orders API]', 'API -->|async| N[Notification Service]', 'API --> N'), ['API', 'N']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: the back-office stages of a payment run after the payer has an answer', () => {
  it.each([
    ['clearing, settlement, reconciliation and chargebacks chained after authorisation', fc('U([Payer]) --> G[Payment API]', 'G --> A[Authorization Service]', 'A --> DB[(Transactions · Postgres)]', 'A --> C[Clearing Service]', 'C --> S[Settlement Engine]', 'S --> R[Reconciliation Service]', 'R --> K[Chargeback Management]'), ['A', 'DB', 'G']],
    ['a plain step in the same place is waited on', fc('U([Payer]) --> G[Payment API]', 'G --> A[Authorization Service]', 'A --> DB[(Transactions · Postgres)]', 'A --> F[Fraud Service]'), ['A', 'DB', 'F', 'G']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: a generic object store is the managed one every candidate means', () => {
  it.each([
    ['"Blob Storage"', fc('U([Users]) --> A[Asset Service]', 'A --> B[(Blob Storage)]'), ['A']],
    ['"Object storage" for photos', fc('U([Users]) --> A[Upload Service]', 'A --> B[Object storage · photos]'), ['A']],
    ['"Media bucket"', fc('U([Users]) --> A[Upload Service]', 'A --> B[Media bucket]'), ['A']],
    // a self-run product or a plain disk is one box
    ['MinIO is one self-run server', fc('U([Users]) --> A[Upload Service]', 'A --> B[MinIO object storage]'), ['A', 'B']],
    ['a local file system is one disk', fc('U([Users]) --> A[Upload Service]', 'A --> B[(Local file system)]'), ['A', 'B']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: a balancer, gateway, queue or store said to be managed is the cloud\'s own', () => {
  it.each([
    ['"Load balancer · managed"', fc('U([Users]) --> LB[Load balancer · managed]', 'LB --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), []],
    ['"Managed API gateway"', fc('U([Users]) --> G[Managed API gateway]', 'G --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), []],
    ['a "fully managed" queue the request publishes to', fc('U([Users]) --> A[API ×3]', 'A --> Q[[Fully managed queue]]', 'Q --> W[Workers ×3]', 'A --> DB[(Orders · DynamoDB)]'), []],
    // the words do not stretch to what may still run as one machine, nor to what says otherwise
    ['a "self-managed" balancer is one box', fc('U([Users]) --> LB[Self-managed load balancer]', 'LB --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), ['LB']],
    ['an "unmanaged" balancer is one box', fc('U([Users]) --> LB[Unmanaged load balancer]', 'LB --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), ['LB']],
    ['a named self-run product stays one box', fc('U([Users]) --> LB[HAProxy · managed by ops]', 'LB --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), ['LB']],
    ['a "managed Postgres" may be one instance', fc('U([Users]) --> A[API ×3]', 'A --> DB[(Orders · managed Postgres)]'), ['DB']],
    ['a balancer "not managed" is one box', fc('U([Users]) --> LB[Load balancer · not managed]', 'LB --> A[API ×3]', 'A --> DB[(Orders · DynamoDB)]'), ['LB']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: what a label says the design lacks earns nothing', () => {
  it.each([
    ['"no failover"', 'Orders · Postgres · no failover', ['DB']],
    ['"without a standby"', 'Orders · Postgres without a standby', ['DB']],
    ['"no replica yet"', 'Orders · Postgres · no replica yet', ['DB']],
    ['"not replicated"', 'Orders · Postgres · not replicated', ['DB']],
    // the same words unnegated still count
    ['"auto failover"', 'Orders · Postgres · auto failover', []],
    ['"primary with replica"', 'Orders · Postgres primary with replica', []],
  ] as const)('%s', async (_name, label, expected) => {
    expect(await onRequests(fc('U([Users]) --> A[API ×3]', `A --> DB[(${label})]`))).toEqual([...expected]);
  });

  it.each([
    ['a line labelled "failover" joins a failover pair', 'failover', []],
    ['a line labelled "no failover" does not', 'no failover', ['LB']],
  ] as const)('two balancers: %s', async (_name, label, expected) => {
    const text = fc('U([Users]) --> LB[HAProxy]', 'LB --> A[API ×3]', `LB -- ${label} --- LB2[HAProxy]`, 'LB2 --> A', 'A --> DB[(Orders · DynamoDB)]');
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: a source that only feeds jobs starts a pipeline, not a request path', () => {
  it.each([
    ['an API the pipeline pulls document ids from, feeding a processor', fc('API[API Service] -->|Get Document IDs| MP[Main Processor]', 'MP --> L[Loader worker]', 'L --> V[(Vector DB · pgvector)]'), []],
    // a producer service publishing to a queue still serves the requests it takes
    ['a producer service publishing to Kafka', fc('U[UserService · API producer] -->|produce| K[(Kafka)]', 'K --> E[Email consumer]'), ['U']],
    // a source server handing requests to another server keeps its request path
    ['a source server calling a service', fc('Src[Orders API] --> S[Pricing service]', 'S --> DB[(Prices · Postgres)]'), ['DB', 'S', 'Src']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});

describe('single points of failure: an answer drawn back to the client does not skip the balancer', () => {
  it.each([
    [
      'tokens streamed back from a server the client reaches through the balancer',
      fc('U([Clients]) --> LB[Load balancer]', 'LB --> Chat[Chat service ×6]', 'Chat -->|stream tokens via SSE| U', 'Chat --> DB[(History · Cassandra)]'),
      ['LB'],
    ],
    ['a response arrow to a client the balancer already serves', fc('U([Users]) --> LB[Nginx]', 'LB --> App[App ×3]', 'App -->|response| U', 'App --> DB[(Orders · DynamoDB)]'), ['LB']],
    // a server only an answer connects to the client is still where the client's requests go
    ['a server the client reaches only through its answers', fc('U([Users]) --> LB[Nginx ×2]', 'LB --> App[App ×3]', 'App --> DB[(Orders · DynamoDB)]', 'WS[Presence server] -->|status| U'), ['WS']],
    // a push server fed by a queue holds the client's connection: the queue is no request path to it
    ['a push server fed from a topic holds the client connection', fc('U([Client]) --> GW[Gateway ×2]', 'GW --> Msg[Messages ×3]', 'Msg --> K[(Kafka)]', 'K --> Conn[Connection server]', 'Conn -->|websocket| U'), ['Conn']],
  ] as const)('%s', async (_name, text, expected) => {
    expect(await onRequests(text)).toEqual([...expected]);
  });
});
