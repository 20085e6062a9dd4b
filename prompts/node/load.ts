import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptFileError, type PromptFileError } from '../errors';
import { parsePromptFile } from '../parse';
import type { Prompt } from '../schema';
import { describeSystemError, readTextFile } from './safeFile';

/**
 * The only prompt module that touches the file system: it reads files and hands their text to
 * the pure parser. Callers pass directories, so the Electron main bundle (whose own location
 * differs from this source file's) can point at wherever it ships the prompt data.
 */

/** Absolute path of the built-in prompt files when running from source (CLI, tests). */
export const BUILTIN_PROMPTS_DIR: string = fileURLToPath(new URL('../data/', import.meta.url));

export interface PromptLoadResult {
  readonly prompts: readonly Prompt[];
  readonly errors: readonly PromptFileError[];
}

export interface PromptLibrary extends PromptLoadResult {
  /** Ids of prompts that came from the user's folder rather than the built-in set. */
  readonly userPromptIds: readonly string[];
}

const isPromptFileName = (name: string): boolean => /\.ya?ml$/i.test(name);

/** The largest prompt file read; real prompts are around 15 KB, so anything bigger is a mistake. */
export const MAX_PROMPT_FILE_BYTES = 256 * 1024;

/**
 * Loads every `*.yaml`/`*.yml` file in `dir`, sorted by name. A bad file is reported and skipped;
 * the rest still load. Two files declaring the same id: the first (by name) wins, the other is
 * reported. A missing directory is reported as one `read` error.
 */
export function loadPromptsFromDir(dir: string): PromptLoadResult {
  const { entries, errors } = loadEntries(dir);
  return { prompts: entries.map((e) => e.prompt), errors };
}

interface LoadedEntry {
  readonly prompt: Prompt;
  readonly file: string;
}

function loadEntries(dir: string): { entries: readonly LoadedEntry[]; errors: readonly PromptFileError[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isPromptFileName).sort();
  } catch (e) {
    return { entries: [], errors: [promptFileError(dir, 'read', '', `the prompt folder ${describeSystemError(e).reason}`)] };
  }

  const entries: LoadedEntry[] = [];
  const errors: PromptFileError[] = [];
  const fileById = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    // Regular files only, bounded: a FIFO, a device or a link out of the folder is reported, never opened.
    const read = readTextFile(file, { maxBytes: MAX_PROMPT_FILE_BYTES, folder: dir });
    if (!read.ok) {
      errors.push(promptFileError(file, 'read', '', read.error.reason));
      continue;
    }
    const text = read.text;
    const parsed = parsePromptFile(file, text);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const earlier = fileById.get(parsed.prompt.id);
    if (earlier !== undefined) {
      errors.push(promptFileError(file, 'duplicate-id', 'id', `id "${parsed.prompt.id}" is already used by ${earlier}`));
      continue;
    }
    fileById.set(parsed.prompt.id, file);
    entries.push({ prompt: parsed.prompt, file });
  }
  return { entries, errors };
}

/**
 * Built-in prompts plus the user's own (`<userData>/prompts`). The user folder is optional and
 * may not exist yet. A user prompt may not replace a built-in one: it is reported and skipped.
 */
export function loadPromptLibrary(options: { readonly builtinDir: string; readonly userDir?: string }): PromptLibrary {
  const builtin = loadPromptsFromDir(options.builtinDir);
  if (options.userDir === undefined || !existsSync(options.userDir)) {
    return { ...builtin, userPromptIds: [] };
  }
  const user = loadEntries(options.userDir);
  const builtinIds = new Set(builtin.prompts.map((p) => p.id));
  const collisions: PromptFileError[] = [];
  const accepted: Prompt[] = [];
  for (const { prompt, file } of user.entries) {
    if (builtinIds.has(prompt.id)) {
      collisions.push(
        promptFileError(file, 'duplicate-id', 'id', `id "${prompt.id}" is a built-in prompt; rename the file and its id to add your own`),
      );
    } else {
      accepted.push(prompt);
    }
  }
  return {
    prompts: [...builtin.prompts, ...accepted],
    errors: [...builtin.errors, ...user.errors, ...collisions],
    userPromptIds: accepted.map((p) => p.id),
  };
}

/** Names, sizes and modification times of the prompt files: changes whenever one is added, edited or removed. */
export function promptFilesSignature(dirs: readonly string[]): string {
  return dirs
    .map((dir) => {
      let names: string[];
      try {
        names = readdirSync(dir).filter(isPromptFileName).sort();
      } catch {
        return `${dir}:unreadable`;
      }
      const files = names.map((name) => {
        try {
          const stat = statSync(join(dir, name));
          return `${name}:${stat.size}:${stat.mtimeMs}`;
        } catch {
          return `${name}:gone`;
        }
      });
      return `${dir}:${files.join('|')}`;
    })
    .join('\n');
}

/**
 * `loadPromptLibrary` that parses the files again only when `promptFilesSignature` changes:
 * reading the library costs tens of milliseconds, a directory listing and a few stats do not,
 * and a user's edited prompt file is still picked up on the next call.
 */
export function createPromptLibraryLoader(): (options: { readonly builtinDir: string; readonly userDir?: string }) => PromptLibrary {
  let last: { readonly key: string; readonly library: PromptLibrary } | undefined;
  return (options) => {
    const key = promptFilesSignature(options.userDir === undefined ? [options.builtinDir] : [options.builtinDir, options.userDir]);
    if (last?.key !== key) last = { key, library: loadPromptLibrary(options) };
    return last.library;
  };
}
