// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gradeFlowchart } from '../../../rubrics/grade';
import { readingOf, type DiagramReading } from '../../../rubrics/reading';
import { KIND_TITLES, NODE_KINDS } from '../../../rubrics/vocabulary';
import { AS_READ, DiagramReadingSection, READING_TITLE, withSelectNames } from '../../../renderer/src/practice/DiagramReading';
// The renderer's own Mermaid adapter, running on jsdom: the same parse the app grades with.
import { parseForGrading } from '../../../renderer/src/mermaid/index';
import { bankingPrompt } from '../fakeApi';

afterEach(cleanup);

const prompt = bankingPrompt();

/** The real reading of `text`: parsed, graded against the banking prompt, read. */
async function readingOfText(text: string): Promise<DiagramReading> {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.errors)}`);
  return readingOf(gradeFlowchart(parsed.flowchart, { rubric: prompt.rubric, entities: prompt.entities }).architecture, text);
}

const DIAGRAM = ['flowchart LR', '  U([Customers]) --> M[Mobile API]', '  M --> PG[Payment Gateway]', '  M --> DB[(Accounts · Postgres primary with replica)]'].join('\n');

const rowOf = (id: string): HTMLElement => {
  const row = screen.getByRole('table', { name: 'Each box as Sysdrill read it', hidden: true }).querySelector<HTMLElement>(`tr[data-node="${id}"]`);
  if (row === null) throw new Error(`no row for ${id}`);
  return row;
};
/** A row's cells as read: box, what it was read as (without the select's options), copies, technology, detail. */
const cellsOf = (row: HTMLElement): string[] => [...row.querySelectorAll('th, td')].map((cell) => (cell.querySelector('.reading-as') ?? cell).textContent ?? '');

describe('withSelectNames', () => {
  it.each<[string, string, readonly string[]]>([
    ['distinct labels: the label alone', 'flowchart LR\n  A[Web] --> B[Orders service]', ['Read Web as', 'Read Orders service as']],
    ['a shared label: told apart by id', 'flowchart LR\n  LB[Balancer] --> W1[Worker] & W2[Worker]', ['Read Balancer as', 'Read Worker (W1) as', 'Read Worker (W2) as']],
    ['no label: the id', 'flowchart LR\n  api --> db', ['Read api as', 'Read db as']],
  ])('%s', async (_name, text, names) => {
    const reading = await readingOfText(text);
    expect(withSelectNames(reading.nodes).map((n) => n.selectName)).toEqual(names);
    expect(withSelectNames(reading.nodes).map((n) => n.node)).toEqual(reading.nodes);
  });
});

describe('DiagramReadingSection', () => {
  it('is collapsed at first and lists every box: label and id, what it was read as, copies, technology and detail', async () => {
    const reading = await readingOfText(DIAGRAM);
    expect(reading.nodes.map((n) => n.id)).toEqual(['U', 'M', 'PG', 'DB']);
    const { container } = render(<DiagramReadingSection reading={reading} stale={false} onKindChange={vi.fn()} />);
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe(READING_TITLE);
    const table = screen.getByRole('table', { name: 'Each box as Sysdrill read it', hidden: true });
    expect(within(table).getAllByRole('columnheader', { hidden: true }).map((h) => h.textContent)).toEqual(['Box', 'Read as', 'Copies', 'Technology', 'Detail']);
    expect(within(table).getAllByRole('rowheader', { hidden: true }).map((h) => h.textContent)).toEqual(reading.nodes.map((n) => `${n.label} ${n.id}`));
    for (const node of reading.nodes) {
      const [, kind, copies, tech, detail] = cellsOf(rowOf(node.id));
      expect(kind).toBe(node.kindTitle);
      expect(copies).toBe(node.copies);
      expect(tech).toBe(node.tech.length === 0 ? '—' : node.tech.join(', '));
      expect(detail).toBe(node.detail ?? '—');
    }
    // What the grader makes of these boxes, so the rows above show something worth reading.
    const db = reading.nodes.find((n) => n.id === 'DB');
    expect(db?.tech.length).toBeGreaterThan(0);
    expect(db?.detail).toBeDefined();
    expect(screen.queryByText('(set by you)', { exact: false })).toBeNull();
  });

  it('offers a labelled select per box: "as read" first, then every kind; a choice is reported and shown at once', async () => {
    const reading = await readingOfText(DIAGRAM);
    const onKindChange = vi.fn();
    render(<DiagramReadingSection reading={reading} stale={false} onKindChange={onKindChange} />);
    const select = screen.getByRole('combobox', { name: 'Read Payment Gateway as', hidden: true }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([AS_READ, ...NODE_KINDS.map((k) => KIND_TITLES[k])]);
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'service' } });
    expect(onKindChange).toHaveBeenLastCalledWith('PG', 'service');
    expect(select.value).toBe('service');
    fireEvent.change(select, { target: { value: '' } });
    expect(onKindChange).toHaveBeenLastCalledWith('PG', undefined);
    expect(screen.getAllByRole('combobox', { hidden: true })).toHaveLength(reading.nodes.length);
  });

  it('marks a kind set by a `%% sysdrill:` line, and its select shows that kind', async () => {
    const reading = await readingOfText(`${DIAGRAM}\n%% sysdrill: PG is service`);
    render(<DiagramReadingSection reading={reading} stale={false} onKindChange={vi.fn()} />);
    const [, kind] = cellsOf(rowOf('PG'));
    expect(kind).toBe(`${KIND_TITLES.service} (set by you)`);
    expect((screen.getByRole('combobox', { name: 'Read Payment Gateway as', hidden: true }) as HTMLSelectElement).value).toBe('service');
    const [, other] = cellsOf(rowOf('M'));
    expect(other).not.toContain('set by you');
  });

  it('lists `%% sysdrill:` lines it could not use, with their line, column and reason', async () => {
    const text = `${DIAGRAM}\n%% sysdrill: PG is widget\n%% sysdrill: Nope is cache`;
    const reading = await readingOfText(text);
    expect(reading.problems.length).toBe(2);
    render(<DiagramReadingSection reading={reading} stale={false} onKindChange={vi.fn()} />);
    const group = screen.getByRole('group', { name: '%% sysdrill: lines the grader could not use:', hidden: true });
    expect(within(group).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent)).toEqual(
      reading.problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message.replace(/`/g, '')}`),
    );
    expect(reading.problems.map((p) => p.line)).toEqual([5, 6]);
  });

  it('shows no problem list when every line could be used, and says when the reading is of an earlier text', async () => {
    const reading = await readingOfText(DIAGRAM);
    const { rerender } = render(<DiagramReadingSection reading={reading} stale={false} onKindChange={vi.fn()} />);
    expect(screen.queryByRole('group', { name: /could not use/, hidden: true })).toBeNull();
    expect(screen.queryByText('These are the boxes of the last diagram that parsed; fix the error above to read the current one.')).toBeNull();
    rerender(<DiagramReadingSection reading={reading} stale onKindChange={vi.fn()} />);
    expect(screen.getByText('These are the boxes of the last diagram that parsed; fix the error above to read the current one.')).toBeTruthy();
  });

  it('renders labels, ids and technology as text, never as markup', async () => {
    // Mermaid's parse already strips markup from labels; the list must not rely on it.
    const read = await readingOfText(DIAGRAM);
    const markup = '<img src=x onerror=alert(1)><b>bold</b>';
    const reading: DiagramReading = { ...read, nodes: read.nodes.map((n) => ({ ...n, label: `${n.label} ${markup}`, tech: [...n.tech, markup] })) };
    const { container } = render(<DiagramReadingSection reading={reading} stale={false} onKindChange={vi.fn()} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect([...container.querySelectorAll('.reading-label')].map((l) => l.textContent)).toEqual(reading.nodes.map((n) => n.label));
    expect(screen.getByRole('combobox', { name: `Read Payment Gateway ${markup} as`, hidden: true })).toBeTruthy();
  });
});
