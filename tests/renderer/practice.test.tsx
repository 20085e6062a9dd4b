// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import type { GradingParams } from '../../rubrics/params';
import type { ParseError } from '../../rubrics/parse/types';
import { CHEAT_SHEET } from '../../rubrics/cheatsheet';
import { SEVERITIES } from '../../rubrics/vocabulary';
import type { Finding } from '../../rubrics/rules/types';
import { parsePromptFile } from '../../prompts/parse';
import urlShortenerYaml from '../../prompts/data/url-shortener.yaml?raw';
import { CheatSheet } from '../../renderer/src/practice/CheatSheet';
import { FeedbackPanel, FindingsList, ScoreSummary, groupBySeverity } from '../../renderer/src/practice/FeedbackPanel';
import { HintReveal } from '../../renderer/src/practice/HintReveal';
import { InlineCode } from '../../renderer/src/practice/InlineCode';
import { ParseErrorList } from '../../renderer/src/practice/ParseErrorList';
// The renderer's own Mermaid adapter, running on jsdom: the same parse the app grades with.
import { parseForGrading } from '../../renderer/src/mermaid/index';

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

async function parseErrorsOf(text: string): Promise<readonly ParseError[]> {
  const parsed = await parseForGrading(text);
  if (parsed.ok) throw new Error('expected a parse error');
  return parsed.errors;
}

/** Real reports from the real grader: the prompt's naive design, its reference, and one lone box. */
let naive: GradeReport;
let reference: GradeReport;
let loneBox: GradeReport;

beforeAll(async () => {
  naive = await gradeText(prompt.naive.mermaid);
  reference = await gradeText(prompt.reference.mermaid);
  loneBox = await gradeText('flowchart LR\n  User --> App[Shortener service]');
}, 60_000);

afterEach(cleanup);

const groupHeadings = (): string[] => screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent ?? '');

describe('groupBySeverity', () => {
  it('keeps severity order (critical first) and drops empty groups', () => {
    const groups = groupBySeverity(naive.findings, (f) => f.severity);
    const severities = groups.map(([severity]) => severity);
    expect(severities).toEqual(SEVERITIES.filter((s) => naive.findings.some((f) => f.severity === s)));
    for (const [severity, findings] of groups) {
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.severity === severity)).toBe(true);
    }
    expect(groups.flatMap(([, findings]) => findings)).toHaveLength(naive.findings.length);
  });

  it('returns no groups for no findings', () => {
    expect(groupBySeverity([], (f: Finding) => f.severity)).toEqual([]);
  });
});

describe('FindingsList', () => {
  it('shows one section per severity present, in order, with its count', () => {
    render(<FindingsList findings={naive.findings} />);
    const expected = groupBySeverity(naive.findings, (f) => f.severity).map(([severity, list]) => {
      const title = { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Notes' }[severity];
      return `${title} (${list.length})`;
    });
    expect(groupHeadings()).toEqual(expected);
    expect(screen.getAllByRole('listitem')).toHaveLength(naive.findings.length);
  });

  it('shows each finding’s message, nodes, why and fix', () => {
    render(<FindingsList findings={loneBox.findings} />);
    const spof = loneBox.findings.find((f) => f.rule === 'single-point-of-failure');
    expect(spof?.nodes).toEqual(['App']);
    const critical = screen.getByRole('region', { name: 'Critical findings' });
    const item = within(critical)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('single point of failure'));
    expect(item).toBeDefined();
    const card = within(item as HTMLElement);
    expect(card.getByRole('button', { name: 'App' })).toBeTruthy();
    expect(item?.querySelector('.finding-message code')?.textContent).toBe('App');
    expect(item?.textContent).toContain(`Why: ${spof?.why.replace(/`/g, '')}`);
    expect(item?.textContent).toContain(`Fix: ${spof?.fix.replace(/`/g, '')}`);
  });

  it('reports a clicked node id so the preview can outline it', () => {
    const onShowNodes = vi.fn();
    render(<FindingsList findings={loneBox.findings} onShowNodes={onShowNodes} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'App' })[0] as HTMLElement);
    expect(onShowNodes).toHaveBeenCalledWith(['App']);
  });

  it('says so when the rubric finds nothing wrong', () => {
    render(<FindingsList findings={[]} />);
    expect(screen.getByText('No problems found for this prompt’s rubric.')).toBeTruthy();
    expect(screen.queryAllByRole('heading')).toHaveLength(0);
  });

  it('lists only the severities a good design still gets', () => {
    render(<FindingsList findings={reference.findings} />);
    const present = new Set(reference.findings.map((f) => f.severity));
    for (const [severity, title] of [['critical', 'Critical'], ['major', 'Major'], ['minor', 'Minor'], ['info', 'Notes']] as const) {
      expect(screen.queryByRole('region', { name: `${title} findings` }) !== null).toBe(present.has(severity));
    }
  });
});

describe('ScoreSummary', () => {
  it('shows the total and every scored category', () => {
    render(<ScoreSummary score={naive.score} />);
    expect(screen.getByTestId('score-total').textContent).toBe(String(naive.score.total));
    const categories = Object.entries(naive.score.categories);
    expect(categories.length).toBeGreaterThan(1);
    for (const [category, value] of categories) {
      const meter = screen.getByRole('meter', { name: new RegExp(category, 'i') });
      expect(meter.getAttribute('value')).toBe(String(value));
    }
    expect(screen.queryByText(/Capped at/)).toBeNull();
  });

  it('explains a capped total', () => {
    render(<ScoreSummary score={{ ...naive.score, total: 40, capped: true }} />);
    expect(screen.getByText(/Capped at 40/)).toBeTruthy();
  });
});

describe('FeedbackPanel', () => {
  it('marks feedback that belongs to an older version of the text', () => {
    const { rerender } = render(<FeedbackPanel report={naive} params={params} stale={false} />);
    expect(screen.queryByText(/last diagram that parsed/)).toBeNull();
    rerender(<FeedbackPanel report={naive} params={params} stale />);
    expect(screen.getByText(/last diagram that parsed/)).toBeTruthy();
    expect(screen.getByTestId('score-total').textContent).toBe(String(naive.score.total));
  });

  it('shows each finding on one line and its why / fix only once opened, and the single node outlined', () => {
    const onShowNodes = vi.fn();
    render(<FeedbackPanel report={loneBox} params={params} stale={false} onShowNodes={onShowNodes} />);
    const spof = loneBox.findings.find((f) => f.rule === 'single-point-of-failure');
    const toggle = screen.getAllByRole('button', { expanded: false }).find((b) => b.textContent?.includes('single point of failure'));
    expect(toggle).toBeDefined();
    const item = toggle?.closest('li') as HTMLElement;
    expect(item.textContent).not.toContain('Why:');
    fireEvent.click(toggle as HTMLElement);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(item.textContent).toContain(`Why: ${spof?.why.replace(/`/g, '')}`);
    expect(within(item).getByRole('link').getAttribute('href')).toBe(`#/glossary/${spof?.concept}`);
    expect(onShowNodes).toHaveBeenCalledWith(['App']);
    fireEvent.click(toggle as HTMLElement);
    expect(item.textContent).not.toContain('Why:');
  });

  it('says what would raise the score most: the capabilities to serve and the rules to fix, largest gain first', () => {
    render(<FeedbackPanel report={loneBox} params={params} stale={false} />);
    const gains = screen.getByLabelText('What would raise the score most');
    const lines = within(gains)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    // One box serves almost nothing of the prompt: serving a core capability raises it most.
    const unmet = loneBox.coverage.capabilities.filter((c) => !c.met).map((c) => c.title);
    expect(unmet.some((title) => lines[0]?.startsWith(`serve “${title}”: +`))).toBe(true);
    const points = lines.map((line) => Number(/: \+(\d+)$/.exec(line)?.[1]));
    expect(points.every((n) => n > 0)).toBe(true);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it('shows one line per cause: a finding of the same family on the same node is folded into the most severe', () => {
    const lead = loneBox.findings.find((f) => f.rule === 'single-point-of-failure' && f.nodes.join() === 'App');
    expect(lead).toBeDefined();
    const sameCause = { ...(lead as Finding), rule: 'load-balancing', severity: 'major', message: 'App runs as `one instance`.', fix: 'Run three of them.' } as const;
    const report = { ...loneBox, findings: [...loneBox.findings, sameCause] };
    render(<FeedbackPanel report={report} params={params} stale={false} />);
    const items = screen.getAllByRole('listitem').filter((li) => li.closest('.findings') !== null);
    expect(items).toHaveLength(loneBox.findings.length);
    const item = items.find((li) => li.textContent?.includes('single point of failure')) as HTMLElement;
    expect(item.querySelector('.finding-also')?.textContent).toBe('Also: App runs as one instance.');
    expect(screen.queryByRole('region', { name: 'Major findings' })?.textContent ?? '').not.toContain('one instance');
    fireEvent.click(within(item).getAllByRole('button', { expanded: false })[0] as HTMLElement);
    expect(item.textContent).toContain('Also fix: Run three of them.');
  });
});

describe('HintReveal', () => {
  it('reveals the hints one at a time with a counter', () => {
    const hints = prompt.hints;
    expect(hints.length).toBeGreaterThan(2);
    render(<HintReveal hints={hints} />);
    expect(screen.getByTestId('hint-counter').textContent).toBe(`0 of ${hints.length}`);
    expect(screen.queryByRole('listitem')).toBeNull();

    act(() => screen.getByRole('button', { name: 'Show a hint' }).click());
    expect(screen.getByTestId('hint-counter').textContent).toBe(`1 of ${hints.length}`);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([hints[0]]);

    act(() => screen.getByRole('button', { name: 'Show a hint' }).click());
    expect(screen.getByTestId('hint-counter').textContent).toBe(`2 of ${hints.length}`);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(hints.slice(0, 2));

    for (let shown = 2; shown < hints.length; shown++) act(() => screen.getByRole('button', { name: 'Show a hint' }).click());
    expect(screen.getByTestId('hint-counter').textContent).toBe(`${hints.length} of ${hints.length}`);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([...hints]);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('That was the last hint.')).toBeTruthy();
  });
});

describe('ParseErrorList', () => {
  it('shows where the diagram breaks, the offending line and the corrected line', async () => {
    const errors = await parseErrorsOf('flowchart LR\n  A --> B[Service (v2)]');
    render(<ParseErrorList errors={errors} />);
    const alert = screen.getByRole('alert', { name: 'Diagram error' });
    expect(alert.textContent).toContain('Line 2, column 19');
    expect(alert.textContent).toContain('unexpected "("');
    expect(within(alert).getByLabelText('Line 2 as written').textContent).toContain('A --> B[Service (v2)]');
    expect(alert.querySelector('.parse-error-caret')?.textContent).toBe(`${' '.repeat(18)}^`);
    expect(alert.querySelector('.parse-error-hint')?.textContent).toContain('A --> B["Service (v2)"]');
  });

  it('shows a refusal without an excerpt (empty diagram)', async () => {
    const errors = await parseErrorsOf('   \n');
    render(<ParseErrorList errors={errors} />);
    const alert = screen.getByRole('alert', { name: 'Diagram error' });
    expect(alert.textContent).toContain('Line 1, column 1');
    expect(alert.textContent).toContain('The diagram is empty');
    expect(alert.querySelector('.parse-error-excerpt')).toBeNull();
  });
});

describe('InlineCode', () => {
  it.each([
    ['`LB` is a load balancer', ['LB'], 'LB is a load balancer'],
    ['plain text', [], 'plain text'],
    ['two `a` and `b`', ['a', 'b'], 'two a and b'],
    ['unmatched `tick', [], 'unmatched `tick'],
    ['<img src=x onerror=alert(1)> `<b>`', ['<b>'], '<img src=x onerror=alert(1)> <b>'],
  ])('renders %j with code %j', (text, code, shown) => {
    const { container } = render(
      <p>
        <InlineCode text={text} />
      </p>,
    );
    expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual(code);
    expect(container.textContent).toBe(shown);
    expect(container.querySelector('img, b')).toBeNull();
  });
});

describe('CheatSheet', () => {
  it('is collapsed at first and holds the keyboard notes and every section of the cheat sheet', () => {
    const { container } = render(<CheatSheet />);
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(screen.getAllByRole('heading', { level: 4, hidden: true }).map((h) => h.textContent)).toEqual(['Keyboard', ...CHEAT_SHEET.map((s) => s.title)]);
    expect(container.textContent).toContain('To leave the editor, press Escape, then Tab (or Shift+Tab).');
    expect(container.querySelectorAll('pre code')).toHaveLength(CHEAT_SHEET.length);
  });
});
