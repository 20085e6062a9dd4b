// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
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
