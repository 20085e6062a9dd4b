import type { ArchNode } from '../model/types';
import { isMultiple } from '../model/instances';
import { isStaff } from '../graph/flow';
import { isRedundant } from '../graph/redundancy';
import { finding, hasFlag, named, namedList, reportedSinglePoints } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'load-balancing';
const SERVING = new Set(['service', 'web_server', 'api_gateway']);
const BALANCERS = new Set(['load_balancer', 'api_gateway']);
/** "App ×4 · behind ALB": the label says a balancer fronts the tier, though it is not drawn. */
const BEHIND_BALANCER = /\bbehind\s+(?:an?\s+|the\s+)?(?:alb|elb|nlb|load[\s-]?balancers?|lb|haproxy|nginx|envoy|traefik|api\s+gateway)\b/i;

/**
 * Traffic to a service tier must go through a balancer: multiple instances reached directly by
 * clients, no balancer at all in front of the service tier, a balancer that is itself one
 * instance, and a balancer with no health checks stated.
 */
export const loadBalancing: Rule = (graph, params) => {
  const findings: Finding[] = [];
  // Staff tools calling a service (operators feeding scores, an admin console) are not the user traffic a balancer spreads.
  const clients = graph.ofKind('client', 'dns', 'cdn').filter((n) => !isStaff(n));
  const balancers = graph.ofKind('load_balancer', 'api_gateway');
  const services = graph.nodes.filter((n) => SERVING.has(n.kind));
  if (services.length === 0) return findings;

  // Services reached straight from clients (no balancer between), unless their label puts one in front.
  const direct = new Map<string, ArchNode>();
  for (const client of clients) {
    for (const edge of graph.outgoing(client.id)) {
      const target = graph.node(edge.to);
      if (target && (target.kind === 'service' || target.kind === 'web_server') && !BEHIND_BALANCER.test(target.label)) direct.set(target.id, target);
    }
  }
  const directMulti = [...direct.values()].filter((n) => isMultiple(n.instances));
  if (directMulti.length > 0 || direct.size > 1) {
    const nodes = directMulti.length > 0 ? directMulti : [...direct.values()];
    findings.push(
      finding(RULE, 'major', nodes.map((n) => n.id), 'load-balancing', {
        message: `Clients call ${namedList(nodes)} directly: several instances with no load balancer in front.`,
        why: 'Without a balancer, clients must know every instance address; traffic is spread unevenly and a failed instance keeps receiving requests.',
        fix: 'Put a load balancer between the clients and the service tier, e.g. `Client --> LB[Load Balancer] --> App[App ×3]`.',
      }),
    );
  } else if (balancers.length === 0 && direct.size > 0) {
    const nodes = [...direct.values()];
    findings.push(
      finding(RULE, 'major', nodes.map((n) => n.id), 'scaling', {
        message: `No load balancer: clients reach ${namedList(nodes)} directly, so the tier cannot scale out.`,
        why: 'A single entry address pinned to one server caps throughput at that server and turns every deploy or crash into an outage.',
        fix: 'Add a load balancer in front of the service and run several instances: `Client --> LB[Load Balancer] --> App[App ×3]`.',
      }),
    );
  }

  const reported = reportedSinglePoints(graph, params);
  for (const lb of graph.ofKind('load_balancer')) {
    if (!isRedundant(lb, graph) && !reported.has(lb.id)) {
      findings.push(
        finding(RULE, 'major', [lb.id], 'single-point-of-failure', {
          message: `${named(lb)} is one instance: the balancer itself is a single point of failure.`,
          why: 'Every request enters through the balancer; if its only instance fails, the healthy servers behind it are unreachable.',
          fix: `Use a managed load balancer (e.g. ALB) or an active-passive pair with a floating IP: \`${lb.id}[Load Balancer ×2 · active-passive]\`.`,
        }),
      );
    }
  }
  const unchecked = balancers.filter((b) => b.kind === 'load_balancer' && !hasFlag(b, 'health_check'));
  if (unchecked.length > 0 && !graph.nodes.some((n) => BALANCERS.has(n.kind) && hasFlag(n, 'health_check'))) {
    findings.push(
      finding(RULE, 'info', unchecked.map((n) => n.id), 'load-balancing', {
        message: `No health checks noted on ${namedList(unchecked)}.`,
        why: 'A balancer only routes around a crashed or hung instance if it probes the instances; otherwise a share of requests keeps failing.',
        fix: `Note the health check on the balancer or its edges, e.g. \`${unchecked[0]?.id ?? 'LB'} -->|health checks /healthz| App\`.`,
      }),
    );
  }
  return findings;
};
