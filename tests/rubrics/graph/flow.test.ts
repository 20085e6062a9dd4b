import { describe, expect, it } from 'vitest';
import { reachableFrom, reachableFromEntries, requestFlow } from '../../../rubrics/graph/flow';
import { buildArchitecture } from '../../../rubrics/model/build';
import type { ParsedEdge, ParsedVertex } from '../../../rubrics/parse/types';
import { e, flow, v } from '../model/flow';

/** A vertex whose kind is fixed by its class, so these tests do not depend on label reading. */
const k = (id: string, kind: string): ParsedVertex => v(id, id, 'square', [kind]);
const line = (from: string, to: string): ParsedEdge => ({ ...e(from, to), arrow: 'open' });
const both = (from: string, to: string): ParsedEdge => e(from, to, '', 'normal', true);

const C = k('C', 'client');
const DNS = k('DNS', 'dns');
const CDN = k('CDN', 'cdn');
const LB = k('LB', 'load_balancer');
const App = k('App', 'service');
const Svc = k('Svc', 'service');
const DB = k('DB', 'database');
const R = k('R', 'database');
const Cache = k('Cache', 'cache');
const S3 = k('S3', 'object_storage');
const Q = k('Q', 'queue');
const W = k('W', 'worker');
const Mon = k('Mon', 'monitoring');
const Pay = k('Pay', 'external');
const Thing = v('Thing', 'Thing');

const flowOf = (vertices: ParsedVertex[], edges: ParsedEdge[]) => requestFlow(buildArchitecture(flow(vertices, edges)));

describe('request flow successors', () => {
  it.each([
    ['follows edges as drawn', [C, LB, App, DB], [e('C', 'LB'), e('LB', 'App'), e('App', 'DB')], { C: ['LB'], LB: ['App'], App: ['DB'], DB: [] }],
    ['takes <--> both ways', [C, App], [both('C', 'App')], { C: ['App'], App: ['C'] }],
    ['reads a database drawn into the service as the service reading it', [App, DB], [e('DB', 'App')], { App: ['DB'], DB: [] }],
    ['reads a cache drawn into the service as the service reading it', [Svc, Cache], [e('Cache', 'Svc')], { Svc: ['Cache'], Cache: [] }],
    ['reads object storage drawn into the CDN as the CDN pulling from its origin', [CDN, S3], [e('S3', 'CDN')], { CDN: ['S3'], S3: [] }],
    ['reads a store drawn into a worker as the worker reading it', [W, DB], [e('DB', 'W')], { W: ['DB'], DB: [] }],
    ['reads an edge into a client as a response to it', [C, App], [e('App', 'C')], { C: ['App'], App: [] }],
    ['does not read a delivery to a client ("Send Email") as a request from it', [C, Q, W], [e('Q', 'W'), e('W', 'C', 'Send Email')], { C: [], Q: ['W'], W: [] }],
    ['still reads "sends the response" into a client as the answer to its request', [C, App], [e('App', 'C', 'sends the response')], { C: ['App'], App: [] }],
    ['does not read a notification service pushing to the app as a request from it', [C, Q, v('N', 'Notification Service', 'square', ['service'])], [e('Q', 'N'), e('N', 'C')], { C: [], Q: ['N'], N: [] }],
    ['reads a WebSocket gateway pushing to its client as the client\'s connection', [C, v('WS', 'WebSocket notification gateway', 'square', ['service'])], [e('WS', 'C')], { C: ['WS'], WS: [] }],
    ['keeps a queue delivering to its worker as drawn', [Q, W], [e('Q', 'W')], { Q: ['W'], W: [] }],
    ['keeps a worker writing a store as drawn', [W, DB], [e('W', 'DB')], { W: ['DB'], DB: [] }],
    ['keeps a service calling an internal balancer as drawn', [App, LB, Svc], [e('App', 'LB'), e('LB', 'Svc')], { App: ['LB'], LB: ['Svc'], Svc: [] }],
    ['keeps a store feeding another store as drawn', [DB, R], [e('DB', 'R', 'ETL')], { DB: ['R'], R: [] }],
    ['drops replication edges', [DB, R], [e('DB', 'R', 'replicates')], { DB: [], R: [] }],
    ['drops edges to monitoring', [App, Mon], [e('App', 'Mon')], { App: [], Mon: [] }],
    ['drops invisible links', [App, DB], [e('App', 'DB', '', 'invisible')], { App: [], DB: [] }],
    ['runs a plain line in the natural order', [App, DB], [line('DB', 'App')], { App: ['DB'], DB: [] }],
    ['runs a plain line both ways between peers', [App, Svc], [line('App', 'Svc')], { App: ['Svc'], Svc: ['App'] }],
    ['runs a plain line both ways when a kind has no natural place', [App, Thing], [line('App', 'Thing')], { App: ['Thing'], Thing: ['App'] }],
    ['reads a diagram drawn as the answer\'s journey to the user the other way round', [C, CDN, k('GW', 'api_gateway'), App, DB], [e('DB', 'App'), e('App', 'GW'), e('GW', 'CDN'), e('CDN', 'C')], { C: ['CDN'], CDN: ['GW'], GW: ['App'], App: ['DB'], DB: [] }],
    ['turns a write drawn in an answer-journey diagram into the read it answers', [C, LB, App, Q], [e('App', 'LB'), e('LB', 'C'), e('Q', 'App')], { C: ['LB'], LB: ['App'], App: ['Q'], Q: [] }],
    ['keeps the arrows when the client calls in, however many point back', [C, LB, App, Svc], [e('C', 'LB'), e('App', 'LB'), e('Svc', 'LB'), e('LB', 'C')], { C: ['LB'], LB: [], App: ['LB'], Svc: ['LB'] }],
    ['keeps the arrows when only one points towards the user', [C, App, DB], [e('App', 'C'), e('App', 'DB')], { C: ['App'], App: ['DB'], DB: [] }],
    ['keeps the arrows when no client is answered (services registering with a gateway)', [k('GW', 'api_gateway'), App, Svc], [e('App', 'GW'), e('Svc', 'GW')], { GW: [], App: ['GW'], Svc: ['GW'] }],
    ['lists an edge drawn twice once', [App, DB], [e('App', 'DB'), e('DB', 'App')], { App: ['DB'], DB: [] }],
    ['ignores self-loops', [App], [e('App', 'App')], { App: [] }],
  ] as const)('%s', (_name, vertices, edges, expected) => {
    const f = flowOf([...vertices], [...edges]);
    for (const [id, successors] of Object.entries(expected)) expect([...f.successors(id)], id).toEqual(successors);
  });

  it('answers predecessors as the reverse of successors', () => {
    const f = flowOf([C, LB, App, DB], [e('C', 'LB'), e('LB', 'App'), e('DB', 'App')]);
    expect([...f.predecessors('DB')]).toEqual(['App']);
    expect([...f.predecessors('App')]).toEqual(['LB']);
    expect([...f.predecessors('C')]).toEqual([]);
  });

  it('has no successors for an unknown id', () => {
    expect(flowOf([App], []).successors('Nope')).toEqual([]);
  });
});

describe('request flow entries', () => {
  it.each([
    ['the clients, wherever they are drawn', [C, LB, App], [e('LB', 'App'), e('App', 'C')], ['C']],
    ['every client', [C, k('C2', 'client'), App], [e('C', 'App'), e('C2', 'App')], ['C', 'C2']],
    ['the users, not the staff, when both are drawn', [C, v('Admin', 'Admin', 'square', ['client']), App], [e('C', 'App'), e('Admin', 'App')], ['C']],
    ['the customers, not the employees, when both are drawn', [v('Cu', 'Customer', 'square', ['client']), v('Em', 'Employee', 'square', ['client']), App], [e('Cu', 'App'), e('Em', 'App')], ['Cu']],
    ['the staff when no user is drawn', [v('Ops', 'Operators', 'square', ['client']), App], [e('Ops', 'App')], ['Ops']],
    ['without clients, the entry tier nothing calls', [DNS, LB, App, DB], [e('DNS', 'LB'), e('LB', 'App'), e('App', 'DB')], ['DNS']],
    ['without clients, a CDN and a balancer nothing calls', [CDN, LB, App, S3], [e('CDN', 'S3'), e('LB', 'App')], ['CDN', 'LB']],
    ['without clients or entry tier, services nothing calls', [App, DB], [e('DB', 'App')], ['App']],
    ['not a third party calling in', [Pay, App, DB], [e('Pay', 'App'), e('Svc', 'DB')], []],
    ['not a store feeding a stream', [DB, k('K', 'stream')], [e('DB', 'K', 'CDC')], []],
    ['the clients and a gateway they never reach (they only receive pushes)', [C, k('GW', 'api_gateway'), App, Pay], [e('Pay', 'C', 'push'), e('GW', 'App')], ['C', 'GW']],
    ['the clients and a balancer nothing calls beside the door they use', [C, LB, k('GW', 'api_gateway'), App, Svc], [e('C', 'GW'), e('GW', 'App'), e('LB', 'Svc')], ['C', 'LB']],
    ['the clients only, when they reach the gateway', [C, k('GW', 'api_gateway'), App], [e('C', 'GW'), e('GW', 'App')], ['C']],
    ['the clients only, when they reach what the uncalled balancer fronts', [C, LB, App], [e('C', 'App'), e('LB', 'App')], ['C']],
    ['the clients only: a CDN fed by storage may be content pushed to the edge', [C, App, CDN, S3], [e('C', 'App'), e('S3', 'CDN')], ['C']],
    ['the clients only: a gateway handing nothing on starts nothing', [C, App, k('GW', 'api_gateway')], [e('C', 'App')], ['C']],
    ['nothing in an empty diagram', [], [], []],
  ] as const)('are %s', (_name, vertices, edges, expected) => {
    expect([...flowOf([...vertices], [...edges]).entries]).toEqual(expected);
  });
});

describe('reachable along the flow', () => {
  const f = flowOf(
    [C, LB, App, DB, Cache, Q, W, S3],
    [e('C', 'LB'), e('LB', 'App'), e('DB', 'App'), e('Cache', 'App'), e('App', 'Q'), e('Q', 'W'), e('W', 'S3')],
  );
  it.each([
    ['everything downstream of the client', ['C'], [], ['App', 'C', 'Cache', 'DB', 'LB', 'Q', 'S3', 'W']],
    ['nothing upstream of the start', ['App'], [], ['App', 'Cache', 'DB', 'Q', 'S3', 'W']],
    ['nothing behind an avoided node', ['C'], ['LB'], ['C']],
    ['around an avoided branch', ['C'], ['Q'], ['App', 'C', 'Cache', 'DB', 'LB']],
    ['nothing from an avoided start', ['C'], ['C'], []],
    ['nothing from an unknown start', ['Nope'], [], []],
  ] as const)('reaches %s', (_name, starts, avoid, expected) => {
    expect([...reachableFrom(f, starts, new Set(avoid))].sort()).toEqual(expected);
  });

  it('reaches from the entries', () => {
    const g = flowOf([C, App, DB, k('Batch', 'worker')], [e('C', 'App'), e('App', 'DB'), e('Batch', 'DB')]);
    expect([...reachableFromEntries(g)].sort()).toEqual(['App', 'C', 'DB']);
  });
});
