import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promptFileError } from '../errors';
import { parseGlossaryFile, type GlossaryParseResult } from '../glossary';

/** Absolute path of the built-in glossary when running from source (CLI, tests). */
export const BUILTIN_GLOSSARY_FILE: string = fileURLToPath(new URL('../glossary.yaml', import.meta.url));

/** Reads and validates a glossary file; a missing or unreadable file is a located error, not a throw. */
export function loadGlossary(file: string = BUILTIN_GLOSSARY_FILE): GlossaryParseResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [promptFileError(file, 'read', '', `cannot read glossary: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  return parseGlossaryFile(file, text);
}
