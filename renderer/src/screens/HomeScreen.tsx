import type { JSX } from 'react';
import { DifficultyBadge } from '../components/DifficultyBadge';
import { TagList } from '../components/TagList';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';

export function HomeScreen(): JSX.Element {
  const { loadable, reload } = useApiCall('prompts', (api) => api.listPrompts());

  return (
    <main className="screen">
      <header className="screen-header">
        <h1>Choose a prompt</h1>
        <p className="lead">Pick an interview question, sketch your architecture as a Mermaid flowchart, and come back to it any time.</p>
      </header>

      {loadable.state === 'loading' && <p className="muted">Loading prompts…</p>}
      {loadable.state === 'error' && <ErrorNotice what="the prompt list could not be loaded" error={loadable.error} onRetry={reload} />}
      {loadable.state === 'ready' && (
        <>
          {loadable.value.prompts.length === 0 ? (
            <p className="muted">No prompts were found.</p>
          ) : (
            <ul className="prompt-list" aria-label="Prompts">
              {loadable.value.prompts.map((prompt) => (
                <li key={prompt.id} className="prompt-card">
                  <a href={routeHref({ screen: 'prompt', promptId: prompt.id })} className="prompt-link">
                    {prompt.title}
                  </a>
                  <div className="prompt-meta">
                    <DifficultyBadge difficulty={prompt.difficulty} />
                    {prompt.source === 'user' && <span className="badge badge-user">your prompt</span>}
                    <TagList tags={prompt.tags} />
                  </div>
                </li>
              ))}
            </ul>
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
