// @vitest-environment jsdom
import { undo } from '@codemirror/commands';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KIND_TITLES } from '../../../rubrics/vocabulary';
import { App } from '../../../renderer/src/App';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import { READING_TITLE } from '../../../renderer/src/practice/DiagramReading';
import { findEditorView, installApi, resetAppAfterEach } from '../appHarness';
import { bankingPrompt, fakeApi } from '../fakeApi';
import { installJsdomLayoutStubs } from '../jsdomLayout';

/**
 * jsdom cannot lay out a Mermaid drawing, so the live check parses with the real adapter and
 * draws nothing; grading is the real grader (on this thread: jsdom has no Worker).
 */
vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return {
    ...actual,
    checkDiagram: async (text: string) => {
      const parsed = await actual.parseForGrading(text);
      return parsed.ok ? { ok: true, flowchart: parsed.flowchart, drawn: { ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' } } : parsed;
    },
  };
});

beforeAll(installJsdomLayoutStubs);
resetAppAfterEach();

const prompt = bankingPrompt();
const DIAGRAM = ['flowchart LR', '  U([Customers]) --> M[Mobile API]', '  M --> PG[Payment Gateway]', '  M --> DB[(Accounts · Postgres)]'].join('\n');
const SLOW = { timeout: 20_000 };

async function openWithDraft(text: string) {
  const { api } = fakeApi({ prompts: [prompt], drafts: [{ promptId: prompt.id, mode: 'practice', text, updatedAt: 1, revision: 1 }] });
  installApi(api);
  window.location.hash = `#/prompt/${prompt.id}`;
  render(<App />);
  const view = await findEditorView();
  const summary = await screen.findByText(READING_TITLE, { selector: 'summary' }, SLOW);
  return { api, view, summary };
}

/** The "Read as" cell of box `id`: what the grader read it as, and whether the author set it. */
const readAs = (id: string): string => document.querySelector(`tr[data-node="${id}"] .reading-as`)?.textContent ?? '';

describe('How Sysdrill read your diagram, in the practice workspace', () => {
  it('a kind chosen for a box is written into the editor as a `%% sysdrill:` line, saved as typing is, graded, and undone by undo', async () => {
    const { api, view, summary } = await openWithDraft(DIAGRAM);
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);

    // As the grader reads it before any correction.
    const before = readAs('PG');
    expect(before).not.toContain('set by you');
    expect(before).not.toBe(KIND_TITLES.service);

    const select = screen.getByRole('combobox', { name: 'Read Payment Gateway as' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    act(() => void fireEvent.change(select, { target: { value: 'service' } }));

    // The exact line, added at the end through the editor (the rest of the text untouched).
    expect(view.state.doc.toString()).toBe(`${DIAGRAM}\n%% sysdrill: PG is service`);
    // The live grade runs again and the reading follows it.
    await waitFor(() => expect(readAs('PG')).toBe(`${KIND_TITLES.service} (set by you)`), SLOW);
    expect((screen.getByRole('combobox', { name: 'Read Payment Gateway as' }) as HTMLSelectElement).value).toBe('service');
    // Autosaved as any typing is.
    await waitFor(() => expect(api.saveDraft).toHaveBeenLastCalledWith(expect.objectContaining({ text: `${DIAGRAM}\n%% sysdrill: PG is service` })));
    // The section stays open across the new reading.
    expect(details.open).toBe(true);

    // "as read" takes the line out again.
    act(() => void fireEvent.change(screen.getByRole('combobox', { name: 'Read Payment Gateway as' }), { target: { value: '' } }));
    expect(view.state.doc.toString()).toBe(DIAGRAM);
    await waitFor(() => expect(readAs('PG')).toBe(before), SLOW);

    // Each choice is one undo step in the editor.
    act(() => void undo(view));
    expect(view.state.doc.toString()).toBe(`${DIAGRAM}\n%% sysdrill: PG is service`);
    await waitFor(() => expect(readAs('PG')).toBe(`${KIND_TITLES.service} (set by you)`), SLOW);
  }, 60_000);

  it('lists the `%% sysdrill:` lines the grader could not use, where they are', async () => {
    await openWithDraft(`${DIAGRAM}\n%% sysdrill: Nope is cache`);
    const problems = await screen.findByRole('group', { name: /could not use/, hidden: true }, SLOW);
    const items = [...problems.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Line 5, column 14: .*\bNope\b/);
  }, 30_000);
});
