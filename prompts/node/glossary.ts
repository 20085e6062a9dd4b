import { fileURLToPath } from 'node:url';
import { promptFileError } from '../errors';
import { parseGlossaryFile, type GlossaryParseResult } from '../glossary';
import { readTextFile } from './safeFile';

/** Absolute path of the built-in glossary when running from source (CLI, tests). */
export const BUILTIN_GLOSSARY_FILE: string = fileURLToPath(new URL('../glossary.yaml', import.meta.url));

/** The built-in glossary is about 25 KB. */
export const MAX_GLOSSARY_FILE_BYTES = 1024 * 1024;

/** Reads and validates a glossary file; a missing or unreadable file is a located error, not a throw. */
export function loadGlossary(file: string = BUILTIN_GLOSSARY_FILE): GlossaryParseResult {
  const read = readTextFile(file, { maxBytes: MAX_GLOSSARY_FILE_BYTES });
  if (!read.ok) return { ok: false, errors: [promptFileError(file, 'read', '', `cannot read glossary: ${read.error.reason}`)] };
  const text = read.text;
  return parseGlossaryFile(file, text);
}
