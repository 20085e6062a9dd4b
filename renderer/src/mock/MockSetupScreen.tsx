import { useState, type JSX } from 'react';
import type { IpcError, Settings } from '../../../electron/ipc/contract';
import { DEFAULT_MOCK_LENGTH_MIN, MOCK_LENGTHS_MIN, formatDuration, phasePlan, type MockLengthMin } from '../../../prompts/mockPlan';
import { callApi } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';

/** Choose the length, see the phases and their budgets, then start. */
export function MockSetupScreen(props: {
  readonly promptId: string;
  readonly settings: Settings;
  readonly onSettings: (patch: Partial<Settings>) => void;
}): JSX.Element {
  const { promptId } = props;
  const prompt = useApiCall(`prompt:${promptId}`, (api) => api.getPrompt({ id: promptId }));
  const [length, setLength] = useState<MockLengthMin>(DEFAULT_MOCK_LENGTH_MIN);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();

  const start = (): void => {
    setStarting(true);
    void callApi((api) => api.startAttempt({ promptId, mode: 'mock', lengthMin: length, startedAt: Date.now() })).then((result) => {
      if (result.ok) {
        window.location.hash = routeHref({ screen: 'mock', attemptId: result.value.id });
      } else {
        setStarting(false);
        setError(result.error);
      }
    });
  };

  return (
    <main className="screen screen-mock-setup">
      <nav className="breadcrumbs">
        <a href={routeHref({ screen: 'prompt', promptId })}>← Back to practice</a>
      </nav>
      {prompt.loadable.state === 'loading' && <p className="muted">Loading the prompt…</p>}
      {prompt.loadable.state === 'error' && <ErrorNotice what="the prompt could not be opened" error={prompt.loadable.error} onRetry={prompt.reload} />}
      {prompt.loadable.state === 'ready' && (
        <section className="mock-setup" aria-labelledby="mock-setup-title">
          <h2 id="mock-setup-title">Mock interview: {prompt.loadable.value.title}</h2>
          <p className="muted small">
            One countdown for the interview and one for each phase. Phases guide and never force: move on early with “Next phase”;
            overrunning a phase only shows it. No findings, hints, concepts or reference until you submit. At zero the interview is
            submitted for you.
          </p>
          <fieldset className="mock-length">
            <legend>Length</legend>
            {MOCK_LENGTHS_MIN.map((minutes) => (
              <label key={minutes}>
                <input type="radio" name="mock-length" value={minutes} checked={length === minutes} onChange={() => setLength(minutes)} /> {minutes} minutes
              </label>
            ))}
          </fieldset>
          <table className="phase-plan" aria-label="Phases and their budgets">
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col">Budget</th>
              </tr>
            </thead>
            <tbody>
              {phasePlan(length).map((p) => (
                <tr key={p.phase}>
                  <th scope="row">{p.title}</th>
                  <td>{formatDuration(p.budgetMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="small">
            <input
              type="checkbox"
              checked={props.settings.mockTimeWhileClosed === 'paused'}
              onChange={(event) => props.onSettings({ mockTimeWhileClosed: event.target.checked ? 'paused' : 'running' })}
            />{' '}
            Pause the clock while Sysdrill is closed (in a real interview it keeps running)
          </label>
          {error !== undefined && <ErrorNotice what="the interview could not start" error={error} />}
          <button type="button" className="primary" onClick={start} disabled={starting}>
            Start the interview
          </button>
        </section>
      )}
    </main>
  );
}
