import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateDiagram } from '../../bench/diagrams';
import { CHANNELS } from '../../electron/ipc/channels';
import { CONTRACT } from '../../electron/ipc/contract';
import { parsePromptFile } from '../../prompts/parse';
import { parseQuantity } from '../../prompts/estimates';
import { BUILTIN_PROMPTS_DIR } from '../../prompts/node/load';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart } from '../../rubrics/grade';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import { toJsonReport } from '../../rubrics/report';
import { invariant, type FuzzTarget } from './target';

/** What `npm run fuzz` runs (see the README, Testing). */

const promptFiles = readdirSync(BUILTIN_PROMPTS_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(BUILTIN_PROMPTS_DIR, name), 'utf8') }));

/** The prompts' own reference and naive designs: real diagrams to mutate. */
const realDiagrams: readonly string[] = promptFiles.flatMap(({ name, text }) => {
  const parsed = parsePromptFile(name, text);
  return parsed.ok ? [parsed.prompt.reference.mermaid, parsed.prompt.naive.mermaid] : [];
});
const promptParams = promptFiles.flatMap(({ name, text }) => {
  const parsed = parsePromptFile(name, text);
  return parsed.ok ? [parsed.prompt] : [];
});

const DIAGRAM_FRAGMENTS = ['(', ')', '[', ']', '{', '}', '|', '"', '`', '-->', '-.->', '==>', '<-->', ' & ', ':::cache', '\nend\n', '\nsubgraph X\n', '%%', '#quot;', '<br/>', '×3', '@{ shape: procs }', '🚀', '\n', ';', 'style A fill:#f00', 'click A call x()', '\u0000', '\u202e', '\uD800', '\n%% sysdrill: A is cache\n', '%% sysdrill: ', ' is an ', ' . . '];
const YAML_FRAGMENTS = [':', ': ', '- ', '\n', '  ', '"', "'", '&a', '*a', '!!str ', '!!binary ', '{', '}', '[', ']', '#', '|', '>', '---', '...', '<<: *a', '? ', '\t', '%YAML 1.2\n', '\uFEFF', '\u0000', 'null', '1e999', '0x1F'];

type Mutation = { readonly at: number; readonly kind: 'insert'; readonly text: string } | { readonly at: number; readonly kind: 'delete' | 'duplicate'; readonly length: number };

function mutations(fragments: readonly string[]): fc.Arbitrary<Mutation[]> {
  return fc.array(
    fc.oneof(
      fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8, unit: 'binary' })) }),
      fc.record({ at: fc.nat(), kind: fc.constantFrom('delete' as const, 'duplicate' as const), length: fc.integer({ min: 1, max: 60 }) }),
    ),
    { minLength: 1, maxLength: 6 },
  );
}

function mutate(text: string, list: readonly Mutation[]): string {
  return list.reduce((out, m) => {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'insert') return out.slice(0, at) + m.text + out.slice(at);
    if (m.kind === 'delete') return out.slice(0, at) + out.slice(at + m.length);
    return out.slice(0, at) + out.slice(at, at + m.length) + out.slice(at);
  }, text);
}

/** Parse, then grade against the general rubric and one prompt's rubric: a report or located errors, never a throw. */
async function gradeChecked(text: string, promptIndex: number): Promise<void> {
  const result = await parseMermaid(text);
  if (!result.ok) {
    invariant(result.errors.length > 0, 'a failed parse has at least one error');
    for (const e of result.errors) invariant(e.line >= 1 && e.column >= 1 && e.message.length > 0, 'parse errors are located and worded');
    return;
  }
  const prompt = promptParams[promptIndex % promptParams.length];
  for (const params of prompt === undefined ? [GENERAL_PARAMS] : [GENERAL_PARAMS, prompt]) {
    const report = gradeFlowchart(result.flowchart, params);
    invariant(report.score.total >= 0 && report.score.total <= 100, `score ${report.score.total} within 0..100`);
    const ids = new Set(report.architecture.nodes.map((n) => n.id as string));
    for (const f of report.findings) for (const id of f.nodes) invariant(ids.has(id), `finding names existing node ${id}`);
    JSON.stringify(toJsonReport('fuzz.mmd', result, report));
  }
}

const graderRandom: FuzzTarget<{ size: number; seed: number; edits: Mutation[]; prompt: number }> = {
  name: 'grader: generated diagrams, mutated',
  runs: 80,
  arbitrary: fc.record({ size: fc.integer({ min: 3, max: 30 }), seed: fc.nat(), edits: mutations(DIAGRAM_FRAGMENTS), prompt: fc.nat() }),
  setUp: async () => void (await loadMermaid()),
  check: ({ size, seed, edits, prompt }) => gradeChecked(mutate(generateDiagram(size, seed), edits), prompt),
};

const graderReal: FuzzTarget<{ diagram: number; edits: Mutation[] }> = {
  name: "grader: the prompts' reference and naive designs, mutated",
  runs: 80,
  arbitrary: fc.record({ diagram: fc.nat(), edits: mutations(DIAGRAM_FRAGMENTS) }),
  setUp: async () => void (await loadMermaid()),
  check: ({ diagram, edits }) => gradeChecked(mutate(realDiagrams[diagram % realDiagrams.length] ?? '', edits), diagram),
};

const graderArbitrary: FuzzTarget<string> = {
  name: 'grader: arbitrary text',
  runs: 60,
  arbitrary: fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300 }).map((s) => `flowchart LR\n${s}`)),
  setUp: async () => void (await loadMermaid()),
  check: (text) => gradeChecked(text, 0),
};

const promptLoader: FuzzTarget<{ file: number; edits: Mutation[] }> = {
  name: 'prompt loader: the built-in prompt files, mutated',
  runs: 300,
  arbitrary: fc.record({ file: fc.nat(), edits: mutations(YAML_FRAGMENTS) }),
  check: ({ file, edits }) => {
    const source = promptFiles[file % promptFiles.length];
    invariant(source !== undefined, 'there are prompt files');
    const result = parsePromptFile(source.name, mutate(source.text, edits));
    if (result.ok) return;
    invariant(result.errors.length > 0, 'a refused file has at least one error');
    for (const e of result.errors) invariant(e.message.startsWith(`${source.name}: `) && e.detail.length > 0, 'errors name the file and say what is wrong');
  },
};

/** Values shaped like each channel's input, near-valid and not. */
const nearValidField = fc.oneof(
  fc.string({ maxLength: 120, unit: 'binary' }),
  fc.constantFrom('banking', 'practice', 'mock', 'dark', 'light', 'system', '', '__proto__', 'constructor', '../../etc/passwd', 'a'.repeat(101)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const payload = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('id', 'promptId', 'mode', 'text', 'baseRevision', 'theme', 'editorFontSize', '__proto__', 'extra'), nearValidField, { maxKeys: 6 }),
);

const ipcValidators: FuzzTarget<{ channel: number; value: unknown }> = {
  name: 'IPC: every channel validator (input and output schemas)',
  runs: 2000,
  arbitrary: fc.record({ channel: fc.nat(), value: payload }),
  check: ({ channel, value }) => {
    const name = CHANNELS[channel % CHANNELS.length];
    invariant(name !== undefined, 'there are channels');
    for (const schema of [CONTRACT[name].input, CONTRACT[name].output]) {
      const first = schema.safeParse(value);
      if (!first.success) {
        invariant(first.error.issues.length > 0, `${name}: a refusal has issues`);
        continue;
      }
      // What a schema accepts, it accepts again unchanged: the handlers see a stable value.
      const again = schema.safeParse(first.data);
      invariant(again.success && JSON.stringify(again.data) === JSON.stringify(first.data), `${name}: parsing is idempotent`);
    }
  },
};

/** What candidates type into an estimate: numbers, suffixes, units, rates and junk, glued together. */
const QUANTITY_PARTS = ['20', '3.5', '2e6', '1e999', '-0', '.5', '1,000', '1_000', 'k', 'K', 'M', 'B', 'bn', 'T', ' ', '/', ' per ', 's', 'day', 'month', 'TB', 'GB/s', 'QPS', 'rps', 'requests', 'ms', 'm/s', 'kg', '°C', '%', '(', ')', '^', '*', 'e', '\u0000', '🚀'];
const quantityParser: FuzzTarget<string> = {
  name: 'mock interview and practice estimates: quantity parser',
  runs: 2000,
  arbitrary: fc.oneof(fc.string({ maxLength: 60, unit: 'binary' }), fc.array(fc.constantFrom(...QUANTITY_PARTS), { maxLength: 8 }).map((parts) => parts.join(''))),
  check: (typed) => {
    const parsed = parseQuantity(typed);
    if (parsed.ok) {
      invariant(Number.isFinite(parsed.quantity.scalar), 'an accepted quantity is a finite number');
      return;
    }
    invariant(parsed.message.length > 0 && parsed.message.length < 400, 'a refusal says what is wrong, briefly');
  },
};

export const TARGETS: readonly FuzzTarget<never>[] = [graderRandom, graderReal, graderArbitrary, promptLoader, ipcValidators, quantityParser] as unknown as readonly FuzzTarget<never>[];

/** Targets named in the brief that are not run, with the reason printed by the runner. */
export const SKIPPED_TARGETS: readonly { readonly name: string; readonly reason: string }[] = [];
