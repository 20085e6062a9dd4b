import type { ParseError } from '../../../rubrics/parse/types';
import type { Finding } from '../../../rubrics/rules/types';
import type { Severity } from '../../../rubrics/vocabulary';
import { locateNode } from './nodeLocation';

/** The editor's lint marks, independent of CodeMirror (editor/ turns them into its Diagnostics). */
export interface EditorDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
}

const LINT_SEVERITY: Readonly<Record<Severity, EditorDiagnostic['severity']>> = {
  critical: 'error',
  major: 'warning',
  minor: 'info',
  info: 'hint',
};

function lineStart(lines: readonly string[], line: number): number {
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
}

/** A parse error at its line and column (the rest of the line marked), with the fix when known. */
export function parseErrorDiagnostic(text: string, error: ParseError): EditorDiagnostic {
  const lines = text.split('\n');
  const line = Math.min(Math.max(error.line, 1), lines.length);
  const start = lineStart(lines, line);
  const length = (lines[line - 1] ?? '').length;
  const from = start + Math.min(Math.max(error.column - 1, 0), length);
  const to = Math.max(from, start + length);
  const message = error.hint === undefined ? error.message : `${error.message}\nFix: ${error.hint}`;
  return { from, to, severity: 'error', message };
}

/** One mark per finding and node, on the line that defines the node; nodes not in the text are skipped. */
export function findingDiagnostics(text: string, findings: readonly Finding[]): readonly EditorDiagnostic[] {
  return findings.flatMap((finding) =>
    finding.nodes.flatMap((node) => {
      const at = locateNode(text, node);
      return at === undefined ? [] : [{ from: at.from, to: at.to, severity: LINT_SEVERITY[finding.severity], message: finding.message }];
    }),
  );
}

/** What the live check knows about the editor's text (see useLivePractice). */
export interface CheckedText {
  /** A check of the current text is still running (the user is typing). */
  readonly busy: boolean;
  readonly errors: readonly ParseError[];
  readonly findings: readonly Finding[] | undefined;
  /** The findings are from an earlier text (the current one does not parse). */
  readonly stale: boolean;
}

/**
 * The editor's marks after a change: `undefined` leaves them as they are. Once a check of the
 * current text is back: its parse errors and its findings on their nodes' lines. While typing,
 * CodeMirror moves the marks with each edit, so nothing is recomputed; only parse errors are taken
 * away (never shown mid-word).
 */
export function editorMarks(text: string, checked: CheckedText, showingParseErrors: boolean): readonly EditorDiagnostic[] | undefined {
  if (checked.busy) return showingParseErrors ? [] : undefined;
  const parse = checked.errors.map((error) => parseErrorDiagnostic(text, error));
  const findings = checked.findings === undefined || checked.stale ? [] : findingDiagnostics(text, checked.findings);
  return [...parse, ...findings];
}
