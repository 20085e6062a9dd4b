import { setDiagnostics } from '@codemirror/lint';
import { isolateHistory } from '@codemirror/commands';
import { EditorSelection, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { EditorDiagnostic } from '../practice/diagnostics';
import { changedRange } from './textChange';

/** What the workspace may do to the editor it does not own: select, mark, insert, rewrite. */
export interface EditorHandle {
  /** The text as it is now. */
  text(): string;
  /** Selects `from`–`to`, scrolls it to the middle and focuses the editor. */
  select(from: number, to: number): void;
  /** Replaces the lint marks (parse errors, findings on node lines). */
  setDiagnostics(diagnostics: readonly EditorDiagnostic[]): void;
  /** Inserts the lines of `text` after the cursor's line and selects `select` inside it (offsets in `text`). */
  insert(text: string, select: { readonly from: number; readonly to: number }): void;
  /**
   * Makes the text `next` by replacing only the range that differs (common prefix and suffix kept),
   * as one undo step: the cursor and lint marks outside it stay where they were, and the change is
   * reported as any typing is. Leaves the focus where it is.
   */
  replaceText(next: string): void;
}

const clamp = (view: EditorView, at: number): number => Math.min(Math.max(at, 0), view.state.doc.length);

export function createEditorHandle(view: EditorView): EditorHandle {
  return {
    text: () => view.state.doc.toString(),
    select(from, to) {
      const anchor = clamp(view, from);
      const head = clamp(view, to);
      view.dispatch({ selection: EditorSelection.single(anchor, head), effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
      view.focus();
    },
    setDiagnostics(diagnostics) {
      const length = view.state.doc.length;
      const valid = diagnostics
        .filter((d) => d.from <= length)
        .map((d) => ({ from: d.from, to: Math.min(d.to, length), severity: d.severity, message: d.message }));
      view.dispatch(setDiagnostics(view.state, valid));
    },
    insert(text, select) {
      // A snippet is whole lines: it goes on a line of its own after the cursor's line (an empty
      // line is used as it is), never into the middle of a label.
      const line = view.state.doc.lineAt(view.state.selection.main.head);
      const empty = line.text.trim() === '';
      const at = empty ? line.from : line.to;
      const before = empty ? '' : '\n';
      const start = at + before.length;
      view.dispatch({
        changes: { from: at, to: empty ? line.to : at, insert: before + text },
        selection: EditorSelection.single(start + select.from, start + select.to),
        scrollIntoView: true,
      });
      view.focus();
    },
    replaceText(next) {
      const change = changedRange(view.state.doc.toString(), next);
      if (change === undefined) return;
      view.dispatch({
        changes: change,
        // Its own undo step: typing just before or right after it is never joined to it.
        annotations: [isolateHistory.of('full'), Transaction.userEvent.of('input.replace')],
      });
    },
  };
}
