import type { JSX } from 'react';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';

/** "Practice next", on the home screen and on Progress: the suggested prompt, why, and one click to open it. */
export function PracticeNextCard(): JSX.Element | null {
  const { loadable } = useApiCall('practice-next', (api) => api.getPracticeNext());
  // A suggestion is a convenience: while loading, or if it fails, the prompt list is enough.
  if (loadable.state !== 'ready' || loadable.value.suggestion === null) return null;
  const suggestion = loadable.value.suggestion;
  return (
    <section className="practice-next" aria-labelledby="practice-next-title" data-testid="practice-next">
      <h2 id="practice-next-title">{suggestion.kind === 'first' ? 'Practice next: your first prompt' : 'Practice next'}</h2>
      <p className="practice-next-prompt">
        <a className="button practice-next-open" href={routeHref({ screen: 'prompt', promptId: suggestion.promptId })}>
          Open {suggestion.promptTitle}
        </a>
      </p>
      <p className="practice-next-reason" data-testid="practice-next-reason">
        {suggestion.reason}
      </p>
      {suggestion.concepts.length > 0 && (
        <ul className="concept-chips" aria-label="Concepts it practises">
          {suggestion.concepts.map((concept) => (
            <li key={concept.id}>
              <a className="concept-chip" href={routeHref({ screen: 'glossary', conceptId: concept.id })}>
                {concept.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
