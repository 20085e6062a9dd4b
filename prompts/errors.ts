/**
 * A problem with one prompt file. `message` is the complete human-readable line, e.g.
 * `prompts/banking.yaml: entities[2].accept: expected array, received string (line 41, column 13)`;
 * the other fields carry the same facts for a UI that wants to link to the spot.
 */
export interface PromptFileError {
  readonly file: string;
  readonly kind: PromptFileErrorKind;
  /** Dotted/indexed field path (`entities[2].accept`); empty when the whole file is at fault. */
  readonly path: string;
  /** What is wrong, without the file, path or position. */
  readonly detail: string;
  /** 1-based position of the offending YAML node, when it can be located. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export type PromptFileErrorKind =
  | 'yaml' // not valid YAML
  | 'schema' // valid YAML that does not match PromptSchema
  | 'id-mismatch' // the id is not the file name
  | 'duplicate-id' // two files declare the same id
  | 'read'; // the file could not be read

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export function promptFileError(
  file: string,
  kind: PromptFileErrorKind,
  path: string,
  detail: string,
  position?: SourcePosition,
): PromptFileError {
  const where = path === '' ? '' : `${path}: `;
  const at = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  return {
    file,
    kind,
    path,
    detail,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    message: `${file}: ${where}${detail}${at}`,
  };
}

/** `['entities', 2, 'accept']` → `entities[2].accept`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}
