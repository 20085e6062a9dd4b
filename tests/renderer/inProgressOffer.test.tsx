// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../electron/ipc/contract';
import { InProgressOffer } from '../../renderer/src/mock/InProgressOffer';
import { phasePlan } from '../../prompts/mockPlan';
import { bankingPrompt, fakeApi } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';

resetAppAfterEach();

const MIN = 60_000;

function inProgress(id: number, startedAt: number, diagram = ''): AttemptView {
  return {
    id,
    promptId: 'banking',
    mode: 'mock',
    status: 'in_progress',
    startedAt,
    submittedAt: null,
    deadlineAt: startedAt + 30 * MIN,
    promptHash: 'h',
    graderVersion: '1',
    timeLimitMs: 30 * MIN,
    phasePlan: phasePlan(30).map(({ phase, budgetMs }) => ({ phase, budgetMs })),
    phase: 'high-level',
    clockOffsetMs: 0,
    lastSeenAt: startedAt + MIN,
    diagram,
    notes: {},
    estimates: [],
    questions: [],
    curveballId: null,
    events: [{ kind: 'entered', phase: 'requirements', at: startedAt, elapsedMs: 0 }],
    outcome: null,
    totalScore: null,
    report: null,
  };
}

describe('unfinished mock on launch', () => {
  it('offers an unfinished mock with time left, and discards it on request', async () => {
    const { api, attempts } = fakeApi({ prompts: [bankingPrompt()], attempts: [inProgress(1, Date.now() - 10 * MIN)] });
    installApi(api);
    render(<InProgressOffer route={{ screen: 'home' }} />);
    const offer = await screen.findByRole('region', { name: 'Unfinished mock interview' });
    expect(offer.textContent).toMatch(/“Bank ledger and money transfers”, (20:00|19:59) left/);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(attempts.get(1)?.status).toBe('abandoned'));
    expect(screen.queryByRole('region', { name: 'Unfinished mock interview' })).toBeNull();
  });

  it('submits a mock whose time ran out while closed, as "no design submitted" when nothing was drawn', async () => {
    const { api, attempts } = fakeApi({ prompts: [bankingPrompt()], attempts: [inProgress(2, Date.now() - 45 * MIN)] });
    installApi(api);
    render(<InProgressOffer route={{ screen: 'home' }} />);
    await screen.findByRole('status', { name: 'Mock interview submitted' });
    expect(attempts.get(2)).toMatchObject({ status: 'submitted', outcome: 'no-design' });
    expect(attempts.get(2)?.report?.phases.find((p) => p.phase === 'requirements')?.usedMs).toBe(30 * MIN);
    expect(screen.queryByRole('region', { name: 'Unfinished mock interview' })).toBeNull();
  });

  it('with the clock paused while closed, offers the mock again instead of submitting it', async () => {
    const { api, attempts } = fakeApi({
      prompts: [bankingPrompt()],
      attempts: [inProgress(3, Date.now() - 45 * MIN)],
      settings: { theme: 'system', editorFontSize: 14, mockTimeWhileClosed: 'paused' },
    });
    installApi(api);
    render(<InProgressOffer route={{ screen: 'home' }} />);
    const offer = await screen.findByRole('region', { name: 'Unfinished mock interview' });
    // One minute was used before closing: 29 minutes are left.
    expect(offer.textContent).toContain('29:00 left');
    expect(attempts.get(3)?.status).toBe('in_progress');
  });

  it('leaves alone the mock that is open on screen at launch', async () => {
    const { api } = fakeApi({ prompts: [bankingPrompt()], attempts: [inProgress(4, Date.now() - 45 * MIN)] });
    installApi(api);
    render(<InProgressOffer route={{ screen: 'mock', attemptId: 4 }} />);
    await waitFor(() => expect(api.listInProgressAttempts).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.submitAttempt).not.toHaveBeenCalled();
  });
});
