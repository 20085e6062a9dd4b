// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView, IpcResult } from '../../../electron/ipc/contract';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import { ExportButtons } from '../../../renderer/src/report/ExportButtons';
import { fakeApi } from '../fakeApi';
import { installApi, resetAppAfterEach } from '../appHarness';
import { storedAttempt } from './storedAttempt';

const EXPORTED_SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Ledger</text></svg>';
const drawForExport = vi.fn((_text: string) => Promise.resolve<MermaidAdapter.RenderResult>({ ok: true, svg: EXPORTED_SVG }));

// jsdom cannot lay out a Mermaid drawing: the export drawing is a stand-in.
vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagramForExport: (text: string) => drawForExport(text) };
});

resetAppAfterEach();

const ok = <T,>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

function attempt(outcome: 'graded' | 'no-design'): AttemptView {
  return storedAttempt({
    graderVersion: '1',
    diagram: outcome === 'graded' ? 'flowchart LR\n  A --> DB[(Ledger)]' : '',
    outcome,
    totalScore: null,
    report:
      outcome === 'graded'
        ? { outcome, score: { total: 40, coverage: 50, quality: 80, categories: {}, capped: false, rules: [] }, findings: [], parseErrors: [], estimates: [], questions: [], phases: [] }
        : { outcome, findings: [], parseErrors: [], estimates: [], questions: [], phases: [] },
  });
}

function setUp(outcome: 'graded' | 'no-design' = 'graded') {
  const { api } = fakeApi({ prompts: [] });
  installApi(api);
  render(<ExportButtons attempt={attempt(outcome)} />);
  return api;
}

describe('ExportButtons', () => {
  it('asks main to export the attempt as Markdown (no path from the page) and says where it went', async () => {
    const api = setUp();
    api.exportAttempt.mockImplementationOnce(() => ok({ saved: true, file: '/home/u/banking.md' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(await screen.findByText('Markdown saved to /home/u/banking.md')).toBeTruthy();
    expect(api.exportAttempt).toHaveBeenCalledWith({ id: 4, format: 'markdown' });
  });

  it('draws the diagram for export and sends that SVG; a cancelled dialog is said so', async () => {
    const api = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Export SVG' }));
    expect(await screen.findByText('SVG not saved: the save dialog was cancelled.')).toBeTruthy();
    expect(drawForExport).toHaveBeenCalledWith('flowchart LR\n  A --> DB[(Ledger)]');
    expect(api.exportAttempt).toHaveBeenCalledWith({ id: 4, format: 'svg', svg: EXPORTED_SVG });
  });

  it('offers no SVG export for an attempt without a graded drawing', () => {
    setUp('no-design');
    expect((screen.getByRole('button', { name: 'Export SVG' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Export Markdown' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
