// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptView } from '../../../electron/ipc/contract';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import type * as Submit from '../../../renderer/src/mock/submitAttempt';
import { READING_TITLE } from '../../../renderer/src/practice/DiagramReading';
import { AttemptReportView } from '../../../renderer/src/report/AttemptReportScreen';
import { REGRADE_SHOWS_READING } from '../../../renderer/src/report/Regrade';
import { READING_BY_CURRENT_GRADER, READING_FAILED } from '../../../renderer/src/report/ReportReading';
import { gradeFlowchart } from '../../../rubrics/grade';
import { readingOf, type DiagramReading } from '../../../rubrics/reading';
import { KIND_TITLES } from '../../../rubrics/vocabulary';
import { GRADER_VERSION } from '../../../rubrics/version';
// The renderer's own Mermaid adapter, running on jsdom: the same parse the app grades with.
import { parseForGrading } from '../../../renderer/src/mermaid/index';
import { installApi, resetAppAfterEach } from '../appHarness';
import { storedAttempt } from './storedAttempt';
import { bankingPrompt, fakeApi } from '../fakeApi';

vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

// The real grading path, counted (the report reads the diagram only when the section is opened) and breakable.
const grading = vi.hoisted(() => ({ calls: 0, fail: false }));
vi.mock('../../../renderer/src/mock/submitAttempt', async (importOriginal) => {
  const actual = await importOriginal<typeof Submit>();
  return {
    ...actual,
    gradeDiagram: (...args: Parameters<typeof actual.gradeDiagram>) => {
      grading.calls += 1;
      return grading.fail ? Promise.reject(new Error('grader crashed')) : actual.gradeDiagram(...args);
    },
  };
});

resetAppAfterEach();

const SETTINGS = { theme: 'light', editorFontSize: 14, mockTimeWhileClosed: 'running' } as const;
const DIAGRAM = ['flowchart LR', '  U([Customers]) --> M[Mobile API]', '  M --> PG[Payment Gateway]', '  M --> DB[(Accounts · Postgres)]', '%% sysdrill: PG is service'].join('\n');
const prompt = bankingPrompt();

const attempt = (graderVersion: string, diagram = DIAGRAM): AttemptView =>
  storedAttempt({ id: 7, mode: 'mock', deadlineAt: 3, timeLimitMs: 1_800_000, diagram, graderVersion });


/** The real reading of `text`, independent of the report: parsed, graded against the banking prompt, read. */
async function readingOfText(text: string): Promise<DiagramReading> {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.errors)}`);
  return readingOf(gradeFlowchart(parsed.flowchart, { rubric: prompt.rubric, entities: prompt.entities }).architecture, text);
}

function show(view: AttemptView): HTMLElement {
  grading.calls = 0;
  grading.fail = false;
  installApi(fakeApi({ prompts: [prompt] }).api);
  return render(<AttemptReportView attempt={view} prompt={prompt} settings={SETTINGS} />).container;
}

/** Every "How Sysdrill read your diagram" section on the page. */
const sections = (root: ParentNode = document): HTMLDetailsElement[] =>
  [...root.querySelectorAll<HTMLDetailsElement>('details')].filter((d) => d.querySelector('summary')?.textContent === READING_TITLE);

async function open(section: HTMLDetailsElement): Promise<void> {
  await act(async () => {
    fireEvent.click(section.querySelector('summary') as HTMLElement);
  });
  expect(section.open).toBe(true);
}

/** The rows as read: box (label and id) and what it was read as. */
const rowsOf = (section: HTMLElement): string[][] =>
  [...section.querySelectorAll('tbody tr')].map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('.reading-as')?.textContent ?? '']);

describe('the attempt report: how Sysdrill read the diagram', () => {
  it('for an attempt of the current grader version: collapsed, read only once opened, every box with its kind, and no select', async () => {
    show(attempt(GRADER_VERSION));
    const [section, ...more] = sections();
    expect(more).toHaveLength(0);
    expect(section?.open).toBe(false);
    // Nothing is parsed for it until asked for.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(grading.calls).toBe(0);
    if (section === undefined) throw new Error('no section');
    await open(section);
    const table = await within(section).findByRole('table', { name: 'Each box as Sysdrill read it' });
    const expected = await readingOfText(DIAGRAM);
    expect(rowsOf(section)).toEqual(expected.nodes.map((n) => [`${n.label} ${n.id}`, n.kindTitle + (n.setByAuthor ? ' (set by you)' : '')]));
    expect(rowsOf(section)).toContainEqual(['Accounts · Postgres DB', KIND_TITLES.database]);
    expect(rowsOf(section)).toContainEqual(['Payment Gateway PG', `${KIND_TITLES.service} (set by you)`]);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Box', 'Read as', 'Copies', 'Technology', 'Detail']);
    expect(section.querySelectorAll('select')).toHaveLength(0);
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(within(section).queryByText(READING_BY_CURRENT_GRADER)).toBeNull();
    // Closed and opened again: read once.
    fireEvent.click(section.querySelector('summary') as HTMLElement);
    await open(section);
    expect(grading.calls).toBe(1);
  });

  it('for an attempt of an older grader version: not in the report, only with a re-grade, said to be the current grader’s', async () => {
    show(attempt('0'));
    expect(sections()).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Re-grade with the current rules' }));
    });
    const regrade = await screen.findByRole('region', { name: 'Graded by an older grader' });
    const section = await waitFor(() => {
      const [found] = sections(regrade);
      if (found === undefined) throw new Error('no section yet');
      return found;
    });
    expect(sections()).toHaveLength(1);
    expect(section.open).toBe(false);
    expect(within(section).getByText(READING_BY_CURRENT_GRADER)).toBeTruthy();
    await open(section);
    const expected = await readingOfText(DIAGRAM);
    expect(rowsOf(section)).toEqual(expected.nodes.map((n) => [`${n.label} ${n.id}`, n.kindTitle + (n.setByAuthor ? ' (set by you)' : '')]));
    expect(section.querySelectorAll('select')).toHaveLength(0);
  });

  it('for an attempt of an older grader version: the re-grade offer says it also shows how each box was read; a current-version attempt has no such line', () => {
    show(attempt('0'));
    const regrade = screen.getByRole('region', { name: 'Graded by an older grader' });
    expect(within(regrade).getByText('Re-grading also shows how each box of your diagram was read.')).toBeTruthy();
    expect(within(regrade).getByRole('button', { name: 'Re-grade with the current rules', description: REGRADE_SHOWS_READING })).toBeTruthy();
    cleanup();
    show(attempt(GRADER_VERSION));
    expect(screen.queryByText(REGRADE_SHOWS_READING)).toBeNull();
  });

  it('a stored text that no longer parses gets a short note, and the rest of the report stands', async () => {
    show(attempt(GRADER_VERSION, 'flowchart LR\n  A[Web --> B'));
    const [section] = sections();
    if (section === undefined) throw new Error('no section');
    await open(section);
    expect(await within(section).findByText(READING_FAILED)).toBeTruthy();
    expect(grading.calls).toBe(1);
    expect(within(section).queryByRole('table')).toBeNull();
    expect(screen.getByText('DB is alone')).toBeTruthy();
  });

  it('a grader that fails gets the same note, never a crash', async () => {
    show(attempt(GRADER_VERSION));
    grading.fail = true;
    const [section] = sections();
    if (section === undefined) throw new Error('no section');
    await open(section);
    expect(await within(section).findByText(READING_FAILED)).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Findings' })).toBeTruthy();
  });
});
