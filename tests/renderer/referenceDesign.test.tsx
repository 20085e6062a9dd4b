// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePromptFile } from '../../prompts/parse';
import urlShortenerYaml from '../../prompts/data/url-shortener.yaml?raw';
import { gradeFlowchart } from '../../rubrics/grade';
import type { GradingParams } from '../../rubrics/params';
import { RULE_TITLES } from '../../rubrics/vocabulary';
import { App } from '../../renderer/src/App';
import { parseForGrading } from '../../renderer/src/mermaid/index';
import type * as MermaidAdapter from '../../renderer/src/mermaid/index';
import { LOCKED_NOTE, ReferenceDesign } from '../../renderer/src/practice/ReferenceDesign';
import { fakeApi } from './fakeApi';
import { installApi, resetAppAfterEach } from './appHarness';
import { installJsdomLayoutStubs } from './jsdomLayout';

/**
 * jsdom cannot lay out a Mermaid drawing (see mermaidAdapter.test.ts), so drawing is replaced by
 * an SVG holding the source text; parsing and grading stay the real adapter and grader.
 */
const drawn = vi.hoisted(() => ({ sources: [] as string[] }));
vi.mock('../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return {
    ...actual,
    // The live check (frame: one Mermaid pass) parsed by the real adapter here, drawn as nothing.
    checkDiagram: async (text: string) => {
      const parsed = await actual.parseForGrading(text);
      return parsed.ok ? { ok: true, flowchart: parsed.flowchart, drawn: { ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' } } : parsed;
    },
    renderDiagram: (text: string) => {
      drawn.sources.push(text);
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      label.textContent = text;
      svg.append(label);
      return Promise.resolve({ ok: true, svg: new XMLSerializer().serializeToString(svg) });
    },
  };
});

const prompt = (() => {
  const parsed = parsePromptFile('url-shortener.yaml', urlShortenerYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
})();
const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };

let referenceTotal: number;

beforeAll(async () => {
  installJsdomLayoutStubs();
  const parsed = await parseForGrading(prompt.reference.mermaid);
  if (!parsed.ok) throw new Error(`the reference does not parse: ${JSON.stringify(parsed.errors)}`);
  referenceTotal = gradeFlowchart(parsed.flowchart, params).score.total;
}, 60_000);

beforeEach(() => {
  drawn.sources.length = 0;
});

resetAppAfterEach();

const showButton = (): HTMLElement | null => screen.queryByRole('button', { name: 'Show the reference design' });

describe('ReferenceDesign', () => {
  it('shows only the locked note before an attempt, and draws nothing', () => {
    render(<ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={params} theme="light" unlocked={false} />);
    const section = screen.getByRole('region', { name: 'Reference design' });
    expect(within(section).getByText(LOCKED_NOTE)).toBeTruthy();
    expect(within(section).queryAllByRole('button')).toHaveLength(0);
    expect(section.querySelector('details, pre, [data-testid="diagram-preview"]')).toBeNull();
    expect(section.textContent).not.toContain(prompt.reference.rationale.slice(0, 30));
    expect(drawn.sources).toEqual([]);
  });

  it('once unlocked, draws the reference only when asked', async () => {
    render(<ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={params} theme="light" unlocked />);
    expect(screen.queryByText(LOCKED_NOTE)).toBeNull();
    const button = showButton();
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(prompt.reference.rationale)).toBeNull();
    expect(drawn.sources).toEqual([]);

    await act(async () => button?.click());
    const score = await screen.findByTestId('reference-score', {}, { timeout: 20_000 });
    expect(score.textContent).toBe(String(referenceTotal));
    expect(referenceTotal).toBeGreaterThanOrEqual(90);
    expect(screen.getByText(prompt.reference.rationale)).toBeTruthy();
    expect(screen.getByLabelText('Reference Mermaid source').textContent).toBe(prompt.reference.mermaid);
    expect(drawn.sources).toEqual([prompt.reference.mermaid]);
    const diagram = screen.getByRole('region', { name: 'Reference diagram' });
    const host = within(diagram).getByTestId('diagram-preview');
    await waitFor(() => expect(host.shadowRoot?.querySelector('svg text')?.textContent).toBe(prompt.reference.mermaid));
    // Read-only text, not a second editor.
    expect(document.querySelector('[contenteditable="true"], textarea')).toBeNull();

    act(() => screen.getByRole('button', { name: 'Hide the reference design' }).click());
    expect(screen.queryByRole('region', { name: 'Reference diagram' })).toBeNull();
    expect(showButton()?.getAttribute('aria-expanded')).toBe('false');
  }, 30_000);

  it('lists the naive design’s named mistakes in words, collapsed at first', () => {
    const { container } = render(<ReferenceDesign reference={prompt.reference} naive={prompt.naive} params={params} theme="light" unlocked />);
    const details = container.querySelector('details.reference-naive') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('A common naive design');
    expect(within(details).getByLabelText('Naive Mermaid source').textContent).toBe(prompt.naive.mermaid);
    const items = within(details).getAllByRole('listitem', { hidden: true });
    expect(items).toHaveLength(prompt.naive.mistakes.length);
    prompt.naive.mistakes.forEach((mistake, index) => {
      const text = items[index]?.textContent ?? '';
      expect(text.startsWith(RULE_TITLES[mistake.rule])).toBe(true);
      expect(text).toContain(mistake.note.replace(/`/g, ''));
    });
  });
});

describe('the prompt screen unlocks the reference after an attempt', () => {
  function openWithDraft(text: string | undefined): void {
    const drafts = text === undefined ? [] : [{ promptId: prompt.id, mode: 'practice' as const, text, updatedAt: 1, revision: 1 }];
    const { api } = fakeApi({ prompts: [prompt], drafts });
    installApi(api);
    window.location.hash = `#/prompt/${prompt.id}`;
    render(<App />);
  }

  it('keeps it locked while the draft is empty', async () => {
    openWithDraft(undefined);
    expect(await screen.findByText(LOCKED_NOTE, {}, { timeout: 10_000 })).toBeTruthy();
    expect(showButton()).toBeNull();
  });

  it('unlocks it when a saved draft parses and is graded', async () => {
    openWithDraft('flowchart LR\n  User --> App[Shortener service]');
    expect(await screen.findByRole('button', { name: 'Show the reference design' }, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByText(LOCKED_NOTE)).toBeNull();
  }, 30_000);

  it('keeps it locked when the saved draft does not parse', async () => {
    openWithDraft('flowchart LR\n  A[Service (v2)] --> B');
    expect((await screen.findAllByText(/line 2/i, {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.getByText(LOCKED_NOTE)).toBeTruthy();
    expect(showButton()).toBeNull();
  }, 30_000);
});
