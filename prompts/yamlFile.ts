import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { formatFieldPath, promptFileError, type PromptFileError, type SourcePosition } from './errors';

/**
 * Shared by every YAML file the app reads (prompts, glossary): parse the text, keep the YAML
 * document for locating fields, validate against a zod schema and turn each issue into a
 * located `PromptFileError`.
 */

/** The YAML aliases a file may expand; guards against alias bombs in user files. */
const MAX_ALIAS_COUNT = 100;

type FieldPath = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor (for missing fields). */
  locate(path: FieldPath): SourcePosition | undefined;
  /** Position of the key `key` inside the mapping at `path`. */
  locateKey(path: FieldPath, key: string): SourcePosition | undefined;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly PromptFileError[] };

export function readYaml(file: string, text: string): Result<YamlSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => promptFileError(file, 'yaml', '', `invalid YAML: ${e.message}`, positionAt(e.pos[0]))),
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [promptFileError(file, 'yaml', '', `invalid YAML: ${reason}`)] };
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [promptFileError(file, 'schema', '', 'the file is empty (expected a mapping)')] };
  }
  return { ok: true, value: { file, data, locate: (path) => locate(doc, path, positionAt), locateKey: (path, key) => locateKey(doc, path, key, positionAt) } };
}

/** Validates the parsed data; every issue becomes one located error. */
export function validate<S extends z.ZodType>(source: YamlSource, schema: S): Result<z.output<S>> {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => issueToError(source, issue)) };
}

function issueToError(source: YamlSource, issue: z.core.$ZodIssue): PromptFileError {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const field = formatFieldPath(path);
  if (issue.code === 'unrecognized_keys') {
    const [firstKey] = issue.keys;
    const keyPosition = firstKey === undefined ? undefined : source.locateKey(path, firstKey);
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    const detail = `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}`;
    return promptFileError(source.file, 'schema', field, detail, keyPosition ?? source.locate(path));
  }
  const missing = issue.code === 'invalid_type' && valueAt(source.data, path) === undefined;
  const detail = missing ? `missing (expected ${issue.expected})` : issue.message.replace(/^Invalid input: /, '');
  return promptFileError(source.file, 'schema', field, detail, source.locate(path));
}

function locate(doc: Document, path: FieldPath, positionAt: (offset: number) => SourcePosition): SourcePosition | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return positionAt(node.range[0]);
  }
  return undefined;
}

function locateKey(
  doc: Document,
  path: FieldPath,
  key: string,
  positionAt: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return isScalar(pair?.key) && pair.key.range ? positionAt(pair.key.range[0]) : undefined;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
