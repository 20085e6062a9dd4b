import type { JSX } from 'react';
import type { ConceptId } from '../../../rubrics/vocabulary';
import { routeHref } from '../route';

/** Concept titles by id, once the glossary has loaded; links fall back to the bare id before that. */
export type ConceptTitles = ReadonlyMap<ConceptId, string>;

export function ConceptLink(props: { readonly concept: ConceptId; readonly titles?: ConceptTitles | undefined; readonly className?: string }): JSX.Element {
  return (
    <a className={props.className ?? 'concept-link'} href={routeHref({ screen: 'glossary', conceptId: props.concept })}>
      {props.titles?.get(props.concept) ?? props.concept}
    </a>
  );
}

/** The concepts a prompt exercises, as chips that open their glossary entries. */
export function ConceptChips(props: { readonly concepts: readonly ConceptId[]; readonly titles?: ConceptTitles | undefined }): JSX.Element {
  return (
    <ul className="concept-chips" aria-label="Concepts">
      {props.concepts.map((concept) => (
        <li key={concept}>
          <ConceptLink concept={concept} titles={props.titles} className="concept-chip" />
        </li>
      ))}
    </ul>
  );
}
