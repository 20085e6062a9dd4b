// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ParsedFlowchart } from '../../../rubrics/parse/types';
import { withAuthorKinds } from '../../../rubrics/parse/kindOverrides';
import { parseForGrading } from '../../../renderer/src/mermaid/index';
import { neutraliseSource } from '../../../renderer/src/mermaid/markup';

const DIAGRAM = 'flowchart LR\n  M[Mobile API] --> PG[Payment Gateway]\n  PG --> DB[(Ledger)]';

/**
 * The render frame builds the live flowchart from Mermaid's db and adds the author's kinds with
 * withAuthorKinds; a submitted diagram is parsed by the grader's own parse. Both must agree.
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
