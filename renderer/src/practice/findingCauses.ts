import type { Finding } from '../../../rubrics/rules/types';
import { SEVERITIES } from '../../../rubrics/vocabulary';

/** One cause as the feedback panel shows it: its most severe finding, the others folded in. */
export interface FindingGroup {
  readonly lead: Finding;
  /** The other findings of the same cause, most severe first. */
  readonly also: readonly Finding[];
}

/**
 * The family of problems a rule finding is about. Missing redundancy is one family whichever rule
 * reports it (a lone balancer is a single point of failure and "one instance"; a lone database is
 * the only copy and "has no replica"); otherwise a finding's concept names its family (state kept
 * in a server and sticky sessions on it are one problem).
 */
export function causeFamily(finding: Finding): string {
  if (finding.rule === 'single-point-of-failure' || finding.concept === 'single-point-of-failure') return 'redundancy';
  if (finding.rule === 'replication' && finding.concept === 'replication') return 'redundancy';
  return finding.concept;
}

/**
 * The key of a finding's cause: its family on the same nodes. A finding on no node, and a
 * capability the design does not serve (`gaps`), is a cause of its own.
 */
export function causeKey(finding: Finding, gaps: ReadonlySet<Finding>): string | undefined {
  if (gaps.has(finding) || finding.nodes.length === 0) return undefined;
  return `${causeFamily(finding)}\u0000${[...finding.nodes].sort().join('\u0000')}`;
}

const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);

/**
 * One group per cause, in the order the causes' most severe findings come in `findings` (the
 * grader's order: most severe first). Within a group the most severe finding leads; ties keep
 * the list's order. Pure: the same findings give the same groups.
 */
export function groupByCause(findings: readonly Finding[], gaps: ReadonlySet<Finding> = new Set()): readonly FindingGroup[] {
  const members = new Map<string, Finding[]>();
  const order: (string | Finding)[] = [];
  for (const finding of findings) {
    const key = causeKey(finding, gaps);
    if (key === undefined) {
      order.push(finding);
      continue;
    }
    const list = members.get(key);
    if (list === undefined) {
      members.set(key, [finding]);
      order.push(key);
    } else list.push(finding);
  }
  const groups = order.map((entry): FindingGroup => {
    if (typeof entry !== 'string') return Object.freeze({ lead: entry, also: Object.freeze([]) });
    const [lead, ...also] = [...(members.get(entry) as Finding[])].sort((a, b) => rank(a) - rank(b));
    return Object.freeze({ lead: lead as Finding, also: Object.freeze(also) });
  });
  // A group sits where its lead would: by the lead's severity, then the lead's place in the list.
  const position = new Map(findings.map((f, i) => [f, i]));
  return Object.freeze(groups.sort((a, b) => rank(a.lead) - rank(b.lead) || (position.get(a.lead) as number) - (position.get(b.lead) as number)));
}
