import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePromptFile } from '../../prompts/parse';
import { MINIMAL_PROMPT_YAML } from './fixtures';

const FILE = 'prompts/tiny.yaml';
const lines = MINIMAL_PROMPT_YAML.split('\n');

type LineEdit =
  | { readonly kind: 'drop' | 'duplicate'; readonly at: number }
  | { readonly kind: 'truncate'; readonly at: number; readonly keep: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

/** Edits that real people make by accident: drop, duplicate or truncate a line, insert junk. */
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(lines.length - 1), keep: fc.nat(40) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(lines.length - 1), text: fc.string({ maxLength: 30 }) }),
);

function applyEdits(edits: readonly LineEdit[]): string {
  const out = [...lines];
  for (const edit of edits) {
    const at = Math.min(edit.at, out.length - 1);
    if (at < 0) break;
    switch (edit.kind) {
      case 'drop':
        out.splice(at, 1);
        break;
      case 'duplicate':
        out.splice(at, 0, out[at] ?? '');
        break;
      case 'truncate':
        out[at] = (out[at] ?? '').slice(0, edit.keep);
        break;
      case 'insert':
        out.splice(at, 0, edit.text);
        break;
    }
  }
  return out.join('\n');
}

describe('parsePromptFile on damaged input', () => {
  it('never throws and always answers with a prompt or located, file-prefixed errors', () => {
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const result = parsePromptFile(FILE, applyEdits(edits));
        if (result.ok) return result.prompt.id === 'tiny';
        return (
          result.errors.length > 0 &&
          result.errors.every((e) => e.message.startsWith(`${FILE}: `) && (e.line === undefined || e.line >= 1))
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parsePromptFile(FILE, text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
