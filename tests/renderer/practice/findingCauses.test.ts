import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../rubrics/rules/types';
import type { ConceptId, RuleId, Severity } from '../../../rubrics/vocabulary';
import { causeFamily, groupByCause } from '../../../renderer/src/practice/findingCauses';

const f = (rule: RuleId, concept: ConceptId, severity: Severity, nodes: readonly string[], message: string): Finding => ({
  rule,
  severity,
  nodes,
  message,
  why: 'w',
  fix: 'f',
  concept,
});

// A single load balancer, as two rules see it.
const lbSpof = f('single-point-of-failure', 'single-point-of-failure', 'critical', ['LB'], 'LB is a single point of failure');
const lbOneInstance = f('load-balancing', 'single-point-of-failure', 'major', ['LB'], 'LB is one instance');
const lbHealth = f('load-balancing', 'load-balancing', 'info', ['LB'], 'No health checks on LB');
// One database kept in a single copy.
const dbOnlyCopy = f('single-point-of-failure', 'single-point-of-failure', 'minor', ['DB'], 'DB is the only copy of its data');
const dbNoReplica = f('replication', 'replication', 'major', ['DB'], 'DB has no replica');
const dbOneRegion = f('replication', 'multi-region', 'major', ['DB'], 'Everything runs in one region');
// A stateful server.
const appState = f('stateless-services', 'stateless-services', 'major', ['App'], 'App keeps state in memory');
const appSticky = f('stateless-services', 'stateless-services', 'major', ['App'], 'Sticky sessions on App');
const appSpof = f('single-point-of-failure', 'single-point-of-failure', 'critical', ['App'], 'App is a single point of failure');
// Findings on no node, or on several.
const noCache = f('caching', 'caching', 'minor', [], 'No cache');
const noShardKey = f('sharding', 'sharding', 'minor', [], 'No shard key');
const twoDirect = f('stateless-services', 'stateless-services', 'major', ['API', 'App'], 'API, App keep state');

const brief = (groups: ReturnType<typeof groupByCause>): string[][] => groups.map((g) => [g.lead.message, ...g.also.map((a) => a.message)]);

describe('causeFamily', () => {
  it.each([
    [lbSpof, 'redundancy'],
    [lbOneInstance, 'redundancy'],
    [dbNoReplica, 'redundancy'],
    [dbOneRegion, 'multi-region'],
    [lbHealth, 'load-balancing'],
    [appSticky, 'stateless-services'],
  ])('%# puts “$message” in the family %s', (finding, family) => {
    expect(causeFamily(finding)).toBe(family);
  });
});

describe('groupByCause', () => {
  it.each<[string, readonly Finding[], string[][]]>([
    ['a single balancer flagged as a SPOF and as one instance is one cause, led by the critical', [lbSpof, lbOneInstance, lbHealth], [['LB is a single point of failure', 'LB is one instance'], ['No health checks on LB']]],
    ['the most severe leads even when it comes later in the list', [dbNoReplica, dbOnlyCopy], [['DB has no replica', 'DB is the only copy of its data']]],
    ['a different family on the same node stays apart', [dbNoReplica, dbOneRegion], [['DB has no replica'], ['Everything runs in one region']]],
    ['the same family on different nodes stays apart', [lbSpof, appSpof], [['LB is a single point of failure'], ['App is a single point of failure']]],
    ['state in memory and sticky sessions on one server are one cause', [appSpof, appState, appSticky], [['App is a single point of failure'], ['App keeps state in memory', 'Sticky sessions on App']]],
    ['a finding on several nodes groups only with the same nodes', [appState, twoDirect], [['App keeps state in memory'], ['API, App keep state']]],
    ['findings on no node never fold together', [noCache, noShardKey], [['No cache'], ['No shard key']]],
    ['groups follow their lead’s severity', [appSpof, lbOneInstance, dbOnlyCopy, lbSpof], [['App is a single point of failure'], ['LB is a single point of failure', 'LB is one instance'], ['DB is the only copy of its data']]],
    ['nothing in, nothing out', [], []],
  ])('%s', (_, findings, expected) => {
    expect(brief(groupByCause(findings))).toEqual(expected);
  });

  it('keeps a capability the design does not serve apart, even on a node another finding names', () => {
    const gap = f('single-point-of-failure', 'single-point-of-failure', 'critical', ['DB'], 'No cache node serves the services yet');
    expect(brief(groupByCause([gap, dbNoReplica], new Set([gap])))).toEqual([['No cache node serves the services yet'], ['DB has no replica']]);
    expect(brief(groupByCause([gap, dbNoReplica]))).toEqual([['No cache node serves the services yet', 'DB has no replica']]);
  });
});
