import { parseArgs } from 'node:util';
import type { PromptFileError } from '../../prompts/errors';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Prompt } from '../../prompts/schema';
import { EXIT, type CliIo } from '../io';

const PROMPTS_USAGE = `Usage: sysdrill prompts [--json] [--dir <folder>]

Lists the interview prompts and reports prompt files that fail validation.
  --json           One JSON document for scripts: { "prompts": [...], "errors": [...] }
  --dir <folder>   Read prompt files from <folder> instead of the built-in library
                   (use it to check your own prompt files before adding them)

Exit codes: 0 every file valid, 1 some files invalid (the valid ones are still listed), 2 bad usage.
`;

/** The `--json` document: one object, stable field order. */
export interface PromptsJson {
  readonly prompts: readonly PromptJsonEntry[];
  readonly errors: readonly PromptErrorJson[];
}

export interface PromptJsonEntry {
  readonly id: string;
  readonly title: string;
  readonly difficulty: Prompt['difficulty'];
  readonly tags: readonly string[];
  readonly concepts: readonly string[];
  readonly reference: { readonly mermaid: string; readonly rationale: string };
  readonly naive: {
    readonly mermaid: string;
    readonly rationale: string;
    readonly mistakes: readonly { readonly rule: string; readonly nodes: readonly string[]; readonly note: string }[];
  };
}

export interface PromptErrorJson {
  readonly file: string;
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

export function toPromptsJson(prompts: readonly Prompt[], errors: readonly PromptFileError[]): PromptsJson {
  return {
    prompts: prompts.map((p) => ({
      id: p.id,
      title: p.title,
      difficulty: p.difficulty,
      tags: p.tags,
      concepts: p.concepts,
      reference: { mermaid: p.reference.mermaid, rationale: p.reference.rationale },
      naive: {
        mermaid: p.naive.mermaid,
        rationale: p.naive.rationale,
        mistakes: p.naive.mistakes.map((m) => ({ rule: m.rule, nodes: m.nodes ?? [], note: m.note })),
      },
    })),
    errors: errors.map((e) => ({ file: e.file, path: e.path, line: e.line ?? null, column: e.column ?? null, message: e.message })),
  };
}

export function humanPromptList(prompts: readonly Prompt[]): string {
  if (prompts.length === 0) return 'No prompts found.\n';
  const idWidth = Math.max(...prompts.map((p) => p.id.length));
  const titleWidth = Math.max(...prompts.map((p) => p.title.length));
  const rows = prompts.map(
    (p) => `  ${p.id.padEnd(idWidth)}  ${p.difficulty.padEnd(6)}  ${p.title.padEnd(titleWidth)}  ${p.tags.join(', ')}`,
  );
  return `${prompts.length} prompt${prompts.length === 1 ? '' : 's'}\n${rows.join('\n')}\n`;
}

/** `sysdrill prompts [--json] [--dir <folder>]`. */
export async function runPromptsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { json?: boolean; dir?: string; help?: boolean };
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values;
  } catch (e) {
    io.stderr(`sysdrill prompts: ${e instanceof Error ? e.message : String(e)}\n\n${PROMPTS_USAGE}`);
    return EXIT.usage;
  }
  if (values.help === true) {
    io.stdout(PROMPTS_USAGE);
    return EXIT.ok;
  }

  const { prompts, errors } = loadPromptsFromDir(values.dir ?? BUILTIN_PROMPTS_DIR);
  if (values.json === true) {
    io.stdout(`${JSON.stringify(toPromptsJson(prompts, errors))}\n`);
  } else {
    io.stdout(humanPromptList(prompts));
    for (const e of errors) io.stderr(`error: ${e.message}\n`);
  }
  return errors.length > 0 ? EXIT.failure : EXIT.ok;
}
