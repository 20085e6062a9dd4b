// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { withAuthorKinds } from '../../../rubrics/parse/kindOverrides';
import { parseForGrading } from '../../../renderer/src/mermaid/index';
import { neutraliseSource } from '../../../renderer/src/mermaid/markup';

const DIAGRAM = 'flowchart LR\n  M[Mobile API] --> PG[Payment Gateway]\n  PG --> DB[(Ledger)]';

/**
 * The renderer's grading parse carries the kinds the `%% sysdrill:` lines set, and withAuthorKinds
 * (the step the drawing frame applies to Mermaid's db) adds exactly those to a bare flowchart. That
 * the frame's live grade follows the lines is checked end to end in tests/e2e/diagramReading.spec.ts.
 */
describe('withAuthorKinds', () => {
  it.each<[string, string, Readonly<Record<string, string>> | undefined]>([
    ['no sysdrill line', DIAGRAM, undefined],
    ['one box set', `${DIAGRAM}\n%% sysdrill: PG is service`, { PG: 'service' }],
    ['two boxes, one set twice (the later line counts)', `%% sysdrill: M is client\n${DIAGRAM}\n%% sysdrill: DB is cache\n%% sysdrill: M is API gateway`, { M: 'api_gateway', DB: 'cache' }],
    ['a line it cannot use', `${DIAGRAM}\n%% sysdrill: PG is widget`, undefined],
    ['an ordinary comment', `${DIAGRAM}\n%% PG is a service`, undefined],
  ])('%s: the same kinds as the grader’s own parse', async (_name, text, kinds) => {
    const parsed = await parseForGrading(text);
    if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.errors)}`);
    expect(parsed.flowchart.kindOverrides).toEqual(kinds);
    const { kindOverrides: _dropped, ...fromDb } = parsed.flowchart;
    const bare: ParsedFlowchart = fromDb;
    expect(withAuthorKinds(bare, neutraliseSource(text))).toEqual(parsed.flowchart);
  });

  it('leaves a flowchart with no sysdrill line as it is (the same object)', async () => {
    const parsed = await parseForGrading(DIAGRAM);
    if (!parsed.ok) throw new Error('does not parse');
    expect(withAuthorKinds(parsed.flowchart, DIAGRAM)).toBe(parsed.flowchart);
  });
});
