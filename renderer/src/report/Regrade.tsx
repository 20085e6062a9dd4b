import { useState, type JSX } from 'react';
import type { AttemptView, ChannelOutput } from '../../../electron/ipc/contract';
import type { GradeOutcome } from '../../../prompts/mockReport';
import type { Finding } from '../../../rubrics/rules/types';
import { GRADER_VERSION } from '../../../rubrics/version';
import { gradeDiagram, gradingParams } from '../mock/submitAttempt';
import { FindingsList, ScoreSummary, type FindingsListProps } from '../practice/FeedbackPanel';
import { RegradeReading } from './ReportReading';

type Prompt = ChannelOutput<'prompts:get'>;
type Report = NonNullable<AttemptView['report']>;

/** Said beside the re-grade offer: the report itself shows no reading for an older grader's attempt. */
export const REGRADE_SHOWS_READING = 'Re-grading also shows how each box of your diagram was read.';

/**
 * For an attempt graded by another grader version: says so and offers to grade the stored diagram
 * with the current rules, shown next to the stored report. Nothing is written: the stored report
 * stays exactly as it was.
 */
export function Regrade(props: { readonly attempt: AttemptView; readonly report: Report; readonly prompt: Prompt; readonly conceptTitles: FindingsListProps['conceptTitles']; readonly nodeName?: FindingsListProps['nodeName'] }): JSX.Element | null {
  const { attempt, report } = props;
  const [outcome, setOutcome] = useState<GradeOutcome | 'grading' | undefined>();
  if (attempt.graderVersion === GRADER_VERSION || report.outcome === 'no-design') return null;
  const regrade = async () => {
    setOutcome('grading');
    setOutcome(await gradeDiagram(attempt.diagram, gradingParams(props.prompt, attempt.curveballId)));
  };
  return (
    <section className="regrade" aria-labelledby="regrade-title">
      <h3 id="regrade-title">Graded by an older grader</h3>
      <p data-testid="grader-version-note">
        This attempt was graded by grader version {attempt.graderVersion === '' ? '(unknown)' : attempt.graderVersion}; the current rules are version {GRADER_VERSION}. Its report is
        kept exactly as it was.
      </p>
      {outcome === undefined && (
        <>
          <button type="button" aria-describedby="regrade-reading-note" onClick={() => void regrade()}>
            Re-grade with the current rules
          </button>
          <p id="regrade-reading-note" className="muted">
            {REGRADE_SHOWS_READING}
          </p>
        </>
      )}
      {outcome === 'grading' && <p className="muted">Grading…</p>}
      {outcome !== undefined && outcome !== 'grading' && (
        <div className="regrade-columns">
          <section aria-label={`Stored report (version ${attempt.graderVersion})`}>
            <h4>Stored (version {attempt.graderVersion})</h4>
            {report.score !== undefined ? <ScoreSummary score={report.score} /> : <p>Not graded.</p>}
            <FindingsList findings={report.findings as readonly Finding[]} conceptTitles={props.conceptTitles} nodeName={props.nodeName} />
          </section>
          <section aria-label={`Current rules (version ${GRADER_VERSION})`}>
            <h4>Current rules (version {GRADER_VERSION})</h4>
            {outcome.kind === 'graded' ? (
              <>
                <ScoreSummary score={outcome.report.score} />
                <FindingsList findings={outcome.report.findings} conceptTitles={props.conceptTitles} nodeName={props.nodeName} />
              </>
            ) : (
              <p>{outcome.kind === 'empty' ? 'No design to grade.' : 'The diagram does not parse with the current parser.'}</p>
            )}
          </section>
        </div>
      )}
      {outcome !== undefined && outcome !== 'grading' && outcome.kind === 'graded' && <RegradeReading architecture={outcome.report.architecture} text={attempt.diagram} />}
    </section>
  );
}
