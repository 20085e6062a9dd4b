import { memo, useMemo, useState, type JSX } from 'react';
import type { GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import { CORE_BREAK_CAP } from '../../../rubrics/score';
import type { Finding } from '../../../rubrics/rules/types';
import { CATEGORIES, CATEGORY_TITLES, SEVERITIES, type Severity } from '../../../rubrics/vocabulary';
import { ConceptLink, type ConceptTitles } from '../glossary/ConceptLink';
import { feedbackOf, type Feedback } from './feedback';
import type { FindingGroup } from './findingCauses';
import { InlineCode } from './InlineCode';
import type { ScoreGain } from './scoreGains';

const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
  info: 'Notes',
};

/** Items grouped by their severity, most serious first; empty severities are left out. */
export function groupBySeverity<T>(items: readonly T[], severityOf: (item: T) => Severity): ReadonlyArray<readonly [Severity, readonly T[]]> {
  return SEVERITIES.map((severity) => [severity, items.filter((item) => severityOf(item) === severity)] as const).filter(([, list]) => list.length > 0);
}

export function ScoreSummary(props: { readonly score: GradeReport['score'] }): JSX.Element {
  const { score } = props;
  const categories = CATEGORIES.flatMap((category) => {
    const value = score.categories[category];
    return value === undefined ? [] : [[category, value] as const];
  });
  return (
    <section className="score" aria-label="Score">
      <p className="score-total">
        <span className="score-number" data-testid="score-total">
          {score.total}
        </span>
        <span className="score-out-of"> / 100</span>
      </p>
      <p className="score-formula small muted" data-testid="score-formula">
        Serves {score.coverage} % of what the prompt asks × quality {score.quality} %
      </p>
      {score.capped && (
        <p className="score-capped small">
          Capped at {CORE_BREAK_CAP}: a critical problem breaks something this prompt requires.
        </p>
      )}
      <dl className="score-categories">
        {categories.map(([category, value]) => (
          <div key={category} className="score-category">
            <dt>{CATEGORY_TITLES[category]}</dt>
            <dd>
              <meter min={0} max={100} low={50} high={80} optimum={100} value={value} aria-label={`${CATEGORY_TITLES[category]} score`} />
              <span className="score-category-value">{value}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** Called with a finding's node ids when the user asks to see them in the preview. */
  readonly onShowNodes?: (nodes: readonly string[]) => void;
  /** Labels for the concept links; without them the links show concept ids. */
  readonly conceptTitles?: ConceptTitles | undefined;
  /** One line per finding (message and nodes), why / fix / learn more shown on click. */
  readonly collapsible?: boolean;
  /**
   * The findings grouped by cause (findingCauses.ts): each group shows as its lead finding with
   * the others folded in ("also: …"). Without it every finding is shown on its own.
   */
  readonly causes?: readonly FindingGroup[];
  /** How the node chips name boxes (`nodeNamer` of the graded diagram); by id without it. */
  readonly nodeName?: NodeNamer | undefined;
}

const findingKey = (finding: Finding, index: number): string => `${finding.rule}-${finding.nodes.join(',')}-${index}`;

/** A box's name for people, from its Mermaid id. */
export type NodeNamer = (id: string) => string;

/** Without a graph to read labels from, boxes are named by their ids. */
export const BY_ID: NodeNamer = (id) => id;

/**
 * How findings name the boxes of one diagram: by label, the id when a box has none (or is not in
 * the diagram), and `Label (id)` when two boxes share the label. The id stays in the element's
 * title (see `NodeNameText`).
 */
export function nodeNamer(nodes: readonly { readonly id: string; readonly label: string }[]): NodeNamer {
  const labels = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const node of nodes) {
    const label = node.label.trim();
    if (label === '') continue;
    labels.set(node.id, label);
    uses.set(label, (uses.get(label) ?? 0) + 1);
  }
  return (id) => {
    const label = labels.get(id);
    if (label === undefined || label === id) return id;
    return (uses.get(label) ?? 0) > 1 ? `${label} (${id})` : label;
  };
}

/** A box named by its label, with its id in the title. */
export function NodeNameText(props: { readonly id: string; readonly name: NodeNamer }): JSX.Element {
  return <span title={`Box ${props.id}`}>{props.name(props.id)}</span>;
}


/** Findings grouped by severity, most serious first; empty groups (and silent rules) are not shown. */
export function FindingsList(props: FindingsListProps): JSX.Element {
  const nameOf = props.nodeName ?? BY_ID;
  const groups = groupBySeverity(props.causes ?? props.findings.map((lead) => ({ lead, also: [] })), (cause) => cause.lead.severity);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (groups.length === 0) {
    return <p className="findings-none">No problems found for this prompt’s rubric.</p>;
  }
  const toggle = (key: string, finding: Finding): void => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      if (finding.nodes.length > 0) props.onShowNodes?.(finding.nodes);
    }
    setOpen(next);
  };
  return (
    <div className={props.collapsible === true ? 'findings findings-compact' : 'findings'}>
      {groups.map(([severity, findings]) => (
        <section key={severity} className={`finding-group finding-group-${severity}`} aria-label={`${SEVERITY_TITLES[severity]} findings`}>
          <h4>
            {SEVERITY_TITLES[severity]} <span className="count">({findings.length})</span>
          </h4>
          <ul className="finding-list">
            {findings.map(({ lead: finding, also }, index) => {
              const key = findingKey(finding, index);
              const expanded = props.collapsible !== true || open.has(key);
              const detailsId = `finding-${severity}-${index}`;
              return (
                <li key={key} className={`finding finding-${severity}`}>
                  {props.collapsible === true ? (
                    <button type="button" className="finding-toggle" aria-expanded={expanded} aria-controls={detailsId} onClick={() => toggle(key, finding)}>
                      <span className="finding-chevron" aria-hidden="true">
                        {expanded ? '▾' : '▸'}
                      </span>
                      <span className="finding-message">
                        <InlineCode text={finding.message} />
                      </span>
                    </button>
                  ) : (
                    <p className="finding-message">
                      <InlineCode text={finding.message} />
                    </p>
                  )}
                  {also.length > 0 && (
                    <p className="finding-also small">
                      <span className="label">Also: </span>
                      {also.map((other, i) => (
                        <span key={`${other.rule}-${i}`} className="finding-also-item">
                          {i > 0 && '; '}
                          <InlineCode text={other.message} />
                        </span>
                      ))}
                    </p>
                  )}
                  {finding.nodes.length > 0 && (
                    <p className="finding-nodes small">
                      <span className="label">Nodes: </span>
                      {finding.nodes.map((node) => (
                        <button key={node} type="button" className="node-chip" onClick={() => props.onShowNodes?.([node])} title={`Box ${node}: show it in the editor and the preview`}>
                          {nameOf(node)}
                        </button>
                      ))}
                    </p>
                  )}
                  {expanded && (
                    <div id={detailsId} className="finding-details">
                      <p className="finding-why small">
                        <span className="label">Why: </span>
                        <InlineCode text={finding.why} />
                      </p>
                      <p className="finding-fix small">
                        <span className="label">Fix: </span>
                        <InlineCode text={finding.fix} />
                      </p>
                      {also
                        .filter((other) => other.fix !== finding.fix)
                        .map((other, i) => (
                          <p key={`${other.rule}-${i}`} className="finding-fix small">
                            <span className="label">Also fix: </span>
                            <InlineCode text={other.fix} />
                          </p>
                        ))}
                      <p className="finding-concept small">
                        <span className="label">Learn more: </span>
                        <ConceptLink concept={finding.concept} titles={props.conceptTitles} />
                      </p>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The changes that would raise the total most, with their gain ("fix … : +N", "serve … : +N"). */
export function ScoreGains(props: { readonly gains: readonly ScoreGain[]; readonly limit?: number }): JSX.Element | null {
  const gains = props.gains.slice(0, props.limit ?? 3);
  if (gains.length === 0) return null;
  return (
    <div className="score-gains" aria-label="What would raise the score most">
      <p className="small label">Would raise the score most:</p>
      <ul className="score-gain-list">
        {gains.map((g) => (
          <li key={g.kind === 'rule' ? `rule:${g.rule}` : `capability:${g.capability}`} className="score-gain small">
            {g.action}: <strong>+{g.gain}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FeedbackPanelProps {
  readonly report: GradeReport;
  /** What the report was graded against: its capabilities and rule weights. */
  readonly params: GradingParams;
  /** The report is from an earlier version of the text (the current one does not parse). */
  readonly stale: boolean;
  readonly onShowNodes?: (nodes: readonly string[]) => void;
  readonly conceptTitles?: ConceptTitles | undefined;
  /** The report's feedback when it came with the grade (feedback.ts); worked out here otherwise. */
  readonly feedback?: Feedback | undefined;
}

export const FeedbackPanel = memo(function FeedbackPanel(props: FeedbackPanelProps): JSX.Element {
  const { report, params } = props;
  const { gains, causes } = useMemo(() => props.feedback ?? feedbackOf(report, params), [props.feedback, report, params]);
  const nodeName = useMemo(() => nodeNamer(report.architecture.nodes), [report]);
  return (
    <section className="feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">Feedback</h3>
      {props.stale && <p className="muted small">From your last diagram that parsed; fix the error above to update it.</p>}
      <ScoreSummary score={props.report.score} />
      <ScoreGains gains={gains} />
      <FindingsList
        collapsible
        findings={props.report.findings}
        causes={causes}
        conceptTitles={props.conceptTitles}
        nodeName={nodeName}
        {...(props.onShowNodes === undefined ? {} : { onShowNodes: props.onShowNodes })}
      />
    </section>
  );
});
