import { useEffect, useId, useState, type JSX } from 'react';
import type { ConceptId } from '../../../rubrics/vocabulary';
import { ErrorNotice } from '../components/ErrorNotice';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { matchesFilter } from './filter';
import { conceptElementId, GlossaryEntry } from './GlossaryEntry';

/** Every concept the grader and the prompts talk about: what it is, its trade-offs, what uses it. */
export function GlossaryScreen(props: { readonly conceptId?: ConceptId | undefined }): JSX.Element {
  const { conceptId } = props;
  const { loadable, reload } = useApiCall('glossary', (api) => api.getGlossary());
  // The filter belongs to the entry it was typed on: opening an entry by its link shows it, even
  // when the filter typed before would hide it.
  const [filter, setFilter] = useState({ conceptId, query: '' });
  const query = filter.conceptId === conceptId ? filter.query : '';
  const setQuery = (next: string): void => setFilter({ conceptId, query: next });
  const filterId = useId();

  const ready = loadable.state === 'ready';
  useEffect(() => {
    if (!ready || conceptId === undefined) return;
    const element = document.getElementById(conceptElementId(conceptId));
    element?.scrollIntoView?.({ block: 'start' });
    element?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [ready, conceptId]);

  const concepts = loadable.state === 'ready' ? loadable.value.concepts : [];
  const shown = concepts.filter((concept) => matchesFilter(concept, query));

  return (
    <main className="screen screen-glossary">
      <nav className="breadcrumbs">
        <a href={routeHref({ screen: 'home' })}>← All prompts</a>
      </nav>
      <header className="screen-header">
        <h1>Glossary</h1>
        <p className="lead">The ideas behind the grading: what each one means, what it costs, which rules check it and which prompts practise it.</p>
      </header>

      {loadable.state === 'loading' && <p className="muted">Loading the glossary…</p>}
      {loadable.state === 'error' && <ErrorNotice what="the glossary could not be loaded" error={loadable.error} onRetry={reload} />}
      {loadable.state === 'ready' && (
        <>
          <div className="glossary-filter">
            <label htmlFor={filterId}>Filter concepts</label>
            <input
              id={filterId}
              type="search"
              value={query}
              placeholder="e.g. cache, queue, failover"
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
            <span className="muted small" role="status" aria-live="polite">
              {query.trim() === '' ? `${concepts.length} concepts` : `${shown.length} of ${concepts.length} concepts`}
            </span>
          </div>
          {shown.length === 0 ? (
            <p className="muted">No concept matches “{query.trim()}”.</p>
          ) : (
            <div className="glossary-entries">
              {shown.map((concept) => (
                <GlossaryEntry key={concept.id} concept={concept} selected={concept.id === conceptId} />
              ))}
            </div>
          )}
        </>
      )}
    </main>
  );
}
