import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from '../../../rubrics/parse/node/index';
import { fc, findingsOf, paramsFor } from '../helpers';

beforeAll(async () => {
  await loadMermaid();
});

describe('async-processing', () => {
  const work = [{ id: 'fan-out', match: ['fanout', 'fan-out'], reason: 'Fan-out to millions of followers takes minutes.' }];
  const required = paramsFor('async-processing', { async: { need: 'required', work } });
  const recommended = paramsFor('async-processing', { async: { need: 'recommended', work: [] } });
  const none = paramsFor('async-processing');
  const waitingRoom = paramsFor('async-processing', { async: { need: 'required', work: [{ id: 'waiting-room', match: ['waiting', 'admission'], reason: 'Fans wait outside the booking flow.' }] } });
  const cases = [
    ['queue with fan-out workers and a guarantee', fc('U([Users]) --> App[App ×3]', 'App -->|publish| Q[[Posts · SQS · at-least-once]]', 'Q --> W[Fan-out workers ×10]'), required, []],
    ['guarantee not noted is info', fc('U([Users]) --> App[App ×3]', 'App -->|publish| Q[[Posts · SQS]]', 'Q --> W[Fan-out workers ×10]'), required, ['info:Q']],
    ['fan-out called inline', fc('U([Users]) --> App[App ×3]', 'App --> F[Fan-out service ×4]', 'App --> Q[[Audit · SQS · DLQ]]'), required, ['major:F']],
    ['no queue at all, required', fc('U([Users]) --> App[App ×3]', 'App --> F[Fan-out service ×4]'), required, ['critical:', 'major:F']],
    ['no queue, recommended', fc('U([Users]) --> App[App ×3]'), recommended, ['minor:']],
    ['work not shown', fc('U([Users]) --> App[App ×3]', 'App --> Q[[Events · Kafka · at-least-once]]', 'Q --> W[Mailer ×2]'), required, ['minor:']],
    ['a batch job fed from a store is off the request path', fc('U([Users]) --> App[App ×3]', 'App --> Q[[Log · Kafka · acks]]', 'Q --> L[(Log store · Cassandra)]', 'L --> F[Hourly fan-out job ×2]'), required, []],
    ['need none: silent', fc('U([Users]) --> App[App ×3]', 'App --> F[Fan-out ×4]'), none, []],
    ['consumers of a queue named for the work do it', fc('U([Users]) --> App[App ×3]', 'App -->|publish| Q[[Fan-out jobs · SQS · at-least-once]]', 'Q --> W[Workers ×10]'), required, []],
    ['consumers of a queue the arrow into it names for the work do it', fc('U([Users]) --> App[App ×3]', 'App -->|fan-out jobs| Q[[SQS · at-least-once]]', 'Q --> W[Workers ×10]'), required, []],
    ['a worker handing the work to a provider named for it does it', fc('U([Users]) --> App[App ×3]', 'App -->|publish| Q[[Events · SQS · at-least-once]]', 'Q --> W[Delivery workers ×10]', 'W --> P[Fan-out provider]:::external'), required, []],
    ['a worker calling an unrelated provider does not', fc('U([Users]) --> App[App ×3]', 'App -->|publish| Q[[Events · SQS · at-least-once]]', 'Q --> W[Delivery workers ×10]', 'W --> P[Email provider]:::external'), required, ['minor:']],
    ['consumers of an unrelated queue do not', fc('U([Users]) --> App[App ×3]', 'App -->|audit| Q[[SQS · at-least-once]]', 'Q --> W[Workers ×10]'), required, ['minor:']],
    ['admission in front of the balancer holds users outside the system', fc('U([Fans]) --> WR[Waiting room / virtual queue ×4]', 'WR --> LB[ALB]', 'LB --> App[App ×3]', 'App --> Q[[Tickets · SQS · at-least-once]]'), waitingRoom, []],
    // a waiting room is itself where fans wait, admitted at a set rate, wherever it is drawn
    ['a waiting room behind the balancer is the queue', fc('U([Fans]) --> LB[ALB]', 'LB --> WR[Waiting room ×4 · admission tokens, bot check]', 'WR --> App[App ×3]', 'App --> Q[[Tickets · SQS · at-least-once]]'), waitingRoom, []],
    ['an admission service behind the balancer, not said to hold anyone, is inline', fc('U([Fans]) --> LB[ALB]', 'LB --> WR[Admission service ×4]', 'WR --> App[App ×3]', 'App --> Q[[Tickets · SQS · at-least-once]]'), waitingRoom, ['major:WR']],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('stateless-services', () => {
  const forbidden = paramsFor('stateless-services');
  const chat = paramsFor('stateless-services', {
    sessions: { sticky: 'allowed-with-durable-store', match: ['chat', 'inference'], reason: 'The KV cache lives on the GPU host.' },
  });
  const cases = [
    ['stateless pool', fc('LB[ALB] --> App[App ×3 · stateless]', 'App --> S[(Sessions · Redis cluster)]'), forbidden, []],
    ['sticky sessions on the balancer', fc('LB[ALB · sticky sessions] --> App[App ×3]'), forbidden, ['major:LB']],
    ['session affinity on an edge', fc('LB[ALB] -->|session affinity| App[App ×3]'), forbidden, ['major:App,LB']],
    ['state kept in memory', fc('LB[ALB] --> App[App ×3 · sessions in local memory]'), forbidden, ['major:App']],
    ['an in-memory trie every instance loads is reference data, not state', fc('LB[ALB] --> S[Suggest service ×12 · in-memory trie]', 'S --> T[(Trie snapshots · S3)]'), forbidden, []],
    ['counters in memory are state, whatever else is there', fc('LB[ALB] --> S[Limiter ×4 · in-memory index and counters]'), forbidden, ['major:S']],
    ['chat: affinity with a durable store', fc('LB[ALB] -->|sticky| Chat[Chat service ×8]', 'Chat -->|append turns| Conv[(Conversations · Postgres)]'), chat, []],
    ['chat: affinity without a durable store', fc('LB[ALB] -->|sticky| Chat[Chat service ×8]', 'Chat --> C[(Turn cache · Redis)]'), chat, ['major:Chat']],
    ['chat: an affinity router behind the queue the chat service feeds, which appends each turn', fc('LB[ALB] --> Chat[Chat service ×8]', 'Chat -->|append turns| Conv[(Conversations · Postgres)]', 'Chat --> Q[[Admission queue]]', 'Q --> R[Inference router · affinity by conversation_id]', 'R --> G[GPU workers ×20]'), chat, []],
    ['chat: an affinity router whose flow reaches only a cache', fc('LB[ALB] --> Chat[Chat service ×8]', 'Chat --> C[(Turn cache · Redis)]', 'Chat --> Q[[Admission queue]]', 'Q --> R[Inference router · affinity by conversation_id]', 'R --> G[GPU workers ×20]'), chat, ['major:R']],
    ['chat: sticky on a service outside the allowance', fc('LB[ALB] --> Chat[Chat service ×8]', 'Chat --> Conv[(Conversations · Postgres)]', 'LB --> Bill[Billing service ×2 · sticky]'), chat, ['major:Bill']],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('realtime-transport', () => {
  const push = paramsFor('realtime-transport', { realtime: { need: 'push', accept: ['websocket', 'sse'], reason: 'Messages must arrive instantly.' } });
  const stream = paramsFor('realtime-transport', { realtime: { need: 'stream', accept: ['sse', 'websocket'] } });
  const none = paramsFor('realtime-transport');
  const cases = [
    ['WebSocket on the client edge', fc('C([Phone]) <-->|WebSocket| GW[Gateway ×4]'), push, []],
    ['SSE in a label', fc('C([Browser]) --> API[Chat API ×4 · SSE]'), stream, []],
    ['no transport', fc('C([Phone]) --> API[API ×4]'), push, ['critical:']],
    ['polling does not fit', fc('C([Phone]) -->|poll every 2 s| API[API ×4]'), push, ['major:API,C']],
    ['long polling is not accepted here', fc('C([Phone]) -->|long polling| API[API ×4]'), push, ['major:API,C']],
    ['need none: silent', fc('C([Phone]) --> API[API ×4]'), none, []],
  ] as const;
  it.each(cases)('%s', async (_name, text, params, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('observability', () => {
  const params = paramsFor('observability');
  const cases = [
    ['monitoring node with metrics and logs', fc('App[App ×3] -.-> M[Prometheus + Loki]'), []],
    ['labels on edges count', fc('App[App ×3] -.->|metrics, logs| M[Ops]'), []],
    ['nothing', fc('App[App ×3] --> DB[(DB)]'), ['minor:']],
    ['metrics only', fc('App[App ×3] -.-> M[Grafana]'), ['info:']],
  ] as const;
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await findingsOf(text, params)).toEqual(expected);
  });
});

describe('rules not listed in the rubric say nothing', () => {
  it('runs only the listed rules', async () => {
    const params = paramsFor('observability', { caching: 'required', cdn: 'required', async: { need: 'required', work: [] } });
    const text = fc('U([Users]) --> App[App server]', 'App --> DB[(DB)]', 'App -.-> M[Prometheus · Loki]');
    expect(await findingsOf(text, params)).toEqual([]);
  });
});
