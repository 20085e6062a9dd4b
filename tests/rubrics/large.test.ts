import { beforeAll, describe, expect, it } from 'vitest';
import { generateDiagram } from '../../bench/diagrams';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart } from '../../rubrics/grade';
import { loadMermaid, parseMermaid, PARSE_LIMITS } from '../../rubrics/parse/node/index';

beforeAll(async () => {
  await loadMermaid();
});

describe('very large input is refused or bounded', () => {
  it('refuses a 5 000-node diagram with a message naming the limit', async () => {
    const text = generateDiagram(5_000, 7);
    expect(text.length).toBeGreaterThan(PARSE_LIMITS.maxChars);
    const result = await parseMermaid(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/too large.*limit is 50000/);
  });

  it('refuses 1 MB of text', async () => {
    const result = await parseMermaid(`flowchart LR\n  A[${'x'.repeat(1_000_000)}]\n`);
    expect(result.ok).toBe(false);
  });

  it('refuses too many lines even when short', async () => {
    const result = await parseMermaid(`flowchart LR\n${'\n'.repeat(PARSE_LIMITS.maxLines + 1)}A\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(String(PARSE_LIMITS.maxLines));
  });

  it("reports Mermaid's own edge limit as a clear error just under the text limit", async () => {
    const lines = Array.from({ length: 1_500 }, (_, i) => `  N${i} --> N${i + 1}`);
    const result = await parseMermaid(`flowchart LR\n${lines.join('\n')}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/Edge limit/);
  });

  it('grades the largest diagram the bench uses (200 nodes)', async () => {
    const result = await parseMermaid(generateDiagram(200, 3));
    expect(result.ok).toBe(true);
    if (result.ok) expect(gradeFlowchart(result.flowchart, GENERAL_PARAMS).architecture.nodes).toHaveLength(200);
  });
});
