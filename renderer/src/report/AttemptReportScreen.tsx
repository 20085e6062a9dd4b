import { useEffect, useState, type JSX } from 'react';
import type { AttemptView, ChannelOutput, Settings } from '../../../electron/ipc/contract';
import { formatNumber, VERDICT_TITLES } from '../../../prompts/estimates';
import { formatDuration, MOCK_PHASES, PHASE_TITLES } from '../../../prompts/mockPlan';
import type { Finding } from '../../../rubrics/rules/types';
import { GRADER_VERSION } from '../../../rubrics/version';
import { CompareWith } from '../compare/CompareWith';
import { ErrorNotice } from '../components/ErrorNotice';
import { useConceptTitles } from '../glossary/useConceptTitles';
import { renderDiagram } from '../mermaid/index';
import { gradingParams } from '../mock/submitAttempt';
import { ZoomablePreview } from '../practice/ZoomablePreview';
import { FindingsList, ScoreSummary } from '../practice/FeedbackPanel';
import { ReferenceDesign } from '../practice/ReferenceDesign';
import { useDiagramTheme } from '../practice/useDiagramTheme';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { CoverageSection } from './CoverageSection';
import { ExportButtons } from './ExportButtons';
import { Regrade } from './Regrade';
import { ReportReading } from './ReportReading';
import { TryAgain } from './TryAgain';
import { useNodeNames } from './useNodeNames';

type Prompt = ChannelOutput<'prompts:get'>;
type Report = NonNullable<AttemptView['report']>;

export function AttemptReportScreen(props: { readonly attemptId: number; readonly settings: Settings }): JSX.Element {
  const { attemptId } = props;
  const attempt = useApiCall(`attempt:${attemptId}`, (api) => api.getAttempt({ id: attemptId }));
  const promptId = attempt.loadable.state === 'ready' ? attempt.loadable.value.promptId : undefined;
  const prompt = useApiCall(`prompt:${promptId ?? ''}`, (api) =>
    promptId === undefined ? new Promise<never>(() => undefined) : api.getPrompt({ id: promptId }),
  );
  return (
    <main className="screen screen-report">
      <nav className="breadcrumbs">
        {promptId === undefined ? <a href={routeHref({ screen: 'home' })}>← All prompts</a> : <a href={routeHref({ screen: 'prompt', promptId })}>← Back to the prompt</a>}{' '}
        · <a href={routeHref({ screen: 'history' })}>History</a>
      </nav>
      {attempt.loadable.state === 'error' && <ErrorNotice what="the attempt could not be opened" error={attempt.loadable.error} onRetry={attempt.reload} />}
      {prompt.loadable.state === 'error' && <ErrorNotice what="the prompt could not be opened" error={prompt.loadable.error} onRetry={prompt.reload} />}
      {(attempt.loadable.state === 'loading' || prompt.loadable.state === 'loading') && <p className="muted">Loading the report…</p>}
      {attempt.loadable.state === 'ready' && prompt.loadable.state === 'ready' && (
        <AttemptReportView attempt={attempt.loadable.value} prompt={prompt.loadable.value} settings={props.settings} />
      )}
    </main>
  );
}

export function AttemptReportView(props: { readonly attempt: AttemptView; readonly prompt: Prompt; readonly settings: Settings }): JSX.Element {
  const { attempt, prompt } = props;
  const report = attempt.report;
  const concepts = useConceptTitles();
  const theme = useDiagramTheme(props.settings.theme);
  const [highlighted, setHighlighted] = useState<readonly string[]>([]);
  const nodeName = useNodeNames(attempt.diagram);
  if (report === null) return <p className="notice">This attempt has not been submitted yet.</p>;
  const title = attempt.mode === 'mock' ? `Mock interview report: ${prompt.title}` : `Practice attempt: ${prompt.title}`;
  return (
    <article className="report" aria-labelledby="report-title">
      <h2 id="report-title">{title}</h2>
      <p className="muted small">
        Submitted {new Date(attempt.submittedAt ?? attempt.startedAt).toLocaleString()} · grader version {attempt.graderVersion}
      </p>
      <ExportButtons attempt={attempt} />
      {report.outcome === 'no-design' && (
        <p className="notice report-no-design" data-testid="no-design">
          No design submitted: nothing was drawn, so there is no score.
        </p>
      )}
      {report.outcome === 'unparsable' && (
        <section className="notice notice-error" aria-label="Diagram errors">
          <p>The diagram did not parse, so it could not be graded:</p>
          <ul>
            {report.parseErrors.map((e) => (
              <li key={`${e.line}:${e.column}:${e.message}`}>
                Line {e.line}, column {e.column}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Regrade attempt={attempt} report={report} prompt={prompt} conceptTitles={concepts.titles} nodeName={nodeName} />
      {report.score !== undefined && <ScoreSummary score={report.score} />}
      {report.outcome !== 'no-design' && <ReportDiagram text={attempt.diagram} theme={theme} highlighted={highlighted} />}
      {/* Graded by another version, the reading is shown only with a re-grade (Regrade): this one would not be what was graded. */}
      {report.outcome === 'graded' && attempt.graderVersion === GRADER_VERSION && <ReportReading key={attempt.id} attempt={attempt} prompt={prompt} />}
      {report.outcome === 'graded' && (
        <section className="report-findings" aria-labelledby="report-findings-title">
          <h3 id="report-findings-title">Findings</h3>
          <FindingsList findings={report.findings as readonly Finding[]} onShowNodes={setHighlighted} conceptTitles={concepts.titles} nodeName={nodeName} />
        </section>
      )}
      {report.outcome === 'graded' && <CompareWith attempt={attempt} />}
      {report.coverage !== undefined && <CoverageSection coverage={report.coverage} onShowNodes={setHighlighted} nodeName={nodeName} />}
      {report.curveball !== undefined && <CurveballSection curveball={report.curveball} />}
      {report.estimates.length > 0 && <EstimatesSection estimates={report.estimates} />}
      {report.questions.length > 0 && <QuestionsSection questions={report.questions} />}
      {report.phases.length > 0 && <PhasesSection phases={report.phases} />}
      {attempt.mode === 'mock' && <NotesSection notes={attempt.notes} />}
      {attempt.status === 'submitted' && <TryAgain promptId={attempt.promptId} diagram={attempt.diagram} />}
      <ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={gradingParams(prompt, attempt.curveballId)} theme={theme} unlocked />
    </article>
  );
}

function ReportDiagram(props: { readonly text: string; readonly theme: 'light' | 'dark'; readonly highlighted: readonly string[] }): JSX.Element {
  const [svg, setSvg] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    void renderDiagram(props.text, props.theme).then((result) => {
      if (current && result.ok) setSvg(result.svg);
    });
    return () => {
      current = false;
    };
  }, [props.text, props.theme]);
  return (
    <section className="report-diagram" aria-label="Your diagram">
      <h3>Your diagram</h3>
      {svg === undefined ? <p className="muted small">Drawing…</p> : <ZoomablePreview svg={svg} highlighted={props.highlighted} />}
    </section>
  );
}

function CurveballSection(props: { readonly curveball: NonNullable<Report['curveball']> }): JSX.Element {
  const { curveball } = props;
  return (
    <section className="report-curveball" aria-labelledby="report-curveball-title">
      <h3 id="report-curveball-title">Curveball</h3>
      <p>
        {curveball.change} <span className="muted small">(at {formatDuration(curveball.shownAtMs)})</span>
      </p>
      <p data-testid="curveball-verdict" className={curveball.absorbed ? 'verdict-good' : 'verdict-bad'}>
        {curveball.absorbed ? 'Absorbed: the design handles the change.' : 'Not absorbed.'}
      </p>
      {curveball.problems.length > 0 && (
        <ul className="small">
          {curveball.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p className="small">
        <span className="label">What absorbs it: </span>
        {curveball.absorbedWhen}
      </p>
    </section>
  );
}

function EstimatesSection(props: { readonly estimates: Report['estimates'] }): JSX.Element {
  return (
    <section className="report-estimates" aria-labelledby="report-estimates-title">
      <h3 id="report-estimates-title">Estimates</h3>
      <table aria-label="Estimates against the expected values">
        <thead>
          <tr>
            <th scope="col">Estimate</th>
            <th scope="col">You said</th>
            <th scope="col">Expected</th>
            <th scope="col">Verdict</th>
            <th scope="col">Derivation</th>
          </tr>
        </thead>
        <tbody>
          {props.estimates.map((e) => (
            <tr key={e.id} data-verdict={e.verdict}>
              <th scope="row">{e.label}</th>
              <td>{e.typed === '' ? '—' : e.typed}</td>
              <td>
                {formatNumber(e.expected)} {e.unit}
              </td>
              <td>
                <strong>{VERDICT_TITLES[e.verdict]}</strong>
                <br />
                <span className="small muted">{e.note}</span>
              </td>
              <td className="small">{e.derivation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function QuestionsSection(props: { readonly questions: Report['questions'] }): JSX.Element {
  const asked = props.questions.filter((q) => q.askedAtMs !== undefined).length;
  return (
    <section className="report-questions" aria-labelledby="report-questions-title">
      <h3 id="report-questions-title">
        Clarifying questions ({asked} of {props.questions.length} asked)
      </h3>
      <ul>
        {props.questions.map((q) => (
          <li key={q.question} data-asked={q.askedAtMs !== undefined}>
            {q.askedAtMs === undefined ? 'Not asked: ' : `Asked at ${formatDuration(q.askedAtMs)}: `}
            {q.question}
            <span className="small muted"> — {q.answer}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PhasesSection(props: { readonly phases: Report['phases'] }): JSX.Element {
  return (
    <section className="report-phases" aria-labelledby="report-phases-title">
      <h3 id="report-phases-title">Time per phase</h3>
      <table aria-label="Time per phase against budget">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Used</th>
            <th scope="col">Budget</th>
          </tr>
        </thead>
        <tbody>
          {props.phases.map((p) => (
            <tr key={p.phase} className={p.usedMs > p.budgetMs ? 'over-budget' : undefined}>
              <th scope="row">{p.title}</th>
              <td>{formatDuration(p.usedMs)}</td>
              <td>{formatDuration(p.budgetMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The notes of each phase, in the order of the interview, under the phase's title and with their line breaks. */
function NotesSection(props: { readonly notes: AttemptView['notes'] }): JSX.Element | null {
  const entries = MOCK_PHASES.flatMap((phase) => {
    const text = props.notes[phase];
    return text === undefined || text.trim() === '' ? [] : [[phase, text] as const];
  });
  if (entries.length === 0) return null;
  return (
    <section className="report-notes" aria-labelledby="report-notes-title">
      <h3 id="report-notes-title">Your notes</h3>
      {entries.map(([phase, text]) => (
        <div key={phase} className="report-note">
          <h4 className="small label">{PHASE_TITLES[phase]}</h4>
          <p className="small">{text}</p>
        </div>
      ))}
    </section>
  );
}
