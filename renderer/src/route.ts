/**
 * Navigation is the URL hash (`#/`, `#/prompt/<id>`), so a reload reopens the same screen and
 * no real navigation (which main refuses) ever happens.
 */
export type Route = { readonly screen: 'home' } | { readonly screen: 'prompt'; readonly promptId: string };

const PROMPT_ROUTE = /^#\/prompt\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export function parseRoute(hash: string): Route {
  const match = PROMPT_ROUTE.exec(hash);
  return match?.[1] === undefined ? { screen: 'home' } : { screen: 'prompt', promptId: match[1] };
}

export function routeHref(route: Route): string {
  return route.screen === 'home' ? '#/' : `#/prompt/${route.promptId}`;
}
