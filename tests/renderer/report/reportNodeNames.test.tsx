// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView } from '../../../electron/ipc/contract';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import { AttemptReportView } from '../../../renderer/src/report/AttemptReportScreen';
import { installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { storedAttempt } from './storedAttempt';

// jsdom cannot lay out a Mermaid drawing: drawing is replaced by an empty SVG.
vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;

const REPORT: NonNullable<AttemptView['report']> = {
  outcome: 'graded',
  score: { total: 62, coverage: 100, quality: 62, categories: { availability: 50 }, capped: false, rules: [{ rule: 'sharding', category: 'scalability', weight: 1, required: true, score: 0.5 }] },
  findings: [{ rule: 'sharding', severity: 'major', nodes: ['C', 'DB'], message: 'No shard or partition key is declared for the data stores.', why: 'Too big.', fix: 'Shard it.', concept: 'sharding' }],
  parseErrors: [],
  estimates: [],
  questions: [],
  phases: [],
};

const ATTEMPT: AttemptView = storedAttempt({
  id: 1,
  graderVersion: '1',
  diagram: 'flowchart LR\n  U([Users]) --> API[Transfer service]\n  API --> C[(Balance cache)]\n  API --> DB[(Ledger)]',
  totalScore: 62,
  report: REPORT,
});

describe('the attempt report names the boxes of its findings', () => {
  it('shows the node chips "Balance cache" and "Ledger" (the stored diagram\'s labels), not "C" and "DB"', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()] }).api);
    render(<AttemptReportView attempt={ATTEMPT} prompt={bankingPrompt()} settings={SETTINGS} />);
    const findings = screen.getByRole('region', { name: 'Findings' });
    await waitFor(() => expect(findings.querySelector('.finding-nodes')?.textContent).toBe('Nodes: Balance cacheLedger'), { timeout: 30_000 });
    const chips = within(findings).getAllByRole('button', { name: /^(Balance cache|Ledger)$/ });
    expect(chips.map((chip) => chip.getAttribute('title'))).toEqual([expect.stringContaining('Box C'), expect.stringContaining('Box DB')]);
  }, 60_000);
});
