// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { installApi, resetAppAfterEach } from '../appHarness';
import { fakeApi } from '../fakeApi';

resetAppAfterEach();

const LIST = {
  prompts: [
    { id: 'banking', title: 'Bank ledger and money transfers', difficulty: 'hard' as const, tags: ['payments'], source: 'builtin' as const },
    { id: 'instagram', title: 'Instagram-style photo sharing and feed', difficulty: 'medium' as const, tags: ['feed'], source: 'builtin' as const },
  ],
  errors: [],
};

describe('home screen cards and filters', () => {
  it('shows best score, attempts and status on a practised prompt, and "not attempted" on the others', async () => {
    const { api } = fakeApi({ list: LIST, promptStats: [{ promptId: 'instagram', attempts: 2, bestScore: 88, lastSubmittedAt: Date.now() }] });
    installApi(api);
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Instagram-style photo sharing and feed' });
    const card = link.closest('li') as HTMLElement;
    expect((await within(card).findByTestId('prompt-stats')).textContent).toBe('Mastered Best 88 · 2 attempts · last practised today');
    const other = screen.getByRole('link', { name: 'Bank ledger and money transfers' }).closest('li') as HTMLElement;
    expect(within(other).getByTestId('prompt-stats').textContent).toBe('Not attempted yet');
    expect(screen.getByText(/Mastered: best score 85 or more/)).toBeTruthy();
  });

  it('narrows the cards by search and by status', async () => {
    const { api } = fakeApi({ list: LIST, promptStats: [{ promptId: 'banking', attempts: 1, bestScore: 40, lastSubmittedAt: Date.now() }] });
    installApi(api);
    render(<App />);
    await screen.findByRole('list', { name: 'Prompts' });
    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search titles' }), { target: { value: 'instagram' } });
    });
    expect(within(screen.getByRole('list', { name: 'Prompts' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Instagram-style photo sharing and feed']);
    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search titles' }), { target: { value: '' } });
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'attempted' } });
    });
    expect(within(screen.getByRole('list', { name: 'Prompts' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Bank ledger and money transfers']);
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'mastered' } });
    });
    expect(screen.getByText('No prompt matches these filters.')).toBeTruthy();
  });
});
