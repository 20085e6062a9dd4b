import { useCallback, useEffect, type JSX } from 'react';
import type { AttemptView, ChannelOutput, Settings } from '../../../electron/ipc/contract';
import { MOCK_PHASES, PHASE_TITLES, formatDuration, nextPhase, type MockPhase } from '../../../prompts/mockPlan';
import { phaseTone } from '../../../prompts/mockTimer';
import { GradingParamsSchema, type GradingParams } from '../../../rubrics/params';
import { ErrorNotice } from '../components/ErrorNotice';
import { DiagramEditor } from '../editor/DiagramEditor';
import { DiagramPreview } from '../practice/DiagramPreview';
import { PreviewNotices, previewStatus } from '../practice/PreviewNotices';
import { useDiagramTheme } from '../practice/useDiagramTheme';
import { useLivePractice } from '../practice/useLivePractice';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { EstimatesWorksheet } from './EstimatesWorksheet';
import { useMockSession, type MockSession } from './useMockSession';

type Prompt = ChannelOutput<'prompts:get'>;

/** A countdown shows whole seconds still to go: 30:00 at the start, 0:00 at the end. */
export function countdown(ms: number): string {
  return formatDuration(Math.ceil(ms / 1000) * 1000);
}

export function MockInterviewScreen(props: { readonly attemptId: number; readonly settings: Settings }): JSX.Element {
  const { attemptId } = props;
  const attempt = useApiCall(`attempt:${attemptId}`, (api) => api.getAttempt({ id: attemptId }));
  const promptId = attempt.loadable.state === 'ready' ? attempt.loadable.value.promptId : undefined;
  const prompt = useApiCall(`prompt:${promptId ?? ''}`, (api) =>
    promptId === undefined ? new Promise<never>(() => undefined) : api.getPrompt({ id: promptId }),
  );

  useEffect(() => {
    if (attempt.loadable.state === 'ready' && attempt.loadable.value.status !== 'in_progress') {
      window.location.hash = attempt.loadable.value.status === 'submitted' ? routeHref({ screen: 'attempt', attemptId }) : routeHref({ screen: 'home' });
    }
  }, [attempt.loadable, attemptId]);

  return (
    <main className="screen screen-mock">
      {attempt.loadable.state === 'error' && <ErrorNotice what="the interview could not be opened" error={attempt.loadable.error} onRetry={attempt.reload} />}
      {prompt.loadable.state === 'error' && <ErrorNotice what="the prompt could not be opened" error={prompt.loadable.error} onRetry={prompt.reload} />}
      {(attempt.loadable.state === 'loading' || prompt.loadable.state === 'loading') && <p className="muted">Loading the interview…</p>}
      {attempt.loadable.state === 'ready' && attempt.loadable.value.status === 'in_progress' && prompt.loadable.state === 'ready' && (
        <RunningMock attempt={attempt.loadable.value} prompt={prompt.loadable.value} settings={props.settings} />
      )}
    </main>
  );
}

function RunningMock(props: { readonly attempt: AttemptView; readonly prompt: Prompt; readonly settings: Settings }): JSX.Element {
  const { attempt, prompt } = props;
  const onSubmitted = useCallback((done: AttemptView) => {
    window.location.hash = routeHref({ screen: 'attempt', attemptId: done.id });
  }, []);
  const session = useMockSession(attempt, prompt, props.settings.mockTimeWhileClosed, onSubmitted);
  const { state } = session;
  const budget = attempt.phasePlan.find((p) => p.phase === state.phase)?.budgetMs ?? 0;
  const usedInPhase = session.elapsedMs - session.phaseEnteredMs;
  const tone = phaseTone(usedInPhase, budget);
  const curveball = state.curveballId === null ? undefined : prompt.curveballs?.find((c) => c.id === state.curveballId);

  return (
    <div className="mock">
      <h2 className="mock-title">Mock interview: {prompt.title}</h2>
      {/* Sticky: the countdowns and the controls stay in view while a long phase scrolls. */}
      <header className="mock-header">
        <div className="mock-clocks">
          <p className="mock-clock">
            <span className="label">Time left </span>
            <span data-testid="mock-remaining">{countdown(session.remainingMs)}</span>
          </p>
          <p className={`mock-clock phase-clock phase-tone-${tone}`} data-testid="phase-clock" data-tone={tone}>
            <span className="label">{PHASE_TITLES[state.phase]} </span>
            <span data-testid="phase-remaining">{usedInPhase <= budget ? countdown(budget - usedInPhase) : `+${formatDuration(usedInPhase - budget)} over`}</span>
            {usedInPhase <= budget && <span className="small"> left in this phase</span>}
          </p>
        </div>
        <ol className="mock-phases" aria-label="Phases">
          {MOCK_PHASES.map((phase) => (
            <li key={phase} aria-current={phase === state.phase ? 'step' : undefined}>
              {PHASE_TITLES[phase]}
            </li>
          ))}
        </ol>
        <div className="mock-actions">
          {nextPhase(state.phase) !== undefined && (
            <button type="button" onClick={session.nextPhase} disabled={session.submitting}>
              Next phase
            </button>
          )}
          <button type="button" className="primary" onClick={session.submit} disabled={session.submitting}>
            {session.submitting ? 'Submitting…' : 'Submit now'}
          </button>
        </div>
      </header>
      {session.error !== undefined && <ErrorNotice what="the interview could not be submitted" error={session.error} onRetry={session.submit} />}
      {session.saveError !== undefined && <ErrorNotice what="your latest changes are not saved yet" error={session.saveError} />}
      {curveball !== undefined && (
        <section className="notice curveball" role="alert" aria-label="Curveball">
          <h3>Requirement change</h3>
          <p>{curveball.change}</p>
          <p className="muted small">Adapt your design to absorb it before the end.</p>
        </section>
      )}
      {state.phase !== 'requirements' && <Brief key={state.phase} phase={state.phase} session={session} prompt={prompt} />}
      <PhaseRoom phase={state.phase} session={session} prompt={prompt} settings={props.settings} />
    </div>
  );
}

/**
 * After the requirements phase: the scenario, the answers the candidate asked for and their
 * requirement notes, as on an interview whiteboard (the estimates need the numbers from the
 * answers). Open during the estimates, folded away during the design phases. Nothing unasked.
 */
function Brief(props: { readonly phase: MockPhase; readonly session: MockSession; readonly prompt: Prompt }): JSX.Element {
  const { prompt, session } = props;
  const asked = prompt.clarifyingQuestions.filter((_, index) => session.state.questions.some((a) => a.index === index));
  const notes = session.state.notes.requirements?.trim() ?? '';
  return (
    <details className="mock-brief" aria-label="The brief" open={props.phase === 'estimates'}>
      <summary>The brief: scenario, answers you asked for and your requirement notes</summary>
      <p className="scenario">{prompt.scenario}</p>
      {asked.length === 0 ? (
        <p className="muted small">You asked no clarifying questions.</p>
      ) : (
        <dl className="mock-brief-answers">
          {asked.map((q) => (
            <div key={q.question}>
              <dt>{q.question}</dt>
              <dd>{q.answer}</dd>
            </div>
          ))}
        </dl>
      )}
      {notes !== '' && (
        <>
          <h3>Your assumptions and requirements</h3>
          <p className="mock-brief-notes">{notes}</p>
        </>
      )}
    </details>
  );
}

function NotesBox(props: { readonly phase: MockPhase; readonly label: string; readonly session: MockSession }): JSX.Element {
  return (
    <label className="mock-notes">
      {props.label}
      <textarea
        value={props.session.state.notes[props.phase] ?? ''}
        onChange={(event) => props.session.setNote(props.phase, event.target.value)}
        onBlur={props.session.flush}
        rows={6}
      />
    </label>
  );
}

function PhaseRoom(props: { readonly phase: MockPhase; readonly session: MockSession; readonly prompt: Prompt; readonly settings: Settings }): JSX.Element {
  const { phase, session, prompt } = props;
  switch (phase) {
    case 'requirements':
      return (
        <section className="mock-room" aria-label="Requirements and clarifying questions">
          <p className="scenario">{prompt.scenario}</p>
          <h3>Clarifying questions</h3>
          <ul className="mock-questions">
            {prompt.clarifyingQuestions.map((q, index) => {
              const asked = session.state.questions.some((a) => a.index === index);
              return (
                <li key={q.question}>
                  <p>{q.question}</p>
                  {asked ? (
                    <p className="answer">{q.answer}</p>
                  ) : (
                    <button type="button" onClick={() => session.ask(index)} aria-label={`Ask: ${q.question}`}>
                      Ask
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <NotesBox phase="requirements" label="Assumptions and requirements" session={session} />
        </section>
      );
    case 'estimates':
      return (
        <section className="mock-room" aria-label="Capacity estimates">
          <EstimatesWorksheet estimates={prompt.estimates} typed={session.state.estimates} onChange={session.setEstimate} onBlur={session.flush} />
          <NotesBox phase="estimates" label="Working" session={session} />
        </section>
      );
    case 'high-level':
    case 'deep-dive':
      return (
        <section className="mock-room" aria-label={PHASE_TITLES[phase]}>
          <MockDiagram session={session} settings={props.settings} />
        </section>
      );
    case 'wrap-up':
      return (
        <section className="mock-room" aria-label="Wrap-up">
          <NotesBox phase="wrap-up" label="Bottlenecks, trade-offs and what you would do next" session={session} />
          <MockDiagram session={session} settings={props.settings} />
        </section>
      );
  }
}

const NO_HIGHLIGHT: readonly string[] = [];
/** The preview only draws; the grading it does is never shown during the interview. */
const PREVIEW_ONLY: GradingParams = GradingParamsSchema.parse({ rubric: { rules: {} } });

function MockDiagram(props: { readonly session: MockSession; readonly settings: Settings }): JSX.Element {
  const { session } = props;
  const theme = useDiagramTheme(props.settings.theme);
  const preview = useLivePractice(session.state.diagram, PREVIEW_ONLY, theme);
  return (
    <div className="workspace-panes">
      <DiagramEditor
        initialText={session.state.diagram}
        onChange={(next) => {
          preview.textChanged(next);
          session.setDiagram(next);
        }}
        onBlur={session.flush}
        label="Mermaid diagram editor"
        fontSize={props.settings.editorFontSize}
      />
      <section className="preview-pane" aria-label="Preview" aria-busy={preview.busy}>
        <div className="pane-header">
          <span className="muted small" data-testid="preview-status">
            {previewStatus(preview)}
          </span>
        </div>
        <PreviewNotices live={preview} />
        {preview.empty ? (
          <p className="muted small preview-empty">Your diagram appears here as you type.</p>
        ) : (
          preview.lastGood !== undefined && <DiagramPreview svg={preview.lastGood.svg} highlighted={NO_HIGHLIGHT} />
        )}
      </section>
    </div>
  );
}
