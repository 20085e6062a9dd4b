import { promptFileError, type PromptFileError } from './errors';
import { PromptSchema, type Prompt } from './schema';
import { isRecord, readYaml, validate } from './yamlFile';

export type PromptParseResult =
  | { readonly ok: true; readonly prompt: Prompt }
  | { readonly ok: false; readonly errors: readonly PromptFileError[] };

/**
 * Parses and validates one prompt file. `file` is only used in messages and to check that the
 * prompt's id equals the file name (`banking.yaml` must declare `id: banking`).
 */
export function parsePromptFile(file: string, text: string): PromptParseResult {
  const read = readYaml(file, text);
  if (!read.ok) return read;
  const source = read.value;

  const validated = validate(source, PromptSchema);
  const errors: PromptFileError[] = validated.ok ? [] : [...validated.errors];

  const declaredId = isRecord(source.data) ? source.data['id'] : undefined;
  const stem = fileStem(file);
  if (typeof declaredId === 'string' && declaredId !== stem) {
    errors.push(promptFileError(file, 'id-mismatch', 'id', `id "${declaredId}" must equal the file name "${stem}"`, source.locate(['id'])));
  }

  if (!validated.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, prompt: validated.value };
}

/** `prompts/data/banking.yaml` → `banking`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}
