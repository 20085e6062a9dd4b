import { diffLines } from 'diff';

export type LineKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  readonly kind: LineKind;
  readonly text: string;
  /** 1-based line number in the first text (absent for an added line). */
  readonly before?: number;
  /** 1-based line number in the second text (absent for a removed line). */
  readonly after?: number;
}

/** Splits a change's value into its lines (the last newline ends a line, it does not start one). */
function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The two Mermaid sources line by line: unchanged, removed from the first, added in the second,
 * each numbered in the text it belongs to. Line endings are normalised first, so a file saved
 * with CRLF does not differ on every line.
 */
export function lineDiff(before: string, after: string): readonly DiffLine[] {
  const normalise = (text: string): string => {
    const lf = text.replace(/\r\n?/g, '\n');
    return lf.endsWith('\n') || lf === '' ? lf : `${lf}\n`;
  };
  const rows: DiffLine[] = [];
  let b = 1;
  let a = 1;
  for (const change of diffLines(normalise(before), normalise(after))) {
    for (const text of linesOf(change.value)) {
      if (change.added) rows.push({ kind: 'added', text, after: a++ });
      else if (change.removed) rows.push({ kind: 'removed', text, before: b++ });
      else rows.push({ kind: 'same', text, before: b++, after: a++ });
    }
  }
  return rows;
}
