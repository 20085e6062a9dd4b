// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';
import { bankingPrompt, fakeApi } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';
import { installJsdomLayoutStubs } from './jsdomLayout';

beforeAll(installJsdomLayoutStubs);

resetAppAfterEach();

describe('home screen', () => {
  it('lists each prompt with its difficulty and tags, linking to its screen', async () => {
    const { api } = fakeApi({
      list: {
        prompts: [
          { id: 'banking', title: 'Core banking ledger', difficulty: 'hard', tags: ['consistency', 'payments'], source: 'builtin' },
          { id: 'my-own', title: 'My own prompt', difficulty: 'easy', tags: ['custom'], source: 'user' },
        ],
        errors: [],
      },
    });
    installApi(api);
    render(<App />);
    const list = await screen.findByRole('list', { name: 'Prompts' });
    const link = within(list).getByRole('link', { name: 'Core banking ledger' });
    expect(link.getAttribute('href')).toBe('#/prompt/banking');
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText('hard')).toBeTruthy();
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['consistency', 'payments']);
    expect(within(list).getByText('your prompt')).toBeTruthy();
  });

  it('shows prompt files that failed to load', async () => {
    const { api } = fakeApi({
      list: { prompts: [], errors: [{ file: '/u/prompts/bad.yaml', message: '/u/prompts/bad.yaml: title: expected string (line 2, column 8)' }] },
    });
    installApi(api);
    render(<App />);
    const region = await screen.findByRole('region', { name: 'Some prompt files could not be loaded' });
    expect(region.textContent).toContain('bad.yaml: title: expected string (line 2, column 8)');
  });

  it('renders markup in a title as text', async () => {
    const title = '<img src=x onerror=alert(1)>Evil';
    const { api } = fakeApi({ list: { prompts: [{ id: 'evil', title, difficulty: 'easy', tags: ['x'], source: 'user' }], errors: [] } });
    installApi(api);
    const { container } = render(<App />);
    expect((await screen.findByRole('link', { name: title })).textContent).toBe(title);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an IPC error with a retry that calls main again', async () => {
    const { api } = fakeApi({ list: { code: 'internal', message: 'prompts:list failed: disk on fire' } });
    installApi(api);
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('disk on fire');
    await act(async () => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(api.listPrompts).toHaveBeenCalledTimes(2);
  });

  it('explains a missing bridge instead of showing a blank window', async () => {
    installApi(undefined);
    render(<App />);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('bridge (window.api) is missing');
  });
});

describe('prompt screen', () => {
  it('shows the scenario, requirements and scale, and restores the saved draft in the editor', async () => {
    const prompt = bankingPrompt();
    const { api } = fakeApi({ prompts: [prompt], drafts: [{ promptId: 'banking', mode: 'practice', text: 'flowchart LR\n  Teller --> Ledger', updatedAt: 1, revision: 1 }] });
    installApi(api);
    window.location.hash = '#/prompt/banking';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: prompt.title })).toBeTruthy();
    expect(screen.getByText(prompt.scenario.trim().slice(0, 40), { exact: false })).toBeTruthy();
    for (const requirement of prompt.requirements.functional) expect(screen.getByText(requirement)).toBeTruthy();
    expect(screen.getByText('Daily active users')).toBeTruthy();

    const host = await screen.findByTestId('diagram-editor');
    await waitFor(() => expect(host.shadowRoot?.querySelector('.cm-content')?.textContent).toContain('Teller --> Ledger'));
    expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('unchanged');
    expect(api.getDraft).toHaveBeenCalledWith({ promptId: 'banking', mode: 'practice' });
  });

  it('says so when the prompt does not exist', async () => {
    const { api } = fakeApi({ prompts: [] });
    installApi(api);
    window.location.hash = '#/prompt/nope';
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not found');
    expect(alert.textContent).toContain('nope');
  });
});

describe('ErrorBoundary', () => {
  it('replaces a crashed screen with the error and a way home', () => {
    const Crash = (): never => {
      throw new Error('render exploded');
    };
    const originalError = console.error;
    console.error = () => undefined;
    try {
      render(
        <ErrorBoundary>
          <Crash />
        </ErrorBoundary>,
      );
    } finally {
      console.error = originalError;
    }
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('render exploded');
    expect(within(alert).getByRole('button', { name: 'Back to the prompt list' })).toBeTruthy();
  });
});
