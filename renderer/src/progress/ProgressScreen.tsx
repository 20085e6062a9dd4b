import type { JSX } from 'react';
import type { ProgressView } from '../../../electron/ipc/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { minutesLabel, trendLabel } from './format';
import { PracticeNextCard } from './PracticeNextCard';
import { ScoreChart } from './ScoreChart';
import { CATEGORY_TITLES } from '../../../rubrics/vocabulary';


export function ProgressScreen(): JSX.Element {
  const { loadable, reload } = useApiCall('progress', (api) => api.getProgress());
  return (
    <main className="screen progress-screen">
      <header className="screen-header">
        <h1>Progress</h1>
        <p className="lead">Your graded attempts over time, and the concepts to work on.</p>
      </header>
      <PracticeNextCard />
      {loadable.state === 'loading' && <p className="muted">Loading your progress…</p>}
      {loadable.state === 'error' && <ErrorNotice what="your progress could not be loaded" error={loadable.error} onRetry={reload} />}
      {loadable.state === 'ready' && <ProgressFigures view={loadable.value} />}
    </main>
  );
}

function ProgressFigures({ view }: { readonly view: ProgressView }): JSX.Element {
  return (
    <>
      <ul className="progress-stats" aria-label="Practice">
        <li data-testid="progress-streak">
          <strong>{view.streakDays}</strong> {view.streakDays === 1 ? 'day' : 'days'} in a row
          {view.streakDays > 0 && !view.practisedToday && <span className="muted"> (practise today to keep it)</span>}
        </li>
        <li data-testid="progress-week">
          This week: <strong>{minutesLabel(view.week.minutes)}</strong> over {view.week.attempts} {view.week.attempts === 1 ? 'attempt' : 'attempts'}
        </li>
        <li>
          <strong>{view.graded}</strong> graded {view.graded === 1 ? 'attempt' : 'attempts'}
        </li>
      </ul>
      {view.graded === 0 ? (
        <p className="muted">
          No graded attempts yet. Submit a design on any <a href={routeHref({ screen: 'home' })}>prompt</a> and your scores appear here.
        </p>
      ) : (
        <>
          <section aria-labelledby="by-prompt-title">
            <h2 id="by-prompt-title">Average score per month, per prompt</h2>
            <p className="muted small" data-testid="chart-prompts-note">
              Each point is the mean score of that month&apos;s graded attempts of the prompt; <a href={routeHref({ screen: 'history' })}>History</a> lists every
              attempt&apos;s own score.
            </p>
            <ScoreChart title="Average score per month, per prompt" testId="chart-prompts" months={view.months} series={view.prompts.map((p) => ({ key: p.id, name: p.title, points: p.points }))} />
          </section>
          <section aria-labelledby="by-category-title">
            <h2 id="by-category-title">Average score per month, per category</h2>
            <p className="muted small">Each point is that month&apos;s weighted mean of the rule scores in the category.</p>
            <ScoreChart
              title="Average score per month, per category"
              testId="chart-categories"
              months={view.months}
              series={view.categories.map((c) => ({ key: c.category, name: CATEGORY_TITLES[c.category], points: c.points }))}
            />
          </section>
          <ConceptTable concepts={view.concepts} />
        </>
      )}
    </>
  );
}

function ConceptTable({ concepts }: { readonly concepts: ProgressView['concepts'] }): JSX.Element {
  return (
    <section aria-labelledby="concepts-title">
      <h2 id="concepts-title">Concepts, weakest first</h2>
      {concepts.length === 0 ? (
        <p className="muted">No concept has been graded yet.</p>
      ) : (
        <>
          <p className="muted small" data-testid="concepts-note">
            Level is the mean of the last five scores. Trend compares the newer half of the recent scores with the older half; &quot;new&quot; means a single
            score so far.
          </p>
          <table className="progress-concepts">
            <thead>
              <tr>
                <th scope="col">Concept</th>
                <th scope="col">Level</th>
                <th scope="col">Trend</th>
                <th scope="col">Recent scores, oldest → newest</th>
                <th scope="col">Practise it in</th>
              </tr>
            </thead>
            <tbody>
              {concepts.map((concept) => (
                <tr key={concept.id} data-testid={`concept-${concept.id}`}>
                  <th scope="row">
                    <a href={routeHref({ screen: 'glossary', conceptId: concept.id })}>{concept.title}</a>
                  </th>
                  <td>{concept.level}</td>
                  <td className={concept.trend === null ? 'trend' : concept.trend > 0 ? 'trend trend-up' : concept.trend < 0 ? 'trend trend-down' : 'trend'}>{trendLabel(concept.trend)}</td>
                  <td className="muted">{concept.recent.join(', ')}</td>
                  <td>
                    <ul className="concept-chips">
                      {concept.prompts.map((prompt) => (
                        <li key={prompt.id}>
                          <a className="concept-chip" href={routeHref({ screen: 'prompt', promptId: prompt.id })}>
                            {prompt.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
