import type { Instances } from './types';
import { kindMatches } from './classify';
import { hasAny, splitIdentifiers, toWords, withoutCopiedPrimary, withoutNegated } from './text';

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
  'active standby',
  'pair',
  'ha pair',
  'primary replica',
  'primary standby',
  'with replica',
  'with replicas',
  'with standby',
  'with a replica',
  'with a standby',
  'and replica',
  'and replicas',
  'and standby',
  'leader follower',
  'multi master',
  'master slave',
  'ha',
  'high availability',
  'highly available',
  'multi az',
  'multi region',
  'multi zone',
  'geo replicated',
  'n instances',
];

const MULTI_SHAPES: ReadonlySet<string> = new Set(['procs', 'processes', 'st-rect', 'stacked-rectangle', 'docs', 'st-doc', 'stacked-document']);

const COUNT_PATTERNS: readonly RegExp[] = [
  /(?:^|[\s([,·•|-])[x×*]\s?(\d{1,4})(?![\w.])/i,
  // "100x faster", "10× throughput": a ratio, not a count of copies.
  /(?:^|[\s([,·•|-])(\d{1,4})\s?[x×](?![\w])(?!\s*(?:faster|slower|cheaper|quicker|smaller|bigger|larger|higher|lower|better|more|less|fewer|speed\s?-?ups?|improvements?|throughput|reduction|boost|gains?)\b)/i,
  // "Server 2 Node.js" is the second server, not two nodes.
  /(?:^|[\s([,·•|-])(\d{1,4})\s+(?:replicas?|instances?|nodes?|servers?|pods?|copies|workers?|brokers?|shards?|machines?|hosts?|vms?|containers?)\b(?!\.\w)/i,
  /(?:replicas?|instances?|nodes?|count)\s*[:=]\s*(\d{1,4})\b/i,
  /(?:^|[\s([,·•|-])(\d{1,4})\s+(?:\w+\s+)?across\b/i,
];

/** Words that end in "s" without being plurals of a component noun. */
const NOT_PLURAL: ReadonlySet<string> = new Set(['dns', 'ios', 'sms', 'aws', 'ms', 'analytics', 'metrics', 'logs', 'status', 'news', 'series', 'kubernetes', 'redis', 'https', 'ses', 'sns', 'sqs', 'bus', 'alerts', 'dashboards', 'ads', 'users', 'clients', 'customers', 'viewers', 'players', 'devices', 'browsers', 'visitors', 'jobs']);

const isPlural = (word: string): boolean => word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) && !NOT_PLURAL.has(word);

/**
 * "LBs", "DBs", "GWs": a short word is a plural when, without its "s", it is itself a component
 * word; an acronym that merely ends in s ("RDS", "ECS", "GCS") is one product.
 */
const isShortPlural = (word: string): boolean =>
  word.length === 3 && word.endsWith('s') && !NOT_PLURAL.has(word) && kindMatches(toWords(word.slice(0, -1))).some((m) => m.phrase === word.slice(0, -1));

/** A code project's or namespace's dotted name ("Blog.Services", "Shop.Workers"): one module, whatever its last word. */
const CODE_NAME = /^\s*[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+\s*$/;

/** "API gateways", "Workers", "App servers": the naming part's head noun is a plural. */
function pluralHead(label: string): boolean {
  const first = label
    .split(/[·•|:()[\]{},;\n]|\s[-–—]+\s/)
    .find((part) => !CODE_NAME.test(part) && kindMatches(toWords(splitIdentifiers(part))).length > 0);
  if (first === undefined) return false;
  const matches = kindMatches(toWords(splitIdentifiers(first)));
  const head = [...matches].reverse().find((m) => !m.weak) ?? matches[matches.length - 1];
  const last = head?.phrase.split(' ').pop() ?? '';
  return isPlural(last) || isShortPlural(last);
}

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

/** "single-node cluster", "single-instance replica set", "standalone": one copy, whatever the group word after it. */
const EXPLICITLY_SINGLE = /\b(?:single|one)[\s-]+(?:node|instance|server|host|machine|vm|pod|broker)\b|\bstandalone\b|\bnon[\s-]?replicated\b|\bnot replicated\b/i;

/**
 * "Postgres primary, sync replica": a label naming both a primary's and a copy's role describes
 * the pair. Not a primary key, a secondary index or a social graph's followers ("leader + 2
 * followers" are copies), nor a copy the label says is missing ("primary, no replica").
 */
const PRIMARY_ROLE = /\b(?:primary|master|leader)\b(?![\s-]+keys?\b)/i;
const COPY_ROLE = /\b(?:replicas?|standbys?|slaves?|secondary(?![\s-]+(?:index|indexes|indices|keys?)\b))\b|(?:\+|\bwith|\band|\d)\s*(?:\d+\s+)?followers?\b/i;

export function namesPrimaryAndCopy(label: string): boolean {
  const claimed = withoutCopiedPrimary(withoutNegated(label));
  return PRIMARY_ROLE.test(claimed) && COPY_ROLE.test(claimed);
}

/**
 * "Postgres + replica", "with 1 standby", "+ read replica", "· 1 replica": a copy added to the
 * store named, so the store runs as several ("1 replica" counts the copy, not the store).
 */
const ADDED_COPY =
  /(?:\+|\b(?:with|and|plus)\b)\s*(?:(?:an?|one|\d+)\s+)?(?:(?:read|sync|synchronous|async|asynchronous|hot|warm)\s+)?(?:replicas?|standbys?|secondar(?:y|ies))\b|[,·•|]\s*(?:an?|one|1)\s+(?:(?:read|sync|synchronous|async|hot|warm)\s+)?(?:replica|standby)\b/i;

/** The label says the store has its copy with it: a primary and a copy named, or a copy added ("+ replica"). */
export function statesItsCopy(label: string): boolean {
  return namesPrimaryAndCopy(label) || ADDED_COPY.test(withoutNegated(label));
}

export function instancesOf(text: string, shape: string): Instances {
  if (EXPLICITLY_SINGLE.test(text)) return 1;
  // Other negated words ("no replica", "without standby") say nothing about the copies.
  const label = withoutNegated(text);
  if (statesItsCopy(label)) return 'many';
  const count = countFromPattern(label);
  if (count !== undefined && count >= 1) return count;
  if (/[x×]\s?(?:n|N)\b|\b(?:n|N)\s?[x×]/.test(label)) return 'many';
  if (MULTI_SHAPES.has(shape)) return 'many';
  return hasAny(toWords(label), MANY_WORDS) || pluralHead(label) ? 'many' : 1;
}

/**
 * Instances a subgraph title gives its members: only an explicit count or scaling group
 * ("App tier ×3", "auto-scaling group"). A plural or "cluster" title names the group of boxes
 * inside ("Services", "Kubernetes cluster"), each of which is still one instance.
 */
export function instancesFromTitle(title: string): Instances {
  const count = countFromPattern(title);
  if (count !== undefined && count >= 1) return count;
  return hasAny(toWords(title), TITLE_MANY_WORDS) ? 'many' : 1;
}

/** Words that say the boxes inside run as several copies, not that the box is a group ("Services", "cluster"). */
const TITLE_MANY_WORDS: readonly string[] = [
  'auto scaling', 'autoscaling', 'auto scaling group', 'asg', 'hpa', 'autoscaled', 'auto scaled', 'replica set',
  'multi region', 'multi az', 'multi zone', 'replicated', 'redundant', 'high availability', 'highly available', 'active active', 'active passive',
];

export const isMultiple = (instances: Instances): boolean => instances === 'many' || instances > 1;
