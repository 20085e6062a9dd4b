// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressView } from '../../../electron/ipc/contract';
import { ProgressScreen } from '../../../renderer/src/progress/ProgressScreen';
import { installApi, resetAppAfterEach } from '../appHarness';
import { fakeApi } from '../fakeApi';
import { installJsdomLayoutStubs } from '../jsdomLayout';

beforeAll(installJsdomLayoutStubs);
resetAppAfterEach();

/** Three Instagram attempts in one month, scored 6, 15 and 40: the chart has one point, 20. */
const VIEW: ProgressView = {
  graded: 3,
  months: ['2026-12'],
  prompts: [{ id: 'instagram', title: 'Instagram-style photo sharing and feed', points: [{ month: '2026-12', score: 20, attempts: 3 }] }],
  categories: [{ category: 'data', points: [{ month: '2026-12', score: 55 }] }],
  concepts: [],
  streakDays: 1,
  practisedToday: true,
  week: { attempts: 3, minutes: 75 },
};

describe('Progress charts', () => {
  it("say each point is a month's average, so a point of 20 is not read as an attempt's score", async () => {
    const { api } = fakeApi();
    api.getProgress.mockImplementation(() => Promise.resolve({ ok: true as const, value: VIEW }));
    installApi(api);
    render(<ProgressScreen />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Average score per month, per prompt' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Average score per month, per category' })).toBeTruthy();
    expect(screen.getByTestId('chart-prompts-note').textContent).toBe(
      "Each point is the mean score of that month's graded attempts of the prompt; History lists every attempt's own score.",
    );
    expect(screen.getByRole('link', { name: 'History' }).getAttribute('href')).toBe('#/history');
  });
});

describe('Progress concept table', () => {
  it('says its recent scores run oldest → newest and what Trend compares, so "0, 0, 70, 70, 70" next to "+70" reads as a rise', async () => {
    const view: ProgressView = {
      ...VIEW,
      concepts: [{ id: 'caching', title: 'Caching', level: 42, trend: 70, recent: [0, 0, 70, 70, 70], prompts: [] }],
    };
    const { api } = fakeApi();
    api.getProgress.mockImplementation(() => Promise.resolve({ ok: true as const, value: view }));
    installApi(api);
    render(<ProgressScreen />);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Concept', 'Level', 'Trend', 'Recent scores, oldest → newest', 'Practise it in']);
    expect(within(table).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['42', '+70', '0, 0, 70, 70, 70', '']);
    expect(screen.getByTestId('concepts-note').textContent).toBe(
      'Level is the mean of the last five scores. Trend compares the newer half of the recent scores with the older half; "new" means a single score so far.',
    );
  });
});

describe('Progress: the concepts to work on', () => {
  it('shows the same Practice next card as the home screen, as its intro promises', async () => {
    const { api } = fakeApi();
    api.getProgress.mockImplementation(() => Promise.resolve({ ok: true as const, value: VIEW }));
    api.getPracticeNext.mockImplementation(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          suggestion: {
            kind: 'due' as const,
            promptId: 'banking',
            promptTitle: 'Bank ledger and money transfers',
            concepts: [{ id: 'idempotency' as const, title: 'Idempotency keys and safe retries' }],
            reason: 'Your weakest concept: Idempotency keys and safe retries (last scored 0). Practise it now.',
          },
        },
      }),
    );
    installApi(api);
    render(<ProgressScreen />);
    const card = await screen.findByTestId('practice-next');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Practice next');
    expect(within(card).getByTestId('practice-next-reason').textContent).toBe('Your weakest concept: Idempotency keys and safe retries (last scored 0). Practise it now.');
    expect(within(card).getByRole('link', { name: 'Open Bank ledger and money transfers' }).getAttribute('href')).toBe('#/prompt/banking');
    expect(within(card).getByRole('link', { name: 'Idempotency keys and safe retries' }).getAttribute('href')).toBe('#/glossary/idempotency');
  });
});
