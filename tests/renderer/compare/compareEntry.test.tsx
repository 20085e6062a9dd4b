// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../electron/ipc/contract';
import { CompareScreen } from '../../../renderer/src/compare/CompareScreen';
import { CompareWith } from '../../../renderer/src/compare/CompareWith';
import { installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;

const REPORT: NonNullable<AttemptView['report']> = {
  outcome: 'graded',
  score: { total: 40, coverage: 50, quality: 80, categories: {}, capped: false, rules: [] },
  findings: [],
  parseErrors: [],
  estimates: [],
  questions: [],
  phases: [],
};

function attempt(id: number, overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id,
    promptId: 'banking',
    mode: 'practice',
    status: 'submitted',
    startedAt: Date.UTC(2026, 10, id),
    submittedAt: Date.UTC(2026, 10, id, 1),
    deadlineAt: null,
    promptHash: 'h',
    graderVersion: '1',
    timeLimitMs: null,
    phasePlan: [],
    phase: null,
    clockOffsetMs: 0,
    lastSeenAt: 1,
    diagram: 'flowchart LR\n  U([Users]) --> API[Transfer service]',
    notes: {},
    estimates: [],
    questions: [],
    curveballId: null,
    events: [],
    outcome: 'graded',
    totalScore: 40,
    report: REPORT,
    ...overrides,
  };
}

describe('Compare with… on a report', () => {
  it('offers the reference and the other graded attempts, the earlier one always first in the link', async () => {
    const unparsable = attempt(3, { outcome: 'unparsable', totalScore: null, report: { ...REPORT, outcome: 'unparsable', score: undefined } as NonNullable<AttemptView['report']> });
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [attempt(1), attempt(2), unparsable, attempt(4, { totalScore: 75 })] }).api);
    render(<CompareWith attempt={attempt(2)} />);
    const section = screen.getByRole('region', { name: 'Compare with…' });
    await within(section).findByRole('link', { name: /score 75/ });
    expect(within(section).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#/compare/2/reference', '#/compare/1/2', '#/compare/2/4']);
  });
});

describe('the compare screen', () => {
  it('refuses two attempts of different prompts with a message, not a comparison', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [attempt(1), attempt(2, { promptId: 'instagram' })] }).api);
    render(<CompareScreen before={1} after={2} settings={SETTINGS} />);
    expect((await screen.findByText(/different prompts/)).textContent).toBe(
      'These two attempts are of different prompts: only attempts of the same prompt can be compared.',
    );
  });

  it('says an ungraded attempt cannot be compared', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [attempt(1, { status: 'in_progress', outcome: null, totalScore: null, report: null })] }).api);
    render(<CompareScreen before={1} after="reference" settings={SETTINGS} />);
    expect((await screen.findByText(/Only graded attempts/)).textContent).toBe('Only graded attempts can be compared: one of these was not submitted or did not parse.');
  });

  it('says which attempt is missing', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [attempt(1)] }).api);
    render(<CompareScreen before={1} after={9} settings={SETTINGS} />);
    expect((await screen.findByRole('alert')).textContent).toContain('There is no attempt 9.');
  });
});
