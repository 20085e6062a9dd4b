import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../renderer/src/route';

describe('parseRoute', () => {
  it.each([
    ['', { screen: 'home' }],
    ['#/', { screen: 'home' }],
    ['#/prompt/banking', { screen: 'prompt', promptId: 'banking' }],
    ['#/prompt/url-shortener/', { screen: 'prompt', promptId: 'url-shortener' }],
    ['#/prompt/', { screen: 'home' }],
    ['#/prompt/Bad_Id', { screen: 'home' }],
    ['#/prompt/../secrets', { screen: 'home' }],
    ['#/prompt/a/b', { screen: 'home' }],
    ['#/elsewhere', { screen: 'home' }],
  ] as const)('%j → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([{ screen: 'home' }, { screen: 'prompt', promptId: 'llm-chat' }])('round-trips %j through its href', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
