// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView, Draft } from '../../../electron/ipc/contract';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import type * as Submit from '../../../renderer/src/mock/submitAttempt';
import { AttemptReportView } from '../../../renderer/src/report/AttemptReportScreen';
import { GRADER_VERSION } from '../../../rubrics/version';
import { installApi, resetAppAfterEach } from '../appHarness';
import { storedAttempt } from './storedAttempt';
import { bankingPrompt, fakeApi } from '../fakeApi';

vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

// The current rules' verdict on the stored diagram, fixed so the side-by-side view is checkable
// (the architecture is the real one: the re-grade shows how the current grader reads each box).
vi.mock('../../../renderer/src/mock/submitAttempt', async (importOriginal) => {
  const actual = await importOriginal<typeof Submit>();
  return {
    ...actual,
    gradeDiagram: async (...args: Parameters<typeof actual.gradeDiagram>) => {
      const real = await actual.gradeDiagram(...args);
      if (real.kind !== 'graded') throw new Error(`the stored diagram does not grade: ${real.kind}`);
      return { kind: 'graded', report: { ...real.report, score: { total: 71, coverage: 100, quality: 71, categories: {}, capped: false, rules: [] }, findings: [] } };
    },
  };
});

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;
const DIAGRAM = 'flowchart LR\n  A --> DB[(Ledger)]';


const attempt = (graderVersion: string): AttemptView => storedAttempt({ diagram: DIAGRAM, graderVersion });

function show(view: AttemptView, drafts: readonly Draft[] = []) {
  const fake = fakeApi({ prompts: [bankingPrompt()], drafts });
  installApi(fake.api);
  render(<AttemptReportView attempt={view} prompt={bankingPrompt()} settings={SETTINGS} />);
  return fake;
}

describe('reviewing an attempt graded by an older grader', () => {
  it('says so and, on request, shows the current rules next to the stored report, which is kept', async () => {
    const fake = show(attempt('0'));
    expect(screen.getByTestId('grader-version-note').textContent).toContain(`graded by grader version 0; the current rules are version ${GRADER_VERSION}`);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Re-grade with the current rules' }));
    });
    const stored = await screen.findByRole('region', { name: 'Stored report (version 0)' });
    const current = screen.getByRole('region', { name: `Current rules (version ${GRADER_VERSION})` });
    expect(within(stored).getByText('48')).toBeTruthy();
    expect(within(stored).getByText('DB is alone')).toBeTruthy();
    expect(within(current).getByText('71')).toBeTruthy();
    expect(fake.api.submitAttempt).not.toHaveBeenCalled();
  });

  it('offers no re-grade for an attempt graded by the current version', () => {
    show(attempt(GRADER_VERSION));
    expect(screen.queryByRole('button', { name: 'Re-grade with the current rules' })).toBeNull();
  });
});

describe('try again', () => {
  it('loads the submitted design into an empty practice draft and opens the prompt', async () => {
    const fake = show(attempt(GRADER_VERSION));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again from this design' }));
    });
    await waitFor(() => expect(window.location.hash).toBe('#/prompt/banking'));
    expect(fake.drafts.get('banking/practice')).toMatchObject({ text: DIAGRAM, revision: 1 });
  });

  it('asks before replacing a draft holding other work, and keeps it when told to', async () => {
    const mine: Draft = { promptId: 'banking', mode: 'practice', text: 'flowchart LR\n  Mine --> Work', updatedAt: 10, revision: 5 };
    const fake = show(attempt(GRADER_VERSION), [mine]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again from blank' }));
    });
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
    expect(fake.api.saveDraft).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep my draft and open the prompt' }));
    });
    expect(fake.drafts.get('banking/practice')).toEqual(mine);
    expect(window.location.hash).toBe('#/prompt/banking');
  });

  it('replaces the draft when the user chooses to, based on its revision', async () => {
    const mine: Draft = { promptId: 'banking', mode: 'practice', text: 'flowchart LR\n  Mine --> Work', updatedAt: 10, revision: 5 };
    const fake = show(attempt(GRADER_VERSION), [mine]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again from this design' }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Replace my draft' }));
    });
    expect(fake.api.saveDraft).toHaveBeenCalledWith({ promptId: 'banking', mode: 'practice', text: DIAGRAM, baseRevision: 5 });
    expect(fake.drafts.get('banking/practice')).toMatchObject({ text: DIAGRAM, revision: 6 });
  });
});

describe('a mock attempt’s notes and estimates, as a candidate reads them', () => {
  const stored = storedAttempt({ diagram: DIAGRAM, graderVersion: GRADER_VERSION, mode: 'mock' });
  const mock: AttemptView = {
    ...stored,
    notes: { 'wrap-up': 'Would add a DR region\nand a runbook', requirements: 'Transfers must not be lost' },
    report: stored.report === null ? null : {
      ...stored.report,
      estimates: [
        { id: 'tps', label: 'Transfers per second at peak', typed: '', expected: 11600, unit: 'transfers/s', verdict: 'unanswered', note: 'Not answered.', derivation: '1e9 / 86,400' },
      ],
    },
  };

  it('puts each phase’s notes under its title, in the order of the interview, with their line breaks', () => {
    show(mock);
    const notes = screen.getByRole('region', { name: 'Your notes' });
    expect(within(notes).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Requirements and clarifying questions', 'Wrap-up']);
    expect(notes.textContent).not.toMatch(/wrap-up:|requirements:/);
    expect(within(notes).getByText(/Would add a DR region/).textContent).toBe('Would add a DR region\nand a runbook');
  });

  it('shows the expected value as a number people read, as the verdict does', () => {
    show(mock);
    const table = screen.getByRole('table', { name: 'Estimates against the expected values' });
    expect(within(table).getByRole('row', { name: /Transfers per second at peak/ }).textContent).toContain('11,600 transfers/s');
  });
});
