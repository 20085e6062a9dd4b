import { CONCEPT_IDS, type ConceptId } from '../../rubrics/vocabulary';

/**
 * Navigation is the URL hash (`#/`, `#/prompt/<id>`, `#/glossary`, `#/glossary/<concept>`), so a
 * reload reopens the same screen and no real navigation (which main refuses) ever happens.
 */
export type Route =
  | { readonly screen: 'home' }
  | { readonly screen: 'prompt'; readonly promptId: string }
  | { readonly screen: 'glossary'; readonly conceptId?: ConceptId };

const PROMPT_ROUTE = /^#\/prompt\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;
const GLOSSARY_ROUTE = /^#\/glossary(?:\/([a-z0-9]+(?:-[a-z0-9]+)*))?\/?$/;

function isConceptId(value: string): value is ConceptId {
  return (CONCEPT_IDS as readonly string[]).includes(value);
}

export function parseRoute(hash: string): Route {
  const prompt = PROMPT_ROUTE.exec(hash);
  if (prompt?.[1] !== undefined) return { screen: 'prompt', promptId: prompt[1] };
  const glossary = GLOSSARY_ROUTE.exec(hash);
  if (glossary !== null) {
    const concept = glossary[1];
    // An unknown concept still opens the glossary, just without an entry to scroll to.
    return concept !== undefined && isConceptId(concept) ? { screen: 'glossary', conceptId: concept } : { screen: 'glossary' };
  }
  return { screen: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'prompt':
      return `#/prompt/${route.promptId}`;
    case 'glossary':
      return route.conceptId === undefined ? '#/glossary' : `#/glossary/${route.conceptId}`;
  }
}
