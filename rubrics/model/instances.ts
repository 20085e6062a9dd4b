import type { Instances } from './types';
import { hasAny, toWords } from './text';

/**
 * Instance count shown on a node: `App ×3`, `x3`, `3x`, `3 replicas`, `(3 nodes)`, or words
 * meaning "more than one" (cluster, pool, fleet, auto-scaling group, replica set, …), or the
 * `procs` (stacked rectangles) shape. Anything else is one instance: that convention is what
 * makes a single box a single point of failure.
 */

const MANY_WORDS: readonly string[] = [
  'cluster',
  'clustered',
  'pool',
  'fleet',
  'farm',
  'many',
  'replicas',
  'replicated',
  'replica set',
  'auto scaling',
  'autoscaling',
  'autoscaled',
  'auto scaled',
  'auto scaling group',
  'asg',
  'hpa',
  'horizontally scaled',
  'scaled out',
  'multiple',
  'instances',
  'nodes',
  'servers',
  'pods',
  'shards',
  'sharded',
  'brokers',
  'redundant',
  'active active',
  'active passive',
  'ha pair',
  'ha',
  'high availability',
  'highly available',
  'multi az',
  'n instances',
];

const MULTI_SHAPES: ReadonlySet<string> = new Set(['procs', 'processes', 'st-rect', 'stacked-rectangle', 'docs', 'st-doc', 'stacked-document']);

const COUNT_PATTERNS: readonly RegExp[] = [
  /(?:^|[\s([,·•|-])[x×*]\s?(\d{1,4})(?![\w.])/i,
  /(?:^|[\s([,·•|-])(\d{1,4})\s?[x×](?![\w])/i,
  /(?:^|[\s([,·•|-])(\d{1,4})\s+(?:replicas?|instances?|nodes?|servers?|pods?|copies|workers?|brokers?|shards?|machines?|hosts?|vms?|containers?)\b/i,
  /(?:replicas?|instances?|nodes?|count)\s*[:=]\s*(\d{1,4})\b/i,
];

const countCache = new Map<string, number | undefined>();

function countFromPattern(label: string): number | undefined {
  if (!/\d/.test(label)) return undefined;
  if (countCache.has(label)) return countCache.get(label);
  let count: number | undefined;
  for (const pattern of COUNT_PATTERNS) {
    const match = pattern.exec(label);
    if (match?.[1] !== undefined) {
      count = Number(match[1]);
      break;
    }
  }
  if (countCache.size > 5_000) countCache.clear();
  countCache.set(label, count);
  return count;
}

export function instancesOf(label: string, shape: string): Instances {
  const count = countFromPattern(label);
  if (count !== undefined && count >= 1) return count;
  if (/[x×]\s?(?:n|N)\b|\b(?:n|N)\s?[x×]/.test(label)) return 'many';
  if (MULTI_SHAPES.has(shape)) return 'many';
  return hasAny(toWords(label), MANY_WORDS) ? 'many' : 1;
}

export const isMultiple = (instances: Instances): boolean => instances === 'many' || instances > 1;
