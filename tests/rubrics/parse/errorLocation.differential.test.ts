/**
 * Differential test of error locations: for generated Mermaid-invalid flowcharts, the grader's
 * first error must sit on the line (and, where the reference can tell, the column) that the
 * evaluation's independent reference — raw Mermaid 11 on the exact text, lines mapped back
 * (scripts/eval/mermaidRead.ts `checkWithMermaid`) — says Mermaid stopped at.
 *
 * Where the reference itself cannot map Mermaid's line, it is asked about an equivalent text it
 * can map (see `referenceStop`); the named cases below pin each class of cause found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid, parseMermaid } from '../../../rubrics/parse/node/index';
import { checkWithMermaid, loadRawMermaid } from '../../../scripts/eval/mermaidRead';
import { generateCases, referenceStop } from './errorLocationCases';

const SEED = 20_240_611;
const COUNT = 500;
beforeAll(async () => {
  await loadMermaid();
  await loadRawMermaid();
});

describe('error locations agree with the evaluation reference on generated invalid flowcharts', () => {
  it(`${COUNT} generated flowcharts (seed ${SEED}): same validity, same first error line, same column where the reference names the token`, async () => {
    const cases = generateCases(COUNT, SEED);
    const disagreements: string[] = [];
    const unmappable: string[] = [];
    let invalid = 0;
    let columnsCompared = 0;
    for (const c of cases) {
      const expected = await referenceStop(c);
      const got = await parseMermaid(c.text);
      if (expected === 'unmappable') {
        unmappable.push(`${c.recipe}\n    ${JSON.stringify(c.text)}`);
        continue;
      }
      if (expected.valid) {
        if (!got.ok) disagreements.push(`${c.recipe}\n    reference: valid; grader: ${got.errors[0]?.line}:${got.errors[0]?.column} ${got.errors[0]?.message}\n    ${JSON.stringify(c.text)}`);
        continue;
      }
      invalid++;
      const first = got.ok ? undefined : got.errors[0];
      const lineAgrees = first?.line === expected.line;
      const columnAgrees = expected.column === undefined || first?.column === expected.column;
      if (expected.column !== undefined) columnsCompared++;
      if (!lineAgrees || !columnAgrees) {
        disagreements.push(
          `${c.recipe}\n    reference: ${expected.line}:${expected.column ?? '?'} ${expected.message}\n    grader: ${first === undefined ? 'valid' : `${first.line}:${first.column} ${first.message}`}\n    ${JSON.stringify(c.text)}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect(unmappable).toEqual([]);
    // The generator must keep producing mostly invalid diagrams, and columns that can be compared.
    expect(invalid).toBeGreaterThan(COUNT * 0.9);
    expect(columnsCompared).toBeGreaterThan(COUNT * 0.5);
  }, 120_000);
});

interface NamedCase {
  readonly name: string;
  readonly text: string;
  /** The grader's first error (line, column), or valid. */
  readonly expected: { readonly line: number; readonly column: number } | 'valid';
  /** Whether the evaluation reference names the same line; if not, why the reference is wrong there. */
  readonly reference: 'same line' | string;
  /** Words the message or hint must contain. */
  readonly says?: RegExp;
}

/** One case per class of cause found by the differential test (and the reference's own limits). */
const CAUSES: readonly NamedCase[] = [
  // Mermaid's flowchart parser drops the blank lines after a line ending in `}` (`}\s*\n` → `}\n`):
  // its line numbers then fall short of the input's.
  { name: 'a lexical error after a diamond and blank lines', text: 'flowchart LR\n  A{x}\n\n\n  B --> C]\n', expected: { line: 5, column: 10 }, reference: 'same line', says: /stray `]`/ },
  { name: 'a parse error after a diamond with trailing blanks and a blank line', text: 'flowchart LR\n  A --> B\n  C{x}  \n\n  D[a (b)]\n', expected: { line: 5, column: 7 }, reference: 'same line', says: /D\["a \(b\)"\]/ },
  { name: 'a parse error after a hexagon and a comment line', text: 'flowchart LR\n  E{{Hex}}\n  %% note\n  A --> B &\n  C --> D\n', expected: { line: 4, column: 12 }, reference: 'same line' },
  // Mermaid's parse preprocesses twice: front matter after blank lines, a comment or a directive is stripped too.
  { name: 'front matter after a comment', text: '%% c\n---\ntitle: t\n---\nflowchart LR\n  A[x (y)] --> B\n', expected: { line: 6, column: 7 }, reference: 'its line map blanks front matter only at the very start: it counts the 3 front matter lines as diagram lines (says 3)' },
  { name: 'front matter after a directive is valid', text: '%%{init: {"theme": "dark"}}%%\n---\ntitle: t\n---\nflowchart LR\n  A --> B\n', expected: 'valid', reference: 'same line' },
  { name: 'front matter after blank lines', text: '\n\n---\ntitle: t\n---\nflowchart LR\n  A[x (y)] --> B\n', expected: { line: 7, column: 7 }, reference: 'its line map blanks front matter only at the very start (says 4)' },
  // Front matter that is not YAML: Mermaid refuses the diagram before reading it.
  { name: 'front matter indented with a tab', text: '---\nconfig:\n\ttheme: dark\n---\nflowchart LR\n  A --> B\n', expected: { line: 1, column: 1 }, reference: 'same line', says: /not valid YAML/ },
  // Directives as Mermaid's own expression reads them.
  { name: 'a directive never closed takes the rest of the text', text: '%%{init: {"theme": "dark"}\nflowchart LR\n  A --> B\n', expected: { line: 2, column: 1 }, reference: 'same line', says: /never closed/ },
  { name: 'a directive never closed in the body hides the statements after it', text: 'flowchart LR\n  A --> B\n  %%{init: {"theme": "dark"}\n  C --> D[x (y)]\n', expected: 'valid', reference: 'same line' },
  { name: '%%{ }%% is neither a directive (no name) nor a comment', text: 'flowchart LR\n  A --> B\n  %%{ }%%\n', expected: { line: 3, column: 8 }, reference: 'its copy blanks every %%{…}%%, so its messages differ and it falls back to the line Mermaid counts (2)' },
  { name: 'text after a directive on the same line is read', text: 'flowchart LR\n  %%{init: {}}%% A --> B]\n', expected: { line: 2, column: 25 }, reference: 'same line' },
  // Entity codes and style lines: Mermaid's entity encoding changes the lengths its columns count.
  { name: 'entity codes before the mistake on the line', text: 'flowchart LR\n  A[say #quot;hi#quot; (x)] --> B\n', expected: { line: 2, column: 24 }, reference: 'same line' },
  { name: 'a style line loses its last `;` to the entity encoding', text: 'flowchart LR\n  style A fill:#f9f; A --> B]\n', expected: { line: 2, column: 24 }, reference: 'same line' },
  // A blank Mermaid does not allow, at the end of a line: the column is the blank, the fix drops it.
  { name: 'a tab after a subgraph title', text: 'flowchart LR\n  subgraph T [Tier]\t\n    A\n  end\n', expected: { line: 2, column: 20 }, reference: 'same line', says: /Remove the blanks at the end of the line: subgraph T \[Tier\]/ },
  // The offending token first on a line written flush left: Mermaid's last accepted token is the line break.
  { name: 'a stray table row flush left', text: 'flowchart TB;\n| a | b |\n', expected: { line: 2, column: 1 }, reference: 'it names the line where the accepted line break begins, the header (says 1); Mermaid itself says "Parse error on line 2"' },
  { name: 'a stray end flush left', text: 'flowchart LR\nA --> B\nend\n', expected: { line: 3, column: 1 }, reference: 'it names the line where the accepted line break begins (says 2); Mermaid itself says "Parse error on line 3"' },
  // A label opened at the end of a line: the accepted text begins with the line break, and is the mistake.
  { name: 'a diamond opened at the end of a line', text: 'graph TD\n  A --- B --- C{\n  classDef cls fill:#f00;\n  D{Decide?}\n', expected: { line: 2, column: 17 }, reference: 'same line', says: /opens at the end of this line/ },
  // A string whose opening quote the lexer skips: the unexpected token begins at the quote.
  { name: 'a stray quote starting a line', text: 'flowchart LR\n  A --> B\n"  direction LR\n', expected: { line: 3, column: 1 }, reference: 'it names the line where the accepted line break begins (says 2)' },
  // An `end` accepted with the line break it swallows, then a stray one: Mermaid stops after the first.
  { name: 'a second end', text: 'flowchart LR\n  subgraph S\n    A\n  end\n\tend\n', expected: { line: 4, column: 3 }, reference: 'same line', says: /unexpected "end" on line 5/ },
  // A line of only `%%` is a comment here (Mermaid would make it a node named "%%").
  { name: 'a bare %% line', text: 'flowchart LR\n  A --> B\n%%\n  B --> C\n', expected: 'valid', reference: 'same line' },
];

describe('each class of cause, by name', () => {
  it.each(CAUSES)('$name', async (c) => {
    const got = await parseMermaid(c.text);
    const reference = await checkWithMermaid(c.text);
    if (c.expected === 'valid') {
      expect(got.ok).toBe(true);
      expect(reference.valid).toBe(true);
      return;
    }
    expect(got.ok).toBe(false);
    if (got.ok) return;
    const [first] = got.errors;
    expect({ line: first?.line, column: first?.column }).toEqual(c.expected);
    expect(reference.valid).toBe(false);
    if (c.reference === 'same line' && !reference.valid) expect(reference.line).toBe(c.expected.line);
    if (c.says !== undefined) expect(`${first?.message ?? ''} ${first?.hint ?? ''}`).toMatch(c.says);
  });
});
