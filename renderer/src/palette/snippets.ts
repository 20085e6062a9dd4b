/**
 * The component palette: each entry is a Mermaid snippet the grader classifies as the named
 * component (tests/renderer/palette/snippets.test.ts grades every one). In a template `$` is the
 * node id (a fresh one is chosen on insertion) and «…» marks the label selected for typing.
 */
export interface PaletteEntry {
  readonly key: string;
  readonly title: string;
  /** The id a first insertion uses; later ones add 2, 3, … */
  readonly baseId: string;
  readonly template: string;
}

export const PALETTE: readonly PaletteEntry[] = [
  { key: 'client', title: 'Client', baseId: 'Client', template: '$([«Mobile app»])' },
  { key: 'dns', title: 'DNS', baseId: 'DNS', template: '$[«DNS» · Route 53]' },
  { key: 'cdn', title: 'CDN', baseId: 'CDN', template: '$[«CDN» · CloudFront]' },
  { key: 'lb-managed', title: 'Load balancer (managed)', baseId: 'LB', template: '$[«Load balancer» · ALB]' },
  { key: 'lb-pair', title: 'Load balancer (pair)', baseId: 'LB', template: '$[«Load balancer» pair · HAProxy active-passive]' },
  { key: 'api-gateway', title: 'API gateway', baseId: 'Gateway', template: '$[«API gateway» ×2]' },
  { key: 'service', title: 'Service ×N', baseId: 'Svc', template: '$[«App service» ×3 · stateless]' },
  { key: 'worker-pool', title: 'Worker pool', baseId: 'Workers', template: '$[«Worker» pool ×4]' },
  { key: 'cache', title: 'Cache cluster', baseId: 'Cache', template: '$[(«Cache» · Redis cluster · TTL 5m)]' },
  {
    key: 'sql-replicated',
    title: 'SQL primary + replica',
    baseId: 'DB',
    template: '$[(«Primary DB» · Postgres)]\n$ -. replicates · auto failover .-> $Replica[(Replica · Postgres)]',
  },
  { key: 'nosql', title: 'NoSQL cluster (shard key)', baseId: 'NoSQL', template: '$[(«Data» · Cassandra · shard: user_id)]' },
  { key: 'object-storage', title: 'Object storage', baseId: 'Blobs', template: '$[(«Media» · S3)]' },
  { key: 'queue', title: 'Queue', baseId: 'Queue', template: '$[[«Jobs» queue · SQS · DLQ]]' },
  { key: 'stream', title: 'Stream', baseId: 'Stream', template: '$[[«Events» stream · Kafka]]' },
  { key: 'search', title: 'Search index', baseId: 'Search', template: '$[(«Search index» · Elasticsearch)]' },
  { key: 'websocket', title: 'WebSocket gateway', baseId: 'WS', template: '$[«WebSocket gateway» ×2]' },
  { key: 'monitoring', title: 'Monitoring', baseId: 'Mon', template: '$[«Monitoring» · Prometheus + Grafana]' },
];

const escape = (id: string): string => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `id` is already a node id (or an id prefix used with a suffix such as `Replica`) in `text`. */
function taken(text: string, id: string): boolean {
  return new RegExp(`(?:^|[^\\w-])${escape(id)}(?:Replica)?(?![\\w-])`, 'm').test(text);
}

/** `base`, else `base2`, `base3`, … : the first id not used in `text`. */
export function freshId(text: string, base: string): string {
  if (!taken(text, base)) return base;
  for (let n = 2; ; n++) if (!taken(text, `${base}${n}`)) return `${base}${n}`;
}

export interface Snippet {
  readonly id: string;
  readonly text: string;
  /** The label to select for typing, as offsets in `text`. */
  readonly select: { readonly from: number; readonly to: number };
}

/** The entry's snippet with a fresh id for `text`, indented like the lines of a flowchart. */
export function buildSnippet(entry: PaletteEntry, text: string): Snippet {
  const id = freshId(text, entry.baseId);
  const filled = entry.template
    .split('\n')
    .map((line) => `  ${line.replace(/\$/g, id)}`)
    .join('\n');
  const from = filled.indexOf('«');
  const to = filled.indexOf('»') - 1;
  return { id, text: filled.replace('«', '').replace('»', ''), select: { from, to } };
}
