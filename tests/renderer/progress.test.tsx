// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressView } from '../../electron/ipc/contract';
import { App } from '../../renderer/src/App';
import { fakeApi } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';
import { installJsdomLayoutStubs } from './jsdomLayout';

beforeAll(installJsdomLayoutStubs);
// The screen's module (its charts) loaded once up front: its first import under vitest takes
// seconds on a busy machine, which the tests would otherwise wait out inside their own time limits.
beforeAll(() => import('../../renderer/src/progress/ProgressScreen'));
resetAppAfterEach();

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

async function open(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    await Promise.resolve();
  });
}

describe('practice next card (home)', () => {
  it('shows the suggestion, links its concepts to the glossary and opens the prompt in one click', async () => {
    const { api } = fakeApi();
    api.getPracticeNext.mockImplementation(() =>
      ok({
        suggestion: {
          kind: 'due' as const,
          promptId: 'banking',
          promptTitle: 'Bank ledger and money transfers',
          concepts: [{ id: 'replication' as const, title: 'Replication and failover' }],
          reason: 'Replication and failover last scored 35, due since Tuesday.',
        },
      }),
    );
    installApi(api);
    render(<App />);
    const card = await screen.findByTestId('practice-next');
    expect(within(card).getByRole('link', { name: 'Open Bank ledger and money transfers' }).getAttribute('href')).toBe('#/prompt/banking');
    expect(within(card).getByTestId('practice-next-reason').textContent).toBe('Replication and failover last scored 35, due since Tuesday.');
    expect(within(card).getByRole('link', { name: 'Replication and failover' }).getAttribute('href')).toBe('#/glossary/replication');
  });

  it('is left out when there is nothing to suggest', async () => {
    installApi(fakeApi().api);
    render(<App />);
    await screen.findByRole('heading', { name: 'Choose a prompt' });
    expect(screen.queryByTestId('practice-next')).toBeNull();
  });
});

describe('progress screen', () => {
  it('is linked from the header; a profile without graded attempts is told where scores come from', async () => {
    installApi(fakeApi().api);
    render(<App />);
    expect(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Progress' }).getAttribute('href')).toBe('#/progress');
    await open('#/progress');
    expect(await screen.findByText(/No graded attempts yet/)).toBeTruthy();
    expect(screen.getByTestId('progress-streak').textContent).toBe('0 days in a row');
    expect(screen.getByTestId('progress-week').textContent).toBe('This week: 0 min over 0 attempts');
  });

  it('lists concepts weakest first with trend, glossary link and the prompts that practise them', async () => {
    const view: ProgressView = {
      graded: 3,
      months: ['2026-11'],
      prompts: [{ id: 'banking', title: 'Bank ledger', points: [{ month: '2026-11', score: 60, attempts: 3 }] }],
      categories: [{ category: 'data', points: [{ month: '2026-11', score: 55 }] }],
      concepts: [
        { id: 'replication', title: 'Replication and failover', level: 38, trend: -12, recent: [50, 40, 35], prompts: [{ id: 'banking', title: 'Bank ledger' }] },
        { id: 'caching', title: 'Caching', level: 90, trend: null, recent: [90], prompts: [] },
      ],
      streakDays: 1,
      practisedToday: false,
      week: { attempts: 3, minutes: 85 },
    };
    const { api } = fakeApi();
    api.getProgress.mockImplementation(() => ok(view));
    installApi(api);
    render(<App />);
    await open('#/progress');
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Replication and failover', 'Caching']);
    const first = rows[0] as HTMLElement;
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['38', '−12', '50, 40, 35', 'Bank ledger']);
    expect(within(first).getByRole('link', { name: 'Replication and failover' }).getAttribute('href')).toBe('#/glossary/replication');
    expect(within(first).getByRole('link', { name: 'Bank ledger' }).getAttribute('href')).toBe('#/prompt/banking');
    expect(screen.getByTestId('progress-streak').textContent).toBe('1 day in a row (practise today to keep it)');
    expect(screen.getByTestId('progress-week').textContent).toBe('This week: 1 h 25 min over 3 attempts');
  });
});
