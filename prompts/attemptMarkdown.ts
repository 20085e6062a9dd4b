import { CATEGORIES, CATEGORY_TITLES, SEVERITIES, type Category, type Severity } from '../rubrics/vocabulary';
import { VERDICT_TITLES, type Verdict } from './estimates';
import { MOCK_PHASES, PHASE_TITLES, formatDuration, type MockPhase } from './mockPlan';

/**
 * A submitted attempt as a Markdown document the candidate can keep or share: the prompt, the
 * score, requirement coverage, findings, notes per phase, estimates with their verdicts and the
 * Mermaid source. Pure: the same attempt always gives the same text (dates in UTC).
 */

export interface AttemptForMarkdown {
  readonly promptTitle: string;
  readonly mode: 'practice' | 'mock';
  readonly startedAt: number;
  readonly submittedAt: number | null;
  readonly timeLimitMs: number | null;
  readonly graderVersion: string;
  readonly diagram: string;
  readonly notes: Partial<Record<MockPhase, string>>;
  readonly report: ReportForMarkdown | null;
}

export interface ReportForMarkdown {
  readonly outcome: 'graded' | 'no-design' | 'unparsable';
  readonly score?: {
    readonly total: number;
    readonly coverage: number;
    readonly quality: number;
    readonly capped: boolean;
    readonly categories: Partial<Record<Category, number>>;
  };
  readonly coverage?: {
    readonly served: number;
    readonly total: number;
    readonly capabilities: readonly { readonly title: string; readonly met: boolean; readonly nodes: readonly string[] }[];
  };
  readonly findings: readonly { readonly severity: Severity; readonly message: string; readonly why: string; readonly fix: string; readonly nodes: readonly string[] }[];
  readonly parseErrors: readonly { readonly line: number; readonly column: number; readonly message: string }[];
  readonly estimates: readonly {
    readonly label: string;
    readonly typed: string;
    readonly expected: number;
    readonly unit: string;
    readonly verdict: Verdict;
    readonly note: string;
    readonly derivation: string;
  }[];
}

const SEVERITY_TITLES: Readonly<Record<Severity, string>> = { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Note' };
/** `2026-11-30 14:05 UTC`: the same in every time zone, so an exported file does not depend on where it was made. */
export function formatUtcMinute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A code fence longer than any run of backticks in `text`, so the text cannot close it early
 * (CommonMark: a closing fence needs at least as many backticks as the opening one).
 */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** One line of free text: a newline inside a list item or heading would end it. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function modeLine(attempt: AttemptForMarkdown): string {
  if (attempt.mode === 'practice') return 'Practice';
  return attempt.timeLimitMs === null ? 'Mock interview' : `Mock interview (${Math.round(attempt.timeLimitMs / 60_000)} minutes)`;
}

function scoreSection(score: NonNullable<ReportForMarkdown['score']>): string[] {
  const lines = ['## Score', '', `**${score.total} / 100** (requirement coverage ${score.coverage}, design quality ${score.quality})`];
  if (score.capped) lines.push('', 'The total is capped: a core requirement is broken.');
  const categories = CATEGORIES.flatMap((c) => (score.categories[c] === undefined ? [] : [`| ${CATEGORY_TITLES[c]} | ${Math.round(score.categories[c])} |`]));
  if (categories.length > 0) lines.push('', '| Category | Score |', '| --- | ---: |', ...categories);
  return lines;
}

function nodesSuffix(nodes: readonly string[]): string {
  return nodes.length === 0 ? '' : ` (${nodes.map((n) => `\`${n}\``).join(', ')})`;
}

function coverageSection(coverage: NonNullable<ReportForMarkdown['coverage']>): string[] {
  return [
    '## Requirement coverage',
    '',
    `${coverage.served} of ${coverage.total} capabilities served.`,
    '',
    ...coverage.capabilities.map((c) => `- [${c.met ? 'x' : ' '}] ${oneLine(c.title)}${c.met ? nodesSuffix(c.nodes) : ''}`),
  ];
}

function findingsSection(findings: ReportForMarkdown['findings']): string[] {
  if (findings.length === 0) return ['## Findings', '', 'No findings.'];
  const ordered = SEVERITIES.flatMap((severity) => findings.filter((f) => f.severity === severity));
  return [
    '## Findings',
    ...ordered.flatMap((f) => [
      '',
      `### ${SEVERITY_TITLES[f.severity]}: ${oneLine(f.message)}`,
      '',
      ...(f.nodes.length === 0 ? [] : [`- Components: ${f.nodes.map((n) => `\`${n}\``).join(', ')}`]),
      `- Why it matters: ${oneLine(f.why)}`,
      `- Fix: ${oneLine(f.fix)}`,
    ]),
  ];
}

function estimatesSection(estimates: ReportForMarkdown['estimates']): string[] {
  return [
    '## Estimates',
    '',
    ...estimates.map(
      (e) =>
        `- **${oneLine(e.label)}**: you said ${e.typed.trim() === '' ? 'nothing' : `“${oneLine(e.typed)}”`}, expected ${e.expected} ${e.unit}. ` +
        `${VERDICT_TITLES[e.verdict]}${e.note === '' ? '' : ` (${oneLine(e.note)})`}.${e.derivation === '' ? '' : ` How: ${oneLine(e.derivation)}`}`,
    ),
  ];
}

function notesSection(notes: AttemptForMarkdown['notes']): string[] {
  const written = MOCK_PHASES.flatMap((phase) => {
    const text = notes[phase]?.trim() ?? '';
    return text === '' ? [] : [['', `### ${PHASE_TITLES[phase]}`, '', text]];
  });
  return written.length === 0 ? [] : ['## Notes', ...written.flat()];
}

function outcomeLines(report: ReportForMarkdown): string[] {
  if (report.outcome === 'no-design') return ['No design submitted: nothing was drawn, so there is no score.'];
  if (report.outcome === 'unparsable') {
    return ['The diagram did not parse, so it could not be graded:', '', ...report.parseErrors.map((e) => `- Line ${e.line}, column ${e.column}: ${oneLine(e.message)}`)];
  }
  return [];
}

function diagramSection(source: string): string[] {
  if (source.trim() === '') return [];
  const fence = fenceFor(source);
  return ['## Diagram', '', `${fence}mermaid`, source.replace(/\r\n/g, '\n').replace(/\n+$/, ''), fence];
}

export function attemptMarkdown(attempt: AttemptForMarkdown): string {
  const report = attempt.report;
  const title = attempt.mode === 'mock' ? `Mock interview: ${oneLine(attempt.promptTitle)}` : `Practice attempt: ${oneLine(attempt.promptTitle)}`;
  const header = [
    `# ${title}`,
    '',
    `- Date: ${formatUtcMinute(attempt.submittedAt ?? attempt.startedAt)}`,
    `- Mode: ${modeLine(attempt)}`,
    ...(attempt.submittedAt === null ? [] : [`- Time taken: ${formatDuration(Math.max(0, attempt.submittedAt - attempt.startedAt))}`]),
    `- Grader version: ${attempt.graderVersion}`,
  ];
  const sections: string[][] = [header];
  if (report === null) {
    sections.push(['This attempt was not submitted.']);
  } else {
    const outcome = outcomeLines(report);
    if (outcome.length > 0) sections.push(outcome);
    if (report.score !== undefined) sections.push(scoreSection(report.score));
    if (report.coverage !== undefined) sections.push(coverageSection(report.coverage));
    if (report.outcome === 'graded') sections.push(findingsSection(report.findings));
    if (report.estimates.length > 0) sections.push(estimatesSection(report.estimates));
  }
  const notes = notesSection(attempt.notes);
  if (notes.length > 0) sections.push(notes);
  const diagram = diagramSection(attempt.diagram);
  if (diagram.length > 0) sections.push(diagram);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
