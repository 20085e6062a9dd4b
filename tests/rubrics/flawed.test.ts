import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Prompt } from '../../prompts/schema';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import { RULE_IDS, type RuleId } from '../../rubrics/vocabulary';

/**
 * Designs with exactly one interview-relevant flaw, written from each required prompt's
 * requirements (tests/rubrics/flawed/<prompt>/<flaw>.mmd). Each file states its flaw and the
 * finding an interviewer would give in two comment lines:
 *   %% flaw: <what is wrong>
 *   %% expect: <rule> [<node>]
 */

const DIR = fileURLToPath(new URL('./flawed/', import.meta.url));
const REQUIRED_PROMPTS = ['banking', 'ecommerce', 'instagram', 'llm-chat'];
const MIN_FLAWED_PER_PROMPT = 3;

interface FlawedDesign {
  readonly prompt: string;
  readonly file: string;
  readonly text: string;
  readonly flaw: string;
  readonly rule: RuleId;
  readonly node?: string;
}

function readDesign(prompt: string, file: string): FlawedDesign {
  const text = readFileSync(join(DIR, prompt, file), 'utf8');
  const flaw = /^%% flaw: (.+)$/m.exec(text)?.[1];
  const expect = /^%% expect: (\S+)(?: (\S+))?$/m.exec(text);
  const rule = expect?.[1];
  if (flaw === undefined || rule === undefined || !(RULE_IDS as readonly string[]).includes(rule)) {
    throw new Error(`${prompt}/${file}: needs "%% flaw: …" and "%% expect: <rule> [<node>]" lines`);
  }
  return { prompt, file, text, flaw, rule: rule as RuleId, ...(expect?.[2] === undefined ? {} : { node: expect[2] }) };
}

const designs: readonly FlawedDesign[] = REQUIRED_PROMPTS.flatMap((prompt) =>
  readdirSync(join(DIR, prompt))
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((file) => readDesign(prompt, file)),
);

const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
const promptById = (id: string): Prompt => {
  const prompt = library.prompts.find((p) => p.id === id);
  if (prompt === undefined) throw new Error(`no prompt ${id}`);
  return prompt;
};

beforeAll(async () => {
  await loadMermaid();
});

async function grade(text: string, prompt: Prompt): Promise<GradeReport> {
  const parsed = await parseMermaid(text);
  if (!parsed.ok) throw new Error(`does not parse: ${parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return gradeFlowchart(parsed.flowchart, prompt);
}

const serious = (report: GradeReport) => report.findings.filter((f) => f.severity === 'critical' || f.severity === 'major');

describe('flawed designs', () => {
  it.each(REQUIRED_PROMPTS)(`%s has at least ${MIN_FLAWED_PER_PROMPT} flawed designs`, (prompt) => {
    expect(designs.filter((d) => d.prompt === prompt).length).toBeGreaterThanOrEqual(MIN_FLAWED_PER_PROMPT);
  });

  describe.each(designs.map((d) => [`${d.prompt}/${d.file}`, d] as const))('%s', (_name, design) => {
    it(`is caught for its one flaw: ${design.flaw}`, async () => {
      const report = await grade(design.text, promptById(design.prompt));
      const blamed = serious(report).filter((f) => f.rule === design.rule && (design.node === undefined || f.nodes.includes(design.node)));
      // Nothing else is serious; a second finding about the same flawed node is the same cause.
      const others = serious(report)
        .filter((f) => f.rule !== design.rule && (design.node === undefined || !f.nodes.includes(design.node)))
        .map((f) => `${f.rule}: ${f.message}`);
      expect({ caught: blamed.length > 0, others }).toEqual({ caught: true, others: [] });
    });

    it('scores below the reference design', async () => {
      const prompt = promptById(design.prompt);
      const [flawed, reference] = await Promise.all([grade(design.text, prompt), grade(prompt.reference.mermaid, prompt)]);
      expect(flawed.score.total).toBeLessThan(reference.score.total);
    });
  });
});
