// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AttemptView } from '../../../electron/ipc/contract';
import { phasePlan, type MockPhase } from '../../../prompts/mockPlan';
import { MockInterviewScreen } from '../../../renderer/src/mock/MockInterviewScreen';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { installApi, resetAppAfterEach } from '../appHarness';

resetAppAfterEach();

const MIN = 60_000;

function running(phase: MockPhase): AttemptView {
  const startedAt = Date.now() - 4 * MIN;
  return {
    id: 1,
    promptId: 'banking',
    mode: 'mock',
    status: 'in_progress',
    startedAt,
    submittedAt: null,
    deadlineAt: startedAt + 30 * MIN,
    promptHash: 'h',
    graderVersion: '1',
    timeLimitMs: 30 * MIN,
    phasePlan: phasePlan(30).map(({ phase: p, budgetMs }) => ({ phase: p, budgetMs })),
    phase,
    clockOffsetMs: 0,
    lastSeenAt: startedAt + 4 * MIN,
    diagram: '',
    notes: { requirements: 'RPO 0, idempotent transfers' },
    estimates: [],
    // Asked: "How many customers, accounts and transfers?" (the numbers the estimates need).
    questions: [{ index: 0, elapsedMs: 20_000 }],
    curveballId: null,
    events: [
      { kind: 'entered', phase: 'requirements', at: startedAt, elapsedMs: 0 },
      { kind: 'left', phase: 'requirements', at: startedAt + 3 * MIN, elapsedMs: 3 * MIN },
      { kind: 'entered', phase, at: startedAt + 3 * MIN, elapsedMs: 3 * MIN },
    ],
    outcome: null,
    totalScore: null,
    report: null,
  };
}

describe('the mock interview screen after the requirements phase', () => {
  it('keeps the scenario, the answers already asked for and the requirement notes in view for the estimates', async () => {
    const prompt = bankingPrompt();
    const { api } = fakeApi({ prompts: [prompt], attempts: [running('estimates')] });
    installApi(api);
    render(<MockInterviewScreen attemptId={1} settings={DEFAULT_SETTINGS} />);
    await screen.findByRole('table', { name: 'Estimates worksheet' });
    const brief = screen.getByRole('group', { name: 'The brief' });
    expect(brief.textContent).toContain(prompt.scenario);
    expect(brief.textContent).toContain('How many customers, accounts and transfers?');
    expect(brief.textContent).toContain(prompt.clarifyingQuestions[0]?.answer);
    expect(brief.textContent).toContain('RPO 0, idempotent transfers');
    // Only what was asked: an answer the candidate never asked for is not given away.
    expect(brief.textContent).not.toContain(prompt.clarifyingQuestions[1]?.answer);
    expect(within(brief).queryByRole('button', { name: /^Ask/ })).toBeNull();
  });

  it('says the phase countdown is the time left in the phase, not the time spent in it', async () => {
    const { api } = fakeApi({ prompts: [bankingPrompt()], attempts: [running('estimates')] });
    installApi(api);
    render(<MockInterviewScreen attemptId={1} settings={DEFAULT_SETTINGS} />);
    // One minute into the 3:20 estimates budget.
    const clock = await screen.findByTestId('phase-clock');
    expect(clock.textContent).toMatch(/^Capacity estimates 2:(20|19) left in this phase$/);
    expect(screen.getByTestId('phase-remaining').textContent).toMatch(/^2:(20|19)$/);
  });
});
