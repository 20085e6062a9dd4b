import type { ArchNode } from '../model/types';
import { synchronousPath } from '../graph/syncPath';
import { anyPhraseTest, toWords } from '../model/text';
import { finding, matching, named, namedList, severityForNeed, hasFlag } from './finding';
import type { Finding, Rule } from './types';

const HOLDS_REQUESTS = /\b(?:(?:virtual\s+)?waiting[\s-]rooms?|virtual[\s-]queues?|queue[\s-]?it|admission\s+(?:control|tokens?|queue))\b/i;
const RULE = 'async-processing';
const MESSAGING = new Set(['queue', 'stream']);
const ENTRY_TIER = new Set(['dns', 'cdn', 'load_balancer', 'api_gateway']);

/** Slow or fan-out work leaves the request path through a queue or stream, with its delivery guarantee stated. */
export const asyncProcessing: Rule = (graph, params) => {
  const { async: need } = params.rubric;
  if (need.need === 'none') return [];
  const findings: Finding[] = [];
  const brokers = graph.nodes.filter((n) => MESSAGING.has(n.kind));
  if (brokers.length === 0) {
    findings.push(
      finding(RULE, severityForNeed(need.need), [], 'queues-and-streams', {
        message: 'No queue or stream: slow and fan-out work runs inside the request.',
        why: 'Work such as fan-out, transcoding or notifications takes seconds and fails independently; doing it synchronously makes requests slow and fragile.',
        fix: 'Publish a job or event and let workers consume it: `App -->|publish| Q[[Queue]] --> W[Workers ×N]`.',
      }),
    );
  }
  const syncPath = synchronousPath(graph);
  // Work done in front of the entry tier (a waiting room admitting users to the balancer) holds
  // requests outside the system, which is what a queue in front would do.
  const frontsEntry = (n: ArchNode): boolean => graph.outgoing(n.id).some((e) => ENTRY_TIER.has(graph.node(e.to)?.kind ?? 'other'));
  // A waiting room or virtual queue is itself where requests wait, admitted at a set rate: the queue.
  const holdsRequests = (n: ArchNode): boolean => HOLDS_REQUESTS.test(n.label);
  const fedByBroker = (n: ArchNode): boolean =>
    graph.incoming(n.id).some((e) => MESSAGING.has(graph.node(e.from)?.kind ?? 'other')) ||
    graph.outgoing(n.id).some((e) => MESSAGING.has(graph.node(e.to)?.kind ?? 'other') && e.meaning !== 'async_publish') ||
    !syncPath.has(n.id) ||
    frontsEntry(n) ||
    holdsRequests(n);
  const compute = graph.nodes.filter((n) => n.kind === 'worker' || n.kind === 'service' || n.kind === 'web_server');
  for (const work of need.work) {
    const namesWork = anyPhraseTest(work.match);
    // A queue named for the work, or an arrow into it that names it ("admission queue, priority
    // by plan"), names what its consumers do.
    const carriesWork = (broker: ArchNode): boolean =>
      namesWork(graph.matchWords(broker)) || graph.incoming(broker.id).some((e) => namesWork(toWords(e.label ?? '')));
    const consumesWork = (n: ArchNode): boolean =>
      graph.incoming(n.id).some((e) => {
        const from = graph.node(e.from);
        return from !== undefined && MESSAGING.has(from.kind) && carriesWork(from);
      });
    // So does a third party named for it that a worker hands the work to ("Delivery workers --> APNs / FCM").
    const handsToProvider = (n: ArchNode): boolean => graph.outgoing(n.id).some((e) => graph.node(e.to)?.kind === 'external' && namesWork(graph.matchWords(graph.node(e.to) as ArchNode)));
    const doers = [...new Set([...matching(graph, compute, work.match), ...compute.filter((n) => consumesWork(n) || handsToProvider(n))])];
    if (doers.length === 0) {
      findings.push(
        finding(RULE, 'minor', [], 'queues-and-streams', {
          message: `Not shown: ${work.id.replace(/[-_]/g, ' ')}; no worker or service is named for it.`,
          why: work.reason,
          fix: `Add a worker for it fed by a queue or stream, e.g. \`Q[[Queue]] --> W[${work.match[0] ?? 'Work'} worker]\`.`,
        }),
      );
      continue;
    }
    const inline = doers.filter((n) => !fedByBroker(n));
    if (inline.length > 0 && !doers.some(fedByBroker)) {
      findings.push(
        finding(RULE, 'major', inline.map((n) => n.id), 'queues-and-streams', {
          message: `${namedList(inline)} does ${work.id.replace(/[-_]/g, ' ')} synchronously, with no queue or stream in front.`,
          why: work.reason,
          fix: `Put a queue or stream between the request path and ${inline.map((n) => `\`${n.id}\``).join(', ')}, e.g. \`App -->|publish| Q[[Queue]] --> ${inline[0]?.id ?? 'W'}\`.`,
        }),
      );
    }
  }
  const unstated = brokers.filter((b) => !hasFlag(b, 'delivery_guarantee'));
  if (unstated.length > 0 && !brokers.some((b) => hasFlag(b, 'delivery_guarantee'))) {
    findings.push(
      finding(RULE, 'info', unstated.map((n) => n.id), 'idempotency', {
        message: `No delivery guarantee noted for ${unstated.map(named).join(', ')}.`,
        why: 'Queues deliver at least once in practice: a consumer that crashes mid-job gets the message again, so handlers must be idempotent and poison messages need a dead-letter queue.',
        fix: 'Note the guarantee, e.g. `Q[[Queue · at-least-once · DLQ]]`, and make the consumer idempotent.',
      }),
    );
  }
  return findings;
};
