import { useMemo } from 'react';
import type { ConceptId } from '../../../rubrics/vocabulary';
import { useApiCall } from '../useApiCall';
import type { ConceptTitles } from './ConceptLink';

export interface ConceptTitlesState {
  /** The glossary call has answered (either way). */
  readonly settled: boolean;
  /** Undefined while loading or when the glossary failed: links then show concept ids. */
  readonly titles: ConceptTitles | undefined;
}

/** The glossary's concept titles, for labelling concept links (the glossary screen shows load errors). */
export function useConceptTitles(): ConceptTitlesState {
  const { loadable } = useApiCall('glossary', (api) => api.getGlossary());
  return useMemo(
    () => ({
      settled: loadable.state !== 'loading',
      titles: loadable.state === 'ready' ? new Map<ConceptId, string>(loadable.value.concepts.map((c) => [c.id, c.title])) : undefined,
    }),
    [loadable],
  );
}
