import { describe, expect, it } from 'vitest';
import { attemptMarkdown, fenceFor, formatUtcMinute, type AttemptForMarkdown } from '../../prompts/attemptMarkdown';

const mock: AttemptForMarkdown = {
  promptTitle: 'Design Instagram',
  mode: 'mock',
  startedAt: Date.UTC(2026, 10, 30, 14, 0, 0),
  submittedAt: Date.UTC(2026, 10, 30, 14, 42, 5),
  timeLimitMs: 45 * 60_000,
  graderVersion: '7',
  diagram: 'flowchart LR\n  app[App] --> db[(Posts DB)]\n',
  notes: { 'deep-dive': 'Shard posts by user id.\nReplicas for reads.', requirements: 'Feed, upload', estimates: '   ' },
  report: {
    outcome: 'graded',
    score: { total: 62, coverage: 75, quality: 83, capped: false, categories: { data: 40, availability: 55.4 } },
    coverage: {
      served: 1,
      total: 2,
      capabilities: [
        { title: 'Upload photos', met: true, nodes: ['app', 'db'] },
        { title: 'Home feed', met: false, nodes: [] },
      ],
    },
    findings: [
      { severity: 'minor', message: 'No cache', why: 'Reads hit the DB.', fix: 'Add a cache.', nodes: [] },
      { severity: 'critical', message: 'Single database', why: 'One box down,\nall down.', fix: 'Add a replica.', nodes: ['db'] },
    ],
    parseErrors: [],
    estimates: [
      { label: 'Uploads per second', typed: '1k', expected: 1160, unit: 'per s', verdict: 'on-target', note: 'within 2×', derivation: '100M / 86,400' },
      { label: 'Storage per year', typed: '', expected: 730, unit: 'TB', verdict: 'unanswered', note: '', derivation: '' },
    ],
  },
};

describe('attempt as Markdown', () => {
  it('writes the prompt, date, mode, score, coverage, findings by severity, estimates, notes per phase and the diagram', () => {
    expect(attemptMarkdown(mock)).toBe(
      [
        '# Mock interview: Design Instagram',
        '',
        '- Date: 2026-11-30 14:42 UTC',
        '- Mode: Mock interview (45 minutes)',
        '- Time taken: 42:05',
        '- Grader version: 7',
        '',
        '## Score',
        '',
        '**62 / 100** (requirement coverage 75, design quality 83)',
        '',
        '| Category | Score |',
        '| --- | ---: |',
        '| Availability | 55 |',
        '| Data | 40 |',
        '',
        '## Requirement coverage',
        '',
        '1 of 2 capabilities served.',
        '',
        '- [x] Upload photos (`app`, `db`)',
        '- [ ] Home feed',
        '',
        '## Findings',
        '',
        '### Critical: Single database',
        '',
        '- Components: `db`',
        '- Why it matters: One box down, all down.',
        '- Fix: Add a replica.',
        '',
        '### Minor: No cache',
        '',
        '- Why it matters: Reads hit the DB.',
        '- Fix: Add a cache.',
        '',
        '## Estimates',
        '',
        '- **Uploads per second**: you said “1k”, expected 1160 per s. On target (within 2×). How: 100M / 86,400',
        '- **Storage per year**: you said nothing, expected 730 TB. Not answered.',
        '',
        '## Notes',
        '',
        '### Requirements and clarifying questions',
        '',
        'Feed, upload',
        '',
        '### Deep dive',
        '',
        'Shard posts by user id.\nReplicas for reads.',
        '',
        '## Diagram',
        '',
        '```mermaid',
        'flowchart LR',
        '  app[App] --> db[(Posts DB)]',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('says a design that did not parse could not be graded, with the located errors, and keeps its source', () => {
    const text = attemptMarkdown({
      ...mock,
      mode: 'practice',
      timeLimitMs: null,
      notes: {},
      diagram: 'flowchart LR\n  a -->',
      report: { outcome: 'unparsable', findings: [], parseErrors: [{ line: 2, column: 8, message: 'Expected a node' }], estimates: [] },
    });
    expect(text).toBe(
      [
        '# Practice attempt: Design Instagram',
        '',
        '- Date: 2026-11-30 14:42 UTC',
        '- Mode: Practice',
        '- Time taken: 42:05',
        '- Grader version: 7',
        '',
        'The diagram did not parse, so it could not be graded:',
        '',
        '- Line 2, column 8: Expected a node',
        '',
        '## Diagram',
        '',
        '```mermaid',
        'flowchart LR',
        '  a -->',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('says when no design was submitted and leaves the diagram section out', () => {
    const text = attemptMarkdown({ ...mock, notes: {}, diagram: '  \n', report: { outcome: 'no-design', findings: [], parseErrors: [], estimates: [] } });
    expect(text.endsWith('- Grader version: 7\n\nNo design submitted: nothing was drawn, so there is no score.\n')).toBe(true);
  });

  it('fences a source that itself contains ``` with a longer fence, so the block cannot be closed early', () => {
    const diagram = 'flowchart LR\n  a["```"] --> b["````x"]';
    const text = attemptMarkdown({ ...mock, notes: {}, diagram, report: null });
    expect(text).toContain('\n`````mermaid\nflowchart LR\n  a["```"] --> b["````x"]\n`````\n');
  });
});

describe('fenceFor', () => {
  it.each([
    ['flowchart LR', '```'],
    ['a `b` c', '```'],
    ['``` inside', '````'],
    ['``x`````', '``````'],
  ])('fences %j with %s', (text, fence) => {
    expect(fenceFor(text)).toBe(fence);
  });
});

describe('formatUtcMinute', () => {
  it('prints the minute in UTC', () => {
    expect(formatUtcMinute(Date.UTC(2025, 0, 2, 3, 4, 59))).toBe('2025-01-02 03:04 UTC');
  });
});
