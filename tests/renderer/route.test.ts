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
    ['#/prompt/banking/mock', { screen: 'mock-setup', promptId: 'banking' }],
    ['#/mock/12', { screen: 'mock', attemptId: 12 }],
    ['#/attempt/7/', { screen: 'attempt', attemptId: 7 }],
    ['#/attempt/0', { screen: 'home' }],
    ['#/mock/-3', { screen: 'home' }],
    ['#/attempt/1e5', { screen: 'home' }],
    ['#/progress', { screen: 'progress' }],
    ['#/progress/', { screen: 'progress' }],
    ['#/progress/x', { screen: 'home' }],
    ['#/compare/3/8', { screen: 'compare', before: 3, after: 8 }],
    ['#/compare/3/reference/', { screen: 'compare', before: 3, after: 'reference' }],
    ['#/compare/3', { screen: 'home' }],
    ['#/compare/3/naive', { screen: 'home' }],
    ['#/data', { screen: 'data' }],
    ['#/data/', { screen: 'data' }],
    ['#/data/x', { screen: 'home' }],
    ['#/history', { screen: 'history' }],
    ['#/history/', { screen: 'history' }],
    ['#/history/x', { screen: 'home' }],
  ] as const)('%j → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([
    { screen: 'home' },
    { screen: 'prompt', promptId: 'llm-chat' },
    { screen: 'mock-setup', promptId: 'banking' },
    { screen: 'mock', attemptId: 3 },
    { screen: 'attempt', attemptId: 42 },
    { screen: 'progress' },
    { screen: 'compare', before: 4, after: 9 },
    { screen: 'compare', before: 4, after: 'reference' },
    { screen: 'data' },
    { screen: 'history' },
  ])('round-trips %j through its href', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
