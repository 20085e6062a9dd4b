// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView } from '../../electron/ipc/contract';
import type * as MermaidAdapter from '../../renderer/src/mermaid/index';
import { AttemptReportView } from '../../renderer/src/report/AttemptReportScreen';
import { bankingPrompt, fakeApi } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';

// jsdom cannot lay out a Mermaid drawing: drawing is replaced by an empty SVG.
vi.mock('../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;

function attempt(report: NonNullable<AttemptView['report']>): AttemptView {
  return {
    id: 1,
    promptId: 'banking',
    mode: 'mock',
    status: 'submitted',
    startedAt: 1,
    submittedAt: 2,
    deadlineAt: 1_800_001,
    promptHash: 'h',
    graderVersion: '1',
    timeLimitMs: 1_800_000,
    phasePlan: [],
    phase: 'wrap-up',
    clockOffsetMs: 0,
    lastSeenAt: 2,
    diagram: 'flowchart LR\n  A --> DB[(Ledger)]',
    notes: { 'wrap-up': 'Shard the journal by account.' },
    estimates: [],
    questions: [],
    curveballId: null,
    events: [],
    outcome: report.outcome,
    totalScore: report.score?.total ?? null,
    report,
  };
}

const GRADED: NonNullable<AttemptView['report']> = {
  outcome: 'graded',
  score: { total: 62, coverage: 100, quality: 62, categories: { availability: 50 }, capped: false, rules: [{ rule: 'single-point-of-failure', category: 'availability', weight: 1, required: true, score: 0.5 }] },
  findings: [{ rule: 'single-point-of-failure', severity: 'major', nodes: ['DB'], message: 'DB is a single point of failure', why: 'It can die.', fix: 'Replicate it.', concept: 'replication' }],
  parseErrors: [],
  estimates: [],
  questions: [],
  phases: [],
};

function show(report: NonNullable<AttemptView['report']>): void {
  installApi(fakeApi({ prompts: [bankingPrompt()] }).api);
  render(<AttemptReportView attempt={attempt(report)} prompt={bankingPrompt()} settings={SETTINGS} />);
}

describe('attempt report', () => {
  it('shows requirement coverage when the grader reported it, with what serves each capability', () => {
    show({
      ...GRADED,
      coverage: {
        capabilities: [
          { id: 'transfer', title: 'Transfer money between accounts', met: true, nodes: ['API', 'DB'] },
          { id: 'notify', title: 'Notify sender and receiver', met: false, nodes: [] },
        ],
        served: 1,
        total: 2,
      },
    });
    const section = screen.getByRole('region', { name: 'Requirement coverage (1 of 2 served)' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Served: Transfer money between accounts APIDB', 'Missing: Notify sender and receiver']);
  });

  it('has no coverage section when the report carries none', () => {
    show(GRADED);
    expect(screen.getByTestId('score-total').textContent).toBe('62');
    expect(screen.queryByRole('region', { name: /Requirement coverage/ })).toBeNull();
    expect(screen.getByText('DB is a single point of failure')).toBeTruthy();
  });

  it('says "no design submitted" and shows no score for an empty attempt', () => {
    show({ ...GRADED, outcome: 'no-design', findings: [], score: undefined } as NonNullable<AttemptView['report']>);
    expect(screen.getByTestId('no-design').textContent).toBe('No design submitted: nothing was drawn, so there is no score.');
    expect(screen.queryByTestId('score-total')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Findings' })).toBeNull();
  });

  it('shows the curveball and whether it was absorbed, and the candidate’s notes', () => {
    show({ ...GRADED, curveball: { id: 'region-lost', change: 'A whole region is lost.', absorbedWhen: 'Fail over.', shownAtMs: 1_206_000, absorbed: true, problems: [] } });
    const section = screen.getByRole('region', { name: 'Curveball' });
    expect(section.textContent).toContain('A whole region is lost. (at 20:06)');
    expect(within(section).getByTestId('curveball-verdict').textContent).toBe('Absorbed: the design handles the change.');
    expect(screen.getByText('Shard the journal by account.')).toBeTruthy();
  });
});
