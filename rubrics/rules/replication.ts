import { isMultiple } from '../model/instances';
import type { ArchNode, ArchitectureGraph } from '../model/types';
import { isLocalCache, replicasOf } from '../graph/redundancy';
import { singlePointsOfFailure } from '../graph/spof';
import { anyFlag, entityCaches, finding, hasFlag, named, namedList, reportedSinglePoints, severityForNeed } from './finding';
import type { GradingParams } from '../params';
import type { Finding, Rule } from './types';

const RULE = 'replication';

const isReplicaCache = (n: ArchNode, graph: ArchitectureGraph): boolean =>
  graph.incoming(n.id).some((e) => e.meaning === 'replication' && graph.node(e.from)?.kind === 'cache');

/** Databases that are not replicas, plus the caches the prompt's entities live in. */
const primaries = (graph: ArchitectureGraph, params: GradingParams): ArchNode[] => [
  ...graph.ofKind('database').filter((n) => n.kind === 'database' && n.role !== 'replica' && !n.redundantByDefault),
  ...entityCaches(graph, params).filter((n) => !n.redundantByDefault && !isReplicaCache(n, graph)),
];

/** `replicasOf`, worked out once per node for one run of the rule. */
function replicaLookup(graph: ArchitectureGraph): (node: ArchNode) => readonly ArchNode[] {
  const known = new Map<ArchNode, readonly ArchNode[]>();
  return (node) => {
    let replicas = known.get(node);
    if (replicas === undefined) {
      replicas = replicasOf(node, graph);
      known.set(node, replicas);
    }
    return replicas;
  };
}

/** Every piece of the replication story the prompt needs: replicas, promotion, lag, sync, regions. */
export const replication: Rule = (graph, params) => {
  const { replication: need, readHeavy } = params.rubric;
  if (need.need === 'none') return [];
  const findings: Finding[] = [];
  const dbs = primaries(graph, params);
  const replicas = replicaLookup(graph);
  // A failover noted on the store ("Postgres · auto failover", "with standby") is a standby it fails over to.
  const replicated = (node: ArchNode): boolean =>
    replicas(node).length > 0 || isMultiple(node.instances) || hasFlag(node, 'multi_az') || hasFlag(node, 'failover') || isLocalCache(node, graph);
  const reported = reportedSinglePoints(graph, params);
  const unreplicated = dbs.filter((n) => !replicated(n) && !reported.has(n.id));
  // A store no request reaches (an analytics store fed from a queue) costs no user a request when it fails.
  const offPath = unreplicated.length === 0 ? new Set<string>() : new Set(singlePointsOfFailure(graph).filter((s) => s.reason === 'off-path').map((s) => s.node.id as string));
  for (const db of unreplicated) {
    findings.push(
      finding(RULE, offPath.has(db.id) ? 'minor' : severityForNeed(need.need), [db.id], 'replication', {
        message: `${named(db)} has no replica.`,
        why: 'With a single copy, a disk or host failure means downtime and possibly lost data; replicas also carry read traffic.',
        fix: `Add a replica: \`${db.id} -. replicates .-> ${db.id}R[(Replica)]\`, with automatic failover.`,
      }),
    );
  }
  const pairs = dbs.filter((n) => replicas(n).length > 0);
  const pairNodes = (n: ArchNode): ArchNode[] => [n, ...replicas(n)];
  const noFailover = pairs.filter((n) => !pairNodes(n).some((m) => hasFlag(m, 'failover')) && !hasFlag(n, 'multi_az'));
  if (noFailover.length > 0) {
    findings.push(
      finding(RULE, 'minor', noFailover.map((n) => n.id), 'replication', {
        message: `No failover noted for ${namedList(noFailover)}: how does a replica become the primary?`,
        why: 'A replica only protects availability if it is promoted when the primary dies, automatically and without two primaries accepting writes.',
        fix: 'Note the promotion, e.g. `P -. replicates · auto failover .-> R` or `(Patroni / RDS Multi-AZ)`.',
      }),
    );
  }
  const readReplicas = pairs.filter((n) =>
    replicas(n).some((r) => graph.neighbours(r.id).some((x) => x.kind !== 'database' && x.kind !== 'cache' && x.kind !== 'monitoring')),
  );
  const lagUnstated = readReplicas.filter((n) => !pairNodes(n).some((m) => hasFlag(m, 'replica_lag')) && !hasFlag(n, 'sync_replication'));
  if (lagUnstated.length > 0) {
    findings.push(
      finding(RULE, readHeavy ? 'minor' : 'info', lagUnstated.map((n) => n.id), 'replication', {
        message: `Reads go to replicas of ${namedList(lagUnstated)} but replica lag is not addressed.`,
        why: 'Asynchronous replicas trail the primary; a user who just wrote may read the old value from a replica (no read-after-write consistency).',
        fix: 'Note how lag is handled, e.g. read your own writes from the primary: `App -->|read-after-write from primary| P`.',
      }),
    );
  }
  if (need.synchronous && pairs.length > 0) {
    const asyncPairs = pairs.filter((n) => !pairNodes(n).some((m) => hasFlag(m, 'sync_replication')));
    if (asyncPairs.length > 0) {
      findings.push(
        finding(RULE, 'major', asyncPairs.map((n) => n.id), 'replication', {
          message: `Replication of ${namedList(asyncPairs)} is not synchronous, but this system may not lose acknowledged writes.`,
          why: 'With asynchronous replication the primary acknowledges a write before any replica has it; if the primary dies, those writes are gone (RPO > 0).',
          fix: 'Replicate synchronously (or to a quorum) before acknowledging: `P -. sync replication .-> R` or a consensus store (Raft/Paxos).',
        }),
      );
    }
  }
  // One subgraph called "us-east-1 region" is one region: a second one has to be drawn.
  if (need.multiRegion && !anyFlag(graph, 'multi_region') && graph.subgraphs.filter((s) => /region/i.test(s.title)).length < 2) {
    findings.push(
      finding(RULE, 'major', dbs.map((n) => n.id), 'multi-region', {
        message: 'Everything runs in one region.',
        why: 'This system must survive the loss of a whole region (or serve users worldwide with low latency), which needs data replicated to another region.',
        fix: 'Show a second region with replicated data, e.g. subgraphs `Region A` / `Region B` and `DB -. cross-region replication .-> DB2`.',
      }),
    );
  }
  return findings;
};
