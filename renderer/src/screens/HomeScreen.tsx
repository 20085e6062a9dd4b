import { useState, type JSX } from 'react';
import type { PromptStatsView, PromptSummary } from '../../../electron/ipc/contract';
import { DifficultyBadge } from '../components/DifficultyBadge';
import { TagList } from '../components/TagList';
import { ErrorNotice } from '../components/ErrorNotice';
import { PracticeNextCard } from '../progress/PracticeNextCard';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { allTags, EMPTY_PROMPT_FILTER, filterPrompts, MASTERED_SCORE, practisedWhen, promptStatus, STATUS_TITLES, type PromptFilter, type PromptStatus } from './promptFilter';

export function HomeScreen(): JSX.Element {
  const { loadable, reload } = useApiCall('prompts', (api) => api.listPrompts());
  const statsCall = useApiCall('prompt-stats', (api) => api.promptStats());
  const stats = new Map((statsCall.loadable.state === 'ready' ? statsCall.loadable.value : []).map((s) => [s.promptId, s]));
  const [filter, setFilter] = useState<PromptFilter>(EMPTY_PROMPT_FILTER);
  // "Last practised today / 3 days ago" is counted from when the screen opened.
  const [now] = useState(() => Date.now());

  return (
    <main className="screen">
      <header className="screen-header">
        <h1>Choose a prompt</h1>
        <p className="lead">Pick an interview question, sketch your architecture as a Mermaid flowchart, and come back to it any time.</p>
      </header>

      <PracticeNextCard />

      {loadable.state === 'loading' && <p className="muted">Loading prompts…</p>}
      {loadable.state === 'error' && <ErrorNotice what="the prompt list could not be loaded" error={loadable.error} onRetry={reload} />}
      {statsCall.loadable.state === 'error' && <ErrorNotice what="your scores could not be loaded" error={statsCall.loadable.error} onRetry={statsCall.reload} />}
      {loadable.state === 'ready' && (
        <>
          {loadable.value.prompts.length === 0 ? (
            <p className="muted">No prompts were found.</p>
          ) : (
            <>
              <PromptFilters prompts={loadable.value.prompts} filter={filter} onChange={setFilter} />
              <PromptCards prompts={filterPrompts(loadable.value.prompts, stats, filter)} stats={stats} now={now} />
            </>
          )}
          {loadable.value.errors.length > 0 && (
            <section className="notice notice-warning" aria-labelledby="load-errors-title">
              <h2 id="load-errors-title">Some prompt files could not be loaded</h2>
              <ul className="load-errors">
                {loadable.value.errors.map((error, index) => (
                  <li key={index}>
                    <code>{error.message}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}

function PromptFilters(props: { readonly prompts: readonly PromptSummary[]; readonly filter: PromptFilter; readonly onChange: (f: PromptFilter) => void }): JSX.Element {
  const { filter } = props;
  const set = (patch: Partial<PromptFilter>) => props.onChange({ ...filter, ...patch });
  return (
    <form className="home-filters" aria-label="Filter prompts" role="search" onSubmit={(event) => event.preventDefault()}>
      <label>
        Search titles <input type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <label>
        Difficulty{' '}
        <select value={filter.difficulty} onChange={(e) => set({ difficulty: e.target.value as PromptFilter['difficulty'] })}>
          <option value="">Any</option>
          <option value="easy">easy</option>
          <option value="medium">medium</option>
          <option value="hard">hard</option>
        </select>
      </label>
      <label>
        Tag{' '}
        <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">Any</option>
          {allTags(props.prompts).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status{' '}
        <select value={filter.status} onChange={(e) => set({ status: e.target.value as PromptFilter['status'] })}>
          <option value="">Any</option>
          {(Object.keys(STATUS_TITLES) as PromptStatus[]).map((status) => (
            <option key={status} value={status}>
              {STATUS_TITLES[status]}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">
        New: never submitted. Attempted: submitted at least once. Mastered: best score {MASTERED_SCORE} or more.
      </p>
    </form>
  );
}

function PromptCards(props: { readonly prompts: readonly PromptSummary[]; readonly stats: ReadonlyMap<string, PromptStatsView>; readonly now: number }): JSX.Element {
  if (props.prompts.length === 0) return <p className="muted">No prompt matches these filters.</p>;
  return (
    <ul className="prompt-list" aria-label="Prompts">
      {props.prompts.map((prompt) => {
        const stats = props.stats.get(prompt.id);
        const status = promptStatus(stats);
        return (
          <li key={prompt.id} className="prompt-card">
            <a href={routeHref({ screen: 'prompt', promptId: prompt.id })} className="prompt-link">
              {prompt.title}
            </a>
            <div className="prompt-meta">
              <DifficultyBadge difficulty={prompt.difficulty} />
              {prompt.source === 'user' && <span className="badge badge-user">your prompt</span>}
              <TagList tags={prompt.tags} />
            </div>
            <p className="prompt-stats small" data-testid="prompt-stats" data-status={status}>
              {stats === undefined ? (
                'Not attempted yet'
              ) : (
                <>
                  <span className={`badge badge-status-${status}`}>{STATUS_TITLES[status]}</span> Best {stats.bestScore ?? '—'} · {stats.attempts}{' '}
                  {stats.attempts === 1 ? 'attempt' : 'attempts'} · last practised {practisedWhen(stats.lastSubmittedAt, props.now)}
                </>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
