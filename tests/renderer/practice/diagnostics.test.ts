import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../rubrics/rules/types';
import { editorMarks, findingDiagnostics, parseErrorDiagnostic, type CheckedText } from '../../../renderer/src/practice/diagnostics';

const text = 'flowchart LR\n  User --> App[Service]\n  App --> DB[(Links)]';

describe('parseErrorDiagnostic', () => {
  it('marks from the error’s column to the end of its line and adds the fix', () => {
    // Line 2 starts at 13; column 12 is offset 13 + 11 = 24; its 23 characters end at 36.
    expect(parseErrorDiagnostic(text, { line: 2, column: 12, message: 'Unexpected token', hint: 'Quote the label' })).toEqual({
      from: 24,
      to: 36,
      severity: 'error',
      message: 'Unexpected token\nFix: Quote the label',
    });
  });

  it('keeps a position past the end of the text on the last line', () => {
    expect(parseErrorDiagnostic('flowchart LR\n  A -->', { line: 9, column: 40, message: 'Unexpected end' })).toEqual({
      from: 20,
      to: 20,
      severity: 'error',
      message: 'Unexpected end',
    });
  });
});

describe('findingDiagnostics', () => {
  const spof: Finding = { rule: 'single-point-of-failure', severity: 'critical', nodes: ['App', 'Gone'], message: '`App` is a single point of failure.', why: '', fix: '', concept: 'single-point-of-failure' };
  it('marks each named node’s defining line with the finding’s severity, skipping nodes not in the text', () => {
    expect(findingDiagnostics(text, [spof, { ...spof, severity: 'minor', nodes: ['DB'], message: 'Minor' }])).toEqual([
      { from: 15, to: 36, severity: 'error', message: '`App` is a single point of failure.' },
      { from: 39, to: 58, severity: 'info', message: 'Minor' },
    ]);
  });
});

describe('editorMarks', () => {
  const spof: Finding = { rule: 'single-point-of-failure', severity: 'critical', nodes: ['App'], message: '`App` is a single point of failure.', why: '', fix: '', concept: 'single-point-of-failure' };
  const error = { line: 3, column: 3, message: 'Unexpected token' };
  const appLine = { from: 15, to: 36, severity: 'error', message: spof.message };
  // Line 3 starts at 37 and has 21 characters.
  const errorMark = { from: 39, to: 58, severity: 'error', message: 'Unexpected token' };
  const checked = (patch: Partial<CheckedText>): CheckedText => ({ busy: false, errors: [], findings: [spof], stale: false, ...patch });

  it.each([
    { when: 'typing, no parse error shown: the marks stay where CodeMirror moved them', state: checked({ busy: true }), showing: false, marks: undefined },
    { when: 'typing with a parse error shown: it goes (never shown mid-word)', state: checked({ busy: true, errors: [error], stale: true }), showing: true, marks: [] },
    { when: 'the check is back: the findings on their nodes’ lines', state: checked({}), showing: false, marks: [appLine] },
    { when: 'the check is back with a parse error: only the error (the findings are stale)', state: checked({ errors: [error], stale: true }), showing: false, marks: [errorMark] },
    { when: 'nothing graded yet', state: checked({ findings: undefined }), showing: true, marks: [] },
  ])('$when', ({ state, showing, marks }) => {
    expect(editorMarks(text, state, showing)).toEqual(marks);
  });
});
