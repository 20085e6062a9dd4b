/**
 * Deterministic generator of realistic architecture flowcharts (clients, edge tier, services,
 * caches, databases with replicas, queues and workers, subgraphs, labels with technologies and
 * instance counts). Shared by the benchmarks and the property tests.
 */

export type Random = () => number;

/** Small seeded PRNG (mulberry32): the same seed gives the same diagram. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const SERVICE_NAMES = ['Feed', 'User', 'Post', 'Search', 'Order', 'Payment', 'Media', 'Chat', 'Profile', 'Catalog', 'Checkout', 'Notification', 'Timeline', 'Upload'];
const DB_TECH = ['Postgres', 'MySQL', 'MongoDB', 'Cassandra', 'DynamoDB'];
const CACHE_TECH = ['Redis', 'Memcached', 'Redis cluster'];
const QUEUE_TECH = ['Kafka', 'SQS', 'RabbitMQ'];
const COUNTS = ['', ' ×3', ' x2', ' ×4', ' · auto-scaling group', ''];

interface Emitted {
  readonly lines: string[];
  count: number;
}

/** A flowchart with exactly `nodeCount` nodes (minimum 6). */
export function generateDiagram(nodeCount: number, seed = 1): string {
  const random = seededRandom(seed);
  const out: Emitted = { lines: ['flowchart LR'], count: 0 };
  const node = (id: string, text: string): string => {
    out.count++;
    return `${id}${text}`;
  };
  out.lines.push(`  ${node('U', '([Users])')} --> ${node('DNS', '[DNS · Route 53]')}`);
  out.lines.push(`  U --> ${node('LB', '[Load balancer · ALB · health checks]')}`);
  out.lines.push(`  ${node('Mon', '[Metrics and logs · Prometheus]')}`);
  let group = 0;
  while (out.count < nodeCount) {
    const remaining = nodeCount - out.count;
    const name = `${pick(random, SERVICE_NAMES)}${group}`;
    const svc = `S${group}`;
    out.lines.push(`  subgraph G${group} ["${name} domain"]`);
    out.lines.push(`    ${node(svc, `[${name} service${pick(random, COUNTS)}]`)}`);
    out.lines.push('  end');
    out.lines.push(`  LB --> ${svc}`, `  ${svc} -.->|metrics| Mon`);
    const parts = [
      () => {
        const db = `D${group}`;
        out.lines.push(`  ${svc} -->|writes| ${node(db, `[(${name} DB · ${pick(random, DB_TECH)} · shard: user_id)]`)}`);
        if (out.count < nodeCount) out.lines.push(`  ${db} -. replicates .-> ${node(`R${group}`, '[(Read replica)]')}`, `  ${svc} -->|reads| R${group}`);
      },
      () => out.lines.push(`  ${svc} --> ${node(`C${group}`, `[(${name} cache · ${pick(random, CACHE_TECH)} · TTL 60s)]:::cache`)}`),
      () => {
        const q = `Q${group}`;
        out.lines.push(`  ${svc} -->|publish| ${node(q, `[[${name} events · ${pick(random, QUEUE_TECH)}]]`)}`);
        if (out.count < nodeCount) out.lines.push(`  ${q} --> ${node(`W${group}`, `[${name} workers ×4]`)}`);
      },
    ];
    for (const part of parts) if (out.count < nodeCount && remaining > 1) part();
    group++;
  }
  return out.lines.join('\n') + '\n';
}
