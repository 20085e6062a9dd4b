// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView } from '../../../electron/ipc/contract';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import { CompareScreen } from '../../../renderer/src/compare/CompareScreen';
import { installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { storedAttempt } from '../report/storedAttempt';

// jsdom cannot lay out a Mermaid drawing: drawing is replaced by an empty SVG.
vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;

function report(total: number): NonNullable<AttemptView['report']> {
  return {
    outcome: 'graded',
    score: { total, coverage: 50, quality: 80, categories: {}, capped: false, rules: [] },
    findings: [],
    parseErrors: [],
    estimates: [],
    questions: [],
    phases: [],
  };
}

/** Attempt `id`, started on 1 + `day` November 2026 and submitted an hour later, graded `total`. */
function attempt(id: number, day: number, total: number): AttemptView {
  return storedAttempt({
    id,
    startedAt: Date.UTC(2026, 10, day),
    submittedAt: Date.UTC(2026, 10, day, 1),
    lastSeenAt: 1,
    graderVersion: '1',
    diagram: 'flowchart LR\n  U([Users]) --> API[Transfer service]',
    totalScore: total,
    report: report(total),
  });
}

const EARLIER = attempt(1, 1, 40);
const LATER = attempt(2, 2, 75);
const when = (a: AttemptView): string => new Date(a.submittedAt ?? a.startedAt).toLocaleString();

async function totalRow(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'Scores before and after' }, { timeout: 30_000 });
  const row = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('comparing two attempts', () => {
  it('a typed address with the later attempt first still shows the earlier one as "Before", and says so', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [EARLIER, LATER] }).api);
    render(<CompareScreen before={2} after={1} settings={SETTINGS} />);
    expect(await totalRow()).toEqual(['40', '75', '+35']);
    const sides = screen.getByText(/^Before: /, { selector: 'p' });
    expect(sides.textContent).toBe(
      `Before: Attempt of ${when(EARLIER)} (score 40). After: Attempt of ${when(LATER)} (score 75). The earlier attempt is always “Before”, the later “After”.`,
    );
  }, 60_000);

  it('the address in the order made shows the same sides', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [EARLIER, LATER] }).api);
    render(<CompareScreen before={1} after={2} settings={SETTINGS} />);
    expect(await totalRow()).toEqual(['40', '75', '+35']);
  }, 60_000);

  it('names each attempt with "score N", the wording of "Compare with…"', async () => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [EARLIER, LATER] }).api);
    render(<CompareScreen before={1} after={2} settings={SETTINGS} />);
    await totalRow();
    const diagrams = screen.getByRole('region', { name: 'Both diagrams' });
    expect(within(diagrams).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      `Before: Attempt of ${when(EARLIER)} (score 40), removed parts outlined`,
      `After: Attempt of ${when(LATER)} (score 75), added parts outlined`,
    ]);
  }, 60_000);
});

describe('comparing with an attempt that does not exist', () => {
  it.each([
    { name: 'the first', before: 9, after: 1 },
    { name: 'the second', before: 1, after: 9 },
  ] as const)('$name missing: a plain message and a way back to History, no "Try again"', async ({ before, after }) => {
    installApi(fakeApi({ prompts: [bankingPrompt()], attempts: [EARLIER] }).api);
    render(<CompareScreen before={before} after={after} settings={SETTINGS} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('There is no attempt 9. It may have been deleted, or the address may be mistyped: pick two attempts from History.');
    expect(within(alert).getByRole('link', { name: 'History' }).getAttribute('href')).toBe('#/history');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    // A way back to a report only when that report exists.
    const back = screen.queryByRole('link', { name: '← Back to the report' });
    if (before === 9) {
      expect(back).toBeNull();
      expect(screen.getByRole('link', { name: '← Back to History' }).getAttribute('href')).toBe('#/history');
    } else expect(back?.getAttribute('href')).toBe('#/attempt/1');
  });
});
