// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../electron/ipc/contract';
import { App } from '../../../renderer/src/App';
import { installApi, resetAppAfterEach } from '../appHarness';
import { fakeApi } from '../fakeApi';

// The screen's module loaded once up front: its first import under vitest can take longer on a
// busy machine than Testing Library waits for the screen.
beforeAll(() => import('../../../renderer/src/history/HistoryScreen'));

resetAppAfterEach();
// The filters are remembered for the session (sessionStorage): each test starts without them.
afterEach(() => sessionStorage.clear());

type Row = ChannelOutput<'history:page'>['rows'][number];

const row = (id: number, patch: Partial<Row> = {}): Row => ({
  id,
  promptId: 'instagram',
  promptTitle: 'Instagram-style photo sharing and feed',
  mode: 'practice',
  startedAt: 1_000_000,
  submittedAt: 1_000_000 + 754_000,
  totalScore: 62,
  graderVersion: '1',
  criticalFindings: 2,
  ...patch,
});

const LIST = {
  prompts: [
    { id: 'banking', title: 'Bank ledger and money transfers', difficulty: 'hard' as const, tags: ['payments'], source: 'builtin' as const },
    { id: 'instagram', title: 'Instagram-style photo sharing and feed', difficulty: 'medium' as const, tags: ['feed'], source: 'builtin' as const },
  ],
  errors: [],
};

async function openHistory(api: ReturnType<typeof fakeApi>['api']) {
  installApi(api);
  window.location.hash = '#/history';
  render(<App />);
  return screen.findByRole('heading', { name: 'History', level: 1 });
}

describe('history screen', () => {
  it('is linked from the header and lists each attempt with prompt, mode, duration, score and critical findings, linking to its review', async () => {
    const { api } = fakeApi({ list: LIST, history: [{ rows: [row(2, { mode: 'mock', totalScore: null, criticalFindings: 0 }), row(1)], next: null }] });
    await openHistory(api);
    expect(screen.getByRole('link', { name: 'History' }).getAttribute('aria-current')).toBe('page');
    const table = await screen.findByRole('table', { name: 'Attempts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].filter((_, i) => i !== 2).map((c) => c.textContent))).toEqual([
      ['Instagram-style photo sharing and feed', 'Mock interview', '12:34', '—', '0'],
      ['Instagram-style photo sharing and feed', 'Practice', '12:34', '62', '2'],
    ]);
    expect(within(rows[1] as HTMLElement).getByRole('link').getAttribute('href')).toBe('#/attempt/1');
  });

  it('loads the next page after the last row with "Load more"', async () => {
    const { api } = fakeApi({
      list: LIST,
      history: [
        { rows: [row(3, { submittedAt: 3_000_000 })], next: { submittedAt: 3_000_000, id: 3 } },
        { rows: [row(1)], next: null },
      ],
    });
    await openHistory(api);
    await screen.findByRole('table', { name: 'Attempts' });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(api.historyPage).toHaveBeenLastCalledWith({ filter: {}, cursor: { submittedAt: 3_000_000, id: 3 } });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('moves keyboard focus to the first attempt "Load more" brought, as the button it was on goes away', async () => {
    const { api } = fakeApi({
      list: LIST,
      history: [
        { rows: [row(3, { submittedAt: 3_000_000 })], next: { submittedAt: 3_000_000, id: 3 } },
        { rows: [row(2), row(1)], next: null },
      ],
    });
    await openHistory(api);
    const more = await screen.findByRole('button', { name: 'Load more' });
    more.focus();
    fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    await waitFor(() => expect(document.activeElement?.getAttribute('href')).toBe('#/attempt/2'));
  });

  it('asks again from the first page when a filter changes', async () => {
    const { api } = fakeApi({ list: LIST, history: [{ rows: [row(1)], next: null }] });
    await openHistory(api);
    await screen.findByRole('option', { name: 'Bank ledger and money transfers' });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Prompt' }), { target: { value: 'banking' } });
    });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), { target: { value: 'mock' } });
    });
    expect(api.historyPage).toHaveBeenLastCalledWith({ filter: { promptId: 'banking', mode: 'mock' }, cursor: null });
  });

  it('keeps its filters when the user opens another screen (an attempt, say) and comes back to History', async () => {
    const { api } = fakeApi({ list: LIST, history: [{ rows: [row(1)], next: null }] });
    await openHistory(api);
    await screen.findByRole('option', { name: 'Bank ledger and money transfers' });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Prompt' }), { target: { value: 'banking' } });
      fireEvent.change(screen.getByRole('spinbutton', { name: 'Score from' }), { target: { value: '40' } });
    });
    await act(async () => {
      window.location.hash = '#/';
      await Promise.resolve();
    });
    await screen.findByRole('heading', { name: 'Choose a prompt' });
    await act(async () => {
      window.location.hash = '#/history';
      await Promise.resolve();
    });
    await screen.findByRole('heading', { name: 'History', level: 1 });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Prompt' }) as HTMLSelectElement).value).toBe('banking'));
    expect((screen.getByRole('spinbutton', { name: 'Score from' }) as HTMLInputElement).value).toBe('40');
    expect(api.historyPage).toHaveBeenLastCalledWith({ filter: { promptId: 'banking', minScore: 40 }, cursor: null });
  });

  it('starts from no filter when what the session remembered is not a filter form', async () => {
    sessionStorage.setItem('sysdrill.historyFilter', '{"mode":"speedrun","minScore":7}');
    const { api } = fakeApi({ list: LIST, history: [{ rows: [row(1)], next: null }] });
    await openHistory(api);
    await waitFor(() => expect(api.historyPage).toHaveBeenCalledWith({ filter: {}, cursor: null }));
  });

  it('says what is wrong with a filter at the field and does not ask main', async () => {
    const { api } = fakeApi({ list: LIST, history: [] });
    await openHistory(api);
    await waitFor(() => expect(api.historyPage).toHaveBeenCalledTimes(1));
    await act(async () => {
      fireEvent.change(screen.getByRole('spinbutton', { name: 'Score from' }), { target: { value: '150' } });
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Score from: a whole number from 0 to 100');
    expect(screen.getByRole('spinbutton', { name: 'Score from' }).getAttribute('aria-invalid')).toBe('true');
    expect(api.historyPage).toHaveBeenCalledTimes(1);
  });

  it('says when there is nothing yet', async () => {
    const { api } = fakeApi({ list: LIST, history: [] });
    await openHistory(api);
    expect(await screen.findByText(/No attempts yet/)).toBeTruthy();
  });
});
