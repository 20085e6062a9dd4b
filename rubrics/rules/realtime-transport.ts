import type { AnnotationFlag, ArchNode } from '../model/types';
import type { RealtimeTransport } from '../vocabulary';
import { finding, namedList } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'realtime-transport';
const FLAG_OF: Readonly<Record<RealtimeTransport, AnnotationFlag>> = {
  websocket: 'websocket',
  sse: 'sse',
  long_polling: 'long_polling',
  short_polling: 'short_polling',
};
const NAME_OF: Readonly<Record<RealtimeTransport, string>> = {
  websocket: 'WebSocket',
  sse: 'server-sent events',
  long_polling: 'long polling',
  short_polling: 'short polling',
};
const TRANSPORTS = Object.keys(FLAG_OF) as RealtimeTransport[];
const TRANSPORT_OF: ReadonlyMap<AnnotationFlag, RealtimeTransport> = new Map(TRANSPORTS.map((t) => [FLAG_OF[t], t]));

/** The transports the diagram states, in TRANSPORTS order, each with the nodes that state it. */
function transportsUsed(nodes: readonly ArchNode[]): Array<{ t: RealtimeTransport; nodes: ArchNode[] }> {
  const byTransport = new Map<RealtimeTransport, ArchNode[]>();
  for (const node of nodes) {
    for (const flag of node.annotations.flags) {
      const t = TRANSPORT_OF.get(flag);
      if (t === undefined) continue;
      const list = byTransport.get(t);
      if (list === undefined) byTransport.set(t, [node]);
      else list.push(node);
    }
  }
  return TRANSPORTS.flatMap((t) => {
    const users = byTransport.get(t);
    return users === undefined ? [] : [{ t, nodes: users }];
  });
}

/** Push or streaming needs a server-push transport the prompt accepts. */
export const realtimeTransport: Rule = (graph, params) => {
  const { realtime } = params.rubric;
  if (realtime.need === 'none') return [];
  const accepted = realtime.accept.length > 0 ? realtime.accept : (['websocket', 'sse', 'long_polling'] as RealtimeTransport[]);
  const acceptedNames = accepted.map((t) => NAME_OF[t]).join(', ');
  const used = transportsUsed(graph.nodes);
  const why = realtime.reason || (realtime.need === 'push' ? 'Updates must reach clients as they happen, without the client asking.' : 'Output is produced incrementally and must reach the client as it is generated.');
  if (used.length === 0) {
    return [
      finding(RULE, 'critical', [], 'realtime-transport', {
        message: `No real-time transport shown: how does the server ${realtime.need === 'push' ? 'push updates' : 'stream output'} to the client?`,
        why,
        fix: `Label the client connection with the transport, e.g. \`Client <-->|WebSocket| Gateway\`; acceptable here: ${acceptedNames}.`,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (!used.some((u) => accepted.includes(u.t))) {
    const nodes = used.flatMap((u) => u.nodes);
    findings.push(
      finding(RULE, 'major', nodes.map((n) => n.id), 'realtime-transport', {
        message: `${used.map((u) => NAME_OF[u.t]).join(' and ')} (on ${namedList(nodes)}) does not fit this prompt.`,
        why,
        fix: `Use ${acceptedNames}.`,
      }),
    );
  }
  return findings;
};
