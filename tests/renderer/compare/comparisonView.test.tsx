// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import instagramYaml from '../../../prompts/data/instagram.yaml?raw';
import { parsePromptFile } from '../../../prompts/parse';
import type { GradingParams } from '../../../rubrics/params';
import type * as MermaidAdapter from '../../../renderer/src/mermaid/index';
import { ComparisonView } from '../../../renderer/src/compare/ComparisonView';

// jsdom cannot lay out a Mermaid drawing: drawing is replaced by an empty SVG.
vi.mock('../../../renderer/src/mermaid/index', async (importOriginal) => {
  const actual = await importOriginal<typeof MermaidAdapter>();
  return { ...actual, renderDiagram: () => Promise.resolve({ ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }) };
});

afterEach(cleanup);

const prompt = (() => {
  const parsed = parsePromptFile('instagram.yaml', instagramYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
})();
const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };

/** The walkthrough's two designs: a lone post service, then three of them behind a balancer with a feed cache. */
const FIRST = ['flowchart LR', 'U([Mobile app]) --> API[Post service]', 'API --> DB[(Posts DB)]'].join('\n');
const SECOND = ['flowchart LR', 'U([Mobile app]) --> LB[Load balancer pair]', 'LB --> API2[Post service ×3]', 'API2 --> DB[(Posts DB)]', 'API2 --> C[Redis feed cache]'].join('\n');

async function compareShown(): Promise<{ fixed: HTMLElement; introduced: HTMLElement }> {
  render(<ComparisonView heading="Compared" before={{ title: 'first', diagram: FIRST }} after={{ title: 'second', diagram: SECOND }} params={params} theme="light" />);
  return { fixed: await screen.findByTestId('findings-fixed', {}, { timeout: 30_000 }), introduced: screen.getByTestId('findings-new') };
}

const items = (group: HTMLElement): string[] => within(group).queryAllByRole('listitem').map((li) => li.textContent ?? '');

describe('ComparisonView findings', () => {
  it('names the boxes of a fixed finding by their labels in the first design, with the id in the title', async () => {
    const { fixed } = await compareShown();
    const spof = items(fixed).filter((text) => text.startsWith('Single points of failure'));
    expect(spof).toEqual([expect.stringContaining('Single points of failure (Post service): ')]);
    const titles = within(fixed)
      .getAllByText('Post service')
      .map((name) => name.getAttribute('title'));
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['Box API']));
  }, 60_000);

  it('names the boxes of a new finding by their labels in the second design, never by raw Mermaid ids', async () => {
    const { fixed, introduced } = await compareShown();
    const lines = [...items(fixed), ...items(introduced)];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/\((?:API2?|C|DB|LB|U)(?:, (?:API2?|C|DB|LB|U))*\)/);
    expect(items(introduced).some((text) => text.includes('(Redis feed cache)'))).toBe(true);
  }, 60_000);
});
