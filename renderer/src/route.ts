import { CONCEPT_IDS, type ConceptId } from '../../rubrics/vocabulary';

/**
 * Navigation is the URL hash (`#/`, `#/prompt/<id>`, `#/glossary`, `#/glossary/<concept>`, `#/progress`, `#/history`), so a
 * reload reopens the same screen and no real navigation (which main refuses) ever happens.
 */
export type Route =
  | { readonly screen: 'home' }
  | { readonly screen: 'prompt'; readonly promptId: string }
  | { readonly screen: 'glossary'; readonly conceptId?: ConceptId }
  | { readonly screen: 'mock-setup'; readonly promptId: string }
  | { readonly screen: 'mock'; readonly attemptId: number }
  | { readonly screen: 'attempt'; readonly attemptId: number }
  | { readonly screen: 'progress' }
  | { readonly screen: 'compare'; readonly before: number; readonly after: number | 'reference' }
  | { readonly screen: 'data' }
  | { readonly screen: 'history' };

const PROMPT_ROUTE = /^#\/prompt\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;
const MOCK_SETUP_ROUTE = /^#\/prompt\/([a-z0-9]+(?:-[a-z0-9]+)*)\/mock\/?$/;
const MOCK_ROUTE = /^#\/mock\/([1-9]\d{0,14})\/?$/;
const ATTEMPT_ROUTE = /^#\/attempt\/([1-9]\d{0,14})\/?$/;
const PROGRESS_ROUTE = /^#\/progress\/?$/;
const COMPARE_ROUTE = /^#\/compare\/([1-9]\d{0,14})\/([1-9]\d{0,14}|reference)\/?$/;
const DATA_ROUTE = /^#\/data\/?$/;
const HISTORY_ROUTE = /^#\/history\/?$/;
const GLOSSARY_ROUTE = /^#\/glossary(?:\/([a-z0-9]+(?:-[a-z0-9]+)*))?\/?$/;

function isConceptId(value: string): value is ConceptId {
  return (CONCEPT_IDS as readonly string[]).includes(value);
}

export function parseRoute(hash: string): Route {
  const setup = MOCK_SETUP_ROUTE.exec(hash);
  if (setup?.[1] !== undefined) return { screen: 'mock-setup', promptId: setup[1] };
  const mock = MOCK_ROUTE.exec(hash);
  if (mock?.[1] !== undefined) return { screen: 'mock', attemptId: Number(mock[1]) };
  const attempt = ATTEMPT_ROUTE.exec(hash);
  if (attempt?.[1] !== undefined) return { screen: 'attempt', attemptId: Number(attempt[1]) };
  if (PROGRESS_ROUTE.test(hash)) return { screen: 'progress' };
  const compare = COMPARE_ROUTE.exec(hash);
  if (compare?.[1] !== undefined && compare[2] !== undefined) {
    return { screen: 'compare', before: Number(compare[1]), after: compare[2] === 'reference' ? 'reference' : Number(compare[2]) };
  }
  if (DATA_ROUTE.test(hash)) return { screen: 'data' };
  if (HISTORY_ROUTE.test(hash)) return { screen: 'history' };
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
    case 'mock-setup':
      return `#/prompt/${route.promptId}/mock`;
    case 'mock':
      return `#/mock/${route.attemptId}`;
    case 'attempt':
      return `#/attempt/${route.attemptId}`;
    case 'progress':
      return '#/progress';
    case 'compare':
      return `#/compare/${route.before}/${route.after}`;
    case 'data':
      return '#/data';
    case 'history':
      return '#/history';
  }
}
