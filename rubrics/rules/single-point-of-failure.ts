import { singlePointsOfFailure } from '../graph/spof';
import { finding, named } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'single-point-of-failure';

/** Non-redundant nodes on every request path to some data, and data kept in a single copy. */
export const singlePointOfFailure: Rule = (graph) =>
  singlePointsOfFailure(graph).map((spof): Finding => {
    const { node } = spof;
    if (spof.reason === 'on-path') {
      const cutOff = spof.cutOff.filter((id) => id !== node.id);
      const cut = cutOff.length > 0 ? `every request path to ${cutOff.map((id) => `\`${id}\``).join(', ')} goes through` : 'requests need';
      return finding(RULE, 'critical', [node.id], 'single-point-of-failure', {
        message: `${named(node)} is a single point of failure: ${cut} this one instance.`,
        why: 'A box stands for one instance unless the diagram says otherwise. When that instance crashes, is redeployed or loses its host, every request that needs the data behind it fails.',
        fix: `Run several instances (e.g. \`${node.id}[${node.label} ×3]\`) behind a load balancer, use a managed redundant service, or draw a second path / failover pair.`,
      });
    }
    if (spof.reason === 'off-path') {
      return finding(RULE, 'minor', [node.id], 'single-point-of-failure', {
        message: `${named(node)} is the only copy of its data, though no request waits on it.`,
        why: 'Nothing on the request path needs it, so its failure does not stop users; but whatever it holds is lost with its disk.',
        fix: 'Keep a replica or backups, or use a managed store, if its data cannot be rebuilt.',
      });
    }
    const isDatabase = node.kind === 'database' || node.kind === 'cache';
    return finding(RULE, isDatabase ? 'critical' : 'major', [node.id], 'single-point-of-failure', {
      message: `${named(node)} is the only copy of its data: a single instance with no replica or standby.`,
      why: 'If this one machine fails, the data it holds is unavailable until it is repaired, and lost if its disk is lost.',
      fix: isDatabase
        ? `Add a replica with automatic failover (e.g. \`${node.id} -. replicates .-> ${node.id}R[(Replica)]\`), run it as a cluster (\`×3\`), or use a managed multi-AZ store.`
        : `Use a managed redundant service (e.g. S3) or show several instances / a replica.`,
    });
  });
