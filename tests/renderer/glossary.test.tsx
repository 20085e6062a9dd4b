// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { matchesFilter, type FilterableConcept } from '../../renderer/src/glossary/filter';
import { FindingsList } from '../../renderer/src/practice/FeedbackPanel';
import { parseRoute, routeHref, type Route } from '../../renderer/src/route';
import type { Finding } from '../../rubrics/rules/types';
import { CONCEPT_IDS } from '../../rubrics/vocabulary';
import { bankingPrompt, fakeApi, glossaryView } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';
import { installJsdomLayoutStubs } from './jsdomLayout';

beforeAll(installJsdomLayoutStubs);

resetAppAfterEach();

function entry(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

const titleOf = (id: string): string => glossaryView().concepts.find((c) => c.id === id)?.title ?? id;

describe('glossary routes', () => {
  it.each([
    ['#/glossary', { screen: 'glossary' }],
    ['#/glossary/', { screen: 'glossary' }],
    ['#/glossary/caching', { screen: 'glossary', conceptId: 'caching' }],
    ['#/glossary/sql-vs-nosql/', { screen: 'glossary', conceptId: 'sql-vs-nosql' }],
    ['#/glossary/telepathy', { screen: 'glossary' }],
    ['#/glossary/../x', { screen: 'home' }],
    ['#/glossaryx', { screen: 'home' }],
  ] as const)('%j → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([{ screen: 'glossary' }, ...CONCEPT_IDS.map((conceptId): Route => ({ screen: 'glossary', conceptId }))])(
    'round-trips %j through its href',
    (route) => {
      expect(parseRoute(routeHref(route))).toEqual(route);
    },
  );
});

describe('matchesFilter', () => {
  const concept: FilterableConcept = {
    id: 'sql-vs-nosql',
    title: 'SQL or NoSQL',
    summary: 'Picking a data store by access pattern.',
    explanation: 'Relational stores give joins and transactions.',
    tradeOffs: ['Documents scale out more easily.'],
  };
  it.each([
    ['', true],
    ['   ', true],
    ['nosql', true],
    ['SQL', true],
    ['sql vs', true],
    ['access pattern', true],
    ['data  store', true],
    ['TRANSACTIONS', true],
    ['scale out', true],
    ['joins documents', true],
    ['cache', false],
    ['sql cache', false],
  ])('%j → %s', (query, expected) => {
    expect(matchesFilter(concept, query)).toBe(expected);
  });
});

describe('glossary screen', () => {
  it('is linked from the header and lists every concept with its text, rules and prompts', async () => {
    const prompt = bankingPrompt();
    const { api } = fakeApi({ prompts: [prompt] });
    installApi(api);
    render(<App />);
    const link = within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Glossary' });
    expect(link.getAttribute('href')).toBe('#/glossary');
    await act(async () => {
      window.location.hash = '#/glossary';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Glossary' })).toBeTruthy();
    expect(link.getAttribute('aria-current')).toBe('page');

    const view = glossaryView([prompt]);
    expect(screen.getAllByRole('article')).toHaveLength(CONCEPT_IDS.length);
    for (const concept of view.concepts) {
      const article = entry(concept.title);
      expect(within(article).getByRole('heading', { level: 2 }).textContent).toBe(concept.title);
      expect(article.textContent).toContain(concept.explanation);
      for (const tradeOff of concept.tradeOffs) expect(article.textContent).toContain(tradeOff);
      const graded = within(article).getByRole('region', { name: 'Graded by' });
      expect(within(graded).queryAllByRole('listitem').map((li) => li.textContent)).toEqual(concept.rules.map((r) => r.title));
      const practised = within(article).getByRole('region', { name: 'Practised in' });
      expect(within(practised).queryAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(concept.prompts.map((p) => `#/prompt/${p.id}`));
    }
    const practisedInBanking = view.concepts.filter((c) => c.prompts.length > 0);
    expect(practisedInBanking.map((c) => c.id).sort()).toEqual([...prompt.concepts].sort());
  });

  it('filters the entries by what is typed, and says when nothing matches', async () => {
    installApi(fakeApi().api);
    window.location.hash = '#/glossary';
    render(<App />);
    const box = await screen.findByRole('searchbox', { name: 'Filter concepts' });
    fireEvent.change(box, { target: { value: 'websocket' } });
    const shown = screen.getAllByRole('article').map((a) => a.getAttribute('data-concept'));
    expect(shown).toContain('realtime-transport');
    expect(shown).not.toContain('dns');
    expect(shown).toEqual(glossaryView().concepts.filter((c) => matchesFilter(c, 'websocket')).map((c) => c.id));
    expect(shown.length).toBeLessThan(CONCEPT_IDS.length);
    expect(screen.getByRole('status').textContent).toBe(`${shown.length} of ${CONCEPT_IDS.length} concepts`);

    fireEvent.change(box, { target: { value: 'zzzz-no-such-thing' } });
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('No concept matches “zzzz-no-such-thing”.')).toBeTruthy();

    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getAllByRole('article')).toHaveLength(CONCEPT_IDS.length);
  });

  it('marks and focuses the entry named in the route', async () => {
    installApi(fakeApi().api);
    window.location.hash = '#/glossary/replication';
    render(<App />);
    const heading = await screen.findByRole('heading', { level: 2, name: titleOf('replication') });
    expect(heading.closest('article')?.classList.contains('concept-selected')).toBe(true);
    expect(document.activeElement).toBe(heading);
    expect(document.querySelectorAll('.concept-selected')).toHaveLength(1);
  });

  it('shows a glossary that failed to load as an error with its located problems and a retry', async () => {
    const { api } = fakeApi({
      glossary: {
        code: 'internal',
        message: 'The concept glossary (/r/glossary.yaml) could not be loaded.',
        issues: [{ path: '', message: '/r/glossary.yaml: concepts[3].title: expected string (line 20, column 12)' }],
      },
    });
    installApi(api);
    window.location.hash = '#/glossary';
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the glossary could not be loaded');
    expect(alert.textContent).toContain('concepts[3].title: expected string (line 20, column 12)');
    await act(async () => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(api.getGlossary).toHaveBeenCalledTimes(2);
  });
});

describe('concept links elsewhere', () => {
  it('shows a prompt’s concepts as chips that open their glossary entries', async () => {
    const prompt = bankingPrompt();
    installApi(fakeApi({ prompts: [prompt] }).api);
    window.location.hash = '#/prompt/banking';
    render(<App />);
    // The prompt waits for the glossary, so the chips carry its titles from their first render.
    await screen.findByRole('heading', { level: 1, name: prompt.title });
    const chips = screen.getByRole('list', { name: 'Concepts' });
    expect(within(chips).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
      prompt.concepts.map((id) => [titleOf(id), `#/glossary/${id}`]),
    );
  });

  it('keeps the chips usable with concept ids when the glossary does not load', async () => {
    const prompt = bankingPrompt();
    const { api } = fakeApi({ prompts: [prompt], glossary: { code: 'internal', message: 'broken' } });
    installApi(api);
    window.location.hash = '#/prompt/banking';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: prompt.title });
    const chips = screen.getByRole('list', { name: 'Concepts' });
    expect(api.getGlossary).toHaveBeenCalled();
    expect(within(chips).getAllByRole('link').map((a) => a.textContent)).toEqual([...prompt.concepts]);
  });

  it('links each finding’s concept to its glossary entry', () => {
    const finding: Finding = {
      rule: 'caching',
      severity: 'major',
      nodes: ['DB'],
      message: 'Every read goes to `DB`.',
      why: 'Hot reads would melt it.',
      fix: 'Put a cache in front.',
      concept: 'caching',
    };
    const titles = new Map([['caching', 'Caching'] as const]);
    render(<FindingsList findings={[finding, { ...finding, concept: 'sharding', rule: 'sharding' }]} conceptTitles={titles} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Caching', '#/glossary/caching'],
      ['sharding', '#/glossary/sharding'],
    ]);
  });
});
