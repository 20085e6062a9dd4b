// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import urlShortenerYaml from '../../../prompts/data/url-shortener.yaml?raw';
import { parsePromptFile } from '../../../prompts/parse';
import { gradeFlowchart, type GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';
import { FeedbackPanel, FindingsList } from '../../../renderer/src/practice/FeedbackPanel';
import { parseForGrading } from '../../../renderer/src/mermaid/index';

afterEach(cleanup);

const prompt = (() => {
  const parsed = parsePromptFile('url-shortener.yaml', urlShortenerYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
})();
const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };

async function gradeText(text: string): Promise<GradeReport> {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.errors)}`);
  return gradeFlowchart(parsed.flowchart, params);
}

const chips = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.finding-nodes .node-chip')];

describe('node chips of findings name boxes by label', () => {
  it('the practice feedback shows "Shortener service", not the Mermaid id App, and still outlines App', async () => {
    const report = await gradeText('flowchart LR\n  User --> App[Shortener service]');
    const onShowNodes = vi.fn();
    render(<FeedbackPanel report={report} params={params} stale={false} onShowNodes={onShowNodes} />);
    const texts = chips().map((chip) => chip.textContent);
    expect(texts).toContain('Shortener service');
    expect(texts).not.toContain('App');
    const chip = screen.getAllByRole('button', { name: 'Shortener service' })[0] as HTMLElement;
    expect(chip.getAttribute('title')).toContain('App');
    fireEvent.click(chip);
    expect(onShowNodes).toHaveBeenCalledWith(['App']);
  }, 60_000);

  it('a findings list given no names shows ids (the old reports of an unparsable text)', () => {
    const finding: Finding = { rule: 'replication', severity: 'major', nodes: ['DB'], message: 'DB has no replica.', why: 'It can die.', fix: 'Add one.', concept: 'replication' };
    render(<FindingsList findings={[finding]} />);
    expect(chips().map((chip) => chip.textContent)).toEqual(['DB']);
  });
});
