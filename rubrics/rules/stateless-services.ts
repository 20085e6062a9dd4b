import type { ArchNode } from '../model/types';
import { finding, hasFlag, matching, namedList } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'stateless-services';
const SERVING = new Set(['service', 'web_server', 'load_balancer', 'api_gateway']);
const DURABLE = new Set(['database']);

/**
 * Service instances keep no session state of their own. Session affinity (sticky sessions) is
 * a mistake unless the prompt allows it for some services, and then only when those services
 * also persist their state in a durable store.
 */
export const statelessServices: Rule = (graph, params) => {
  const { sessions } = params.rubric;
  const findings: Finding[] = [];
  const serving = graph.nodes.filter((n) => SERVING.has(n.kind));
  const inMemory = serving.filter((n) => hasFlag(n, 'in_memory_state') && !hasFlag(n, 'stateless'));
  const sticky = serving.filter((n) => hasFlag(n, 'sticky'));

  if (sessions.sticky === 'forbidden') {
    if (sticky.length > 0) {
      findings.push(
        finding(RULE, 'major', sticky.map((n) => n.id), 'stateless-services', {
          message: `Sticky sessions on ${namedList(sticky)}.`,
          why: 'Pinning users to one instance makes load uneven, and when that instance dies its users lose their session; scaling in or deploying becomes disruptive.',
          fix: 'Keep services stateless: move session data to a shared store (e.g. `Sessions[(Redis)]`) and balance requests freely.',
        }),
      );
    }
  } else {
    const allowed = sessions.match.length > 0 ? matching(graph, serving, sessions.match) : serving;
    const allowedIds = new Set(allowed.map((n) => n.id as string));
    const stickyServices = graph.nodes.filter(
      (n) => (n.kind === 'service' || n.kind === 'web_server') && (hasFlag(n, 'sticky') || sticky.some((s) => s.kind !== 'service' && graph.neighbours(s.id).some((m) => m.id === n.id))),
    );
    const outsideAllowance = sticky.filter((n) => !allowedIds.has(n.id) && (n.kind === 'service' || n.kind === 'web_server'));
    if (outsideAllowance.length > 0) {
      findings.push(
        finding(RULE, 'major', outsideAllowance.map((n) => n.id), 'stateless-services', {
          message: `Sticky sessions on ${namedList(outsideAllowance)}, which should be stateless.`,
          why: 'Only the services holding live conversational state benefit from affinity; everything else should balance freely.',
          fix: 'Remove session affinity from these services and keep their state in a shared store.',
        }),
      );
    }
    const withoutStore = stickyServices.filter((n) => allowedIds.has(n.id) && !persists(n, graph));
    if (withoutStore.length > 0) {
      findings.push(
        finding(RULE, 'major', withoutStore.map((n) => n.id), 'stateless-services', {
          message: `${namedList(withoutStore)} relies on session affinity but keeps no durable copy of the conversation.`,
          why: sessions.reason || 'Affinity is only a performance optimisation: when the pinned instance dies, the session must be rebuilt from a durable store.',
          fix: `Persist each turn to a durable store, e.g. \`${withoutStore[0]?.id ?? 'Chat'} -->|append turns| Conv[(Conversation store · Postgres)]\`.`,
        }),
      );
    }
  }
  if (inMemory.length > 0) {
    findings.push(
      finding(RULE, 'major', inMemory.map((n) => n.id), 'stateless-services', {
        message: `${namedList(inMemory)} keeps state (sessions, counters, conversations) in its own memory.`,
        why: 'State held in one instance is lost when it restarts and is invisible to the other instances, so requests must be pinned and failures lose data.',
        fix: 'Keep state in a shared store (cache or database) and make the instances interchangeable.',
      }),
    );
  }
  return findings;
};

/** What carries a turn along the flow between services: the services, workers and brokers themselves. */
const CARRIES = new Set(['service', 'web_server', 'api_gateway', 'worker', 'queue', 'stream']);

/**
 * Whether the turns the pinned node serves are kept durably: it writes a database itself, or a
 * service on the flow that hands it its requests, or takes them from it, does ("Chat service -->
 * Conversations DB" with "Chat --> queue --> GPU router · affinity"): the conversation survives
 * the pinned instance either way.
 */
function persists(node: ArchNode, graph: Parameters<Rule>[0]): boolean {
  const writesStore = (id: string): boolean => graph.neighbours(id).some((m) => DURABLE.has(m.kind));
  if (writesStore(node.id)) return true;
  for (const step of [(id: string) => graph.incoming(id).map((e) => e.from), (id: string) => graph.outgoing(id).map((e) => e.to)]) {
    const seen = new Set<string>([node.id]);
    const frontier: string[] = [node.id];
    while (frontier.length > 0) {
      const id = frontier.pop() as string;
      for (const next of step(id)) {
        if (seen.has(next) || !CARRIES.has(graph.node(next)?.kind ?? 'other')) continue;
        if (writesStore(next)) return true;
        seen.add(next);
        frontier.push(next);
      }
    }
  }
  return false;
}
