import type { JSX } from 'react';
import type { GradeReport } from '../../../rubrics/grade';
import { REQUIRED_CRITICAL_CAP } from '../../../rubrics/score';
import type { Finding } from '../../../rubrics/rules/types';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../../rubrics/vocabulary';
import { ConceptLink, type ConceptTitles } from '../glossary/ConceptLink';
import { InlineCode } from './InlineCode';

const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
  info: 'Notes',
};

const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  availability: 'Availability',
  scalability: 'Scalability',
  data: 'Data',
  performance: 'Performance',
  operability: 'Operability',
};

export function groupBySeverity(findings: readonly Finding[]): ReadonlyArray<readonly [Severity, readonly Finding[]]> {
  return SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity)] as const).filter(([, list]) => list.length > 0);
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
      {score.capped && (
        <p className="score-capped small">
          Capped at {REQUIRED_CRITICAL_CAP}: a critical problem breaks something this prompt requires.
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
}

/** Findings grouped by severity, most serious first; empty groups (and silent rules) are not shown. */
export function FindingsList(props: FindingsListProps): JSX.Element {
  const groups = groupBySeverity(props.findings);
  if (groups.length === 0) {
    return <p className="findings-none">No problems found for this prompt’s rubric.</p>;
  }
  return (
    <div className="findings">
      {groups.map(([severity, findings]) => (
        <section key={severity} className={`finding-group finding-group-${severity}`} aria-label={`${SEVERITY_TITLES[severity]} findings`}>
          <h4>
            {SEVERITY_TITLES[severity]} <span className="count">({findings.length})</span>
          </h4>
          <ul className="finding-list">
            {findings.map((finding, index) => (
              <li key={`${finding.rule}-${finding.nodes.join(',')}-${index}`} className={`finding finding-${severity}`}>
                <p className="finding-message">
                  <InlineCode text={finding.message} />
                </p>
                {finding.nodes.length > 0 && (
                  <p className="finding-nodes small">
                    <span className="label">Nodes: </span>
                    {finding.nodes.map((node) => (
                      <button key={node} type="button" className="node-chip" onClick={() => props.onShowNodes?.([node])} title="Outline this node in the preview">
                        {node}
                      </button>
                    ))}
                  </p>
                )}
                <p className="finding-why small">
                  <span className="label">Why: </span>
                  <InlineCode text={finding.why} />
                </p>
                <p className="finding-fix small">
                  <span className="label">Fix: </span>
                  <InlineCode text={finding.fix} />
                </p>
                <p className="finding-concept small">
                  <span className="label">Learn more: </span>
                  <ConceptLink concept={finding.concept} titles={props.conceptTitles} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export interface FeedbackPanelProps {
  readonly report: GradeReport;
  /** The report is from an earlier version of the text (the current one does not parse). */
  readonly stale: boolean;
  readonly onShowNodes?: (nodes: readonly string[]) => void;
  readonly conceptTitles?: ConceptTitles | undefined;
}

export function FeedbackPanel(props: FeedbackPanelProps): JSX.Element {
  return (
    <section className="feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">Feedback</h3>
      {props.stale && <p className="muted small">From your last diagram that parsed; fix the error above to update it.</p>}
      <ScoreSummary score={props.report.score} />
      <FindingsList
        findings={props.report.findings}
        conceptTitles={props.conceptTitles}
        {...(props.onShowNodes === undefined ? {} : { onShowNodes: props.onShowNodes })}
      />
    </section>
  );
}
