import type { ArchNode, ArchitectureGraph, AnnotationFlag } from '../model/types';
import type { ConceptId, Need, RuleId, Severity } from '../vocabulary';
import type { Entity, GradingParams } from '../params';
import { anyPhraseTest } from '../model/text';
import { singlePointsOfFailure } from '../graph/spof';
import type { Finding } from './types';

export function finding(
  rule: RuleId,
  severity: Severity,
  nodes: readonly string[],
  concept: ConceptId,
  text: { message: string; why: string; fix: string },
): Finding {
  return Object.freeze({
    rule,
    severity,
    nodes: Object.freeze([...new Set(nodes)].sort()),
    message: text.message,
    why: text.why,
    fix: text.fix,
    concept,
  });
}

/** A feature the prompt requires that is entirely missing is critical; a missing recommended one minor. */
export function severityForNeed(need: Need): Severity {
  return need === 'required' ? 'critical' : 'minor';
}

export const ids = (nodes: readonly ArchNode[]): string[] => nodes.map((n) => n.id);

/** Short human name of a node for messages: `LB ("Load Balancer")`. */
export function named(node: ArchNode): string {
  return node.label === node.id ? `\`${node.id}\`` : `\`${node.id}\` ("${node.label}")`;
}

export function namedList(nodes: readonly ArchNode[]): string {
  return nodes.map(named).join(', ');
}

/** Whether any node (or edge label) in the diagram states the flag. */
export function anyFlag(graph: ArchitectureGraph, flag: AnnotationFlag): boolean {
  return graph.nodes.some((n) => n.annotations.flags.includes(flag));
}

export const hasFlag = (node: ArchNode, flag: AnnotationFlag): boolean => node.annotations.flags.includes(flag);

const CACHE_WORDS = anyPhraseTest(['cache', 'caches', 'cached', 'caching']);

/** A cache its label calls one ("Seat map cache · Redis"): a copy of data kept elsewhere, unlike "Post counters · Redis". */
export const callsItselfACache = (node: ArchNode, graph: ArchitectureGraph): boolean => node.kind === 'cache' && CACHE_WORDS(graph.matchWords(node));

/** Nodes whose label or id contains one of the match words. */
export function matching<T extends ArchNode>(graph: ArchitectureGraph, nodes: readonly T[], match: readonly string[]): T[] {
  const matches = anyPhraseTest(match);
  return nodes.filter((n) => matches(graph.matchWords(n)));
}

export const COMPUTE_KINDS = ['service', 'web_server', 'worker', 'api_gateway'] as const;

const entityMatches = new WeakMap<readonly Entity[], readonly string[]>();

/** Every entity's match words in one list, kept per entity list so phrase memos keyed on it stay warm. */
function entityMatchWords(entities: readonly Entity[]): readonly string[] {
  let match = entityMatches.get(entities);
  if (match === undefined) {
    match = entities.flatMap((e) => e.match);
    entityMatches.set(entities, match);
  }
  return match;
}

/**
 * Caches the prompt's entities live in: when the product is itself a cache (or counters live
 * only in Redis), such a cache is a data store for the sharding and replication rules.
 */
export function entityCaches(graph: ArchitectureGraph, params: GradingParams): ArchNode[] {
  const match = entityMatchWords(params.entities);
  return match.length === 0 ? [] : matching(graph, graph.ofKind('cache'), match);
}

const spofMemo = new WeakMap<ArchitectureGraph, ReadonlySet<string>>();

/**
 * Nodes the single-point-of-failure rule reports for this prompt (empty when the prompt does not
 * grade it): on a request path, the only copy of some data, or a single-copy store no request
 * reaches. Other rules leave these nodes' redundancy to that rule, so one cause gives one finding
 * (and a store off every request path is not made critical by another rule).
 */
export function reportedSinglePoints(graph: ArchitectureGraph, params: GradingParams): ReadonlySet<string> {
  if (params.rubric.rules['single-point-of-failure'] === undefined) return new Set();
  let ids = spofMemo.get(graph);
  if (ids === undefined) {
    ids = new Set(singlePointsOfFailure(graph).map((s) => s.node.id as string));
    spofMemo.set(graph, ids);
  }
  return ids;
}
