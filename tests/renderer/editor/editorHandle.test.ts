// @vitest-environment jsdom
import { history, undo } from '@codemirror/commands';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEditorHandle } from '../../../renderer/src/editor/editorHandle';
import { installJsdomLayoutStubs } from '../jsdomLayout';

beforeAll(installJsdomLayoutStubs);

let view: EditorView | undefined;
afterEach(() => {
  view?.destroy();
  view = undefined;
});

/** An editor holding `doc` with the cursor at `cursor`, recording every change it reports. */
function editorWith(doc: string, cursor: number) {
  const updates: ViewUpdate[] = [];
  view = new EditorView({
    parent: document.body,
    state: EditorState.create({
      doc,
      selection: EditorSelection.cursor(cursor),
      extensions: [history(), EditorView.updateListener.of((update) => void (update.docChanged && updates.push(update)))],
    }),
  });
  const changes = (): Array<{ from: number; to: number; insert: string }> =>
    updates.flatMap((update) => {
      const ranges: Array<{ from: number; to: number; insert: string }> = [];
      update.changes.iterChanges((from, to, _fromB, _toB, inserted) => ranges.push({ from, to, insert: inserted.toString() }));
      return ranges;
    });
  return { view, handle: createEditorHandle(view), changes, updates };
}

const DIAGRAM = 'flowchart LR\n  M[Mobile API] --> DB[(Orders)]';
const OVERRIDE = '%% sysdrill: M is service';

describe('EditorHandle.replaceText', () => {
  it('replaces only the range that differs, and reports it as one change', () => {
    const { handle, changes, updates } = editorWith(DIAGRAM, 5);
    handle.replaceText(`${DIAGRAM}\n${OVERRIDE}`);
    expect(handle.text()).toBe(`${DIAGRAM}\n${OVERRIDE}`);
    expect(changes()).toEqual([{ from: DIAGRAM.length, to: DIAGRAM.length, insert: `\n${OVERRIDE}` }]);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.transactions[0]?.isUserEvent('input')).toBe(true);
  });

  it('keeps the cursor on the text it was in: before the change it stays, after it it moves with its text', () => {
    const before = editorWith(`${OVERRIDE}\n${DIAGRAM}`, 40);
    before.handle.replaceText(`%% sysdrill: M is client\n${DIAGRAM}`);
    // "service" → "client" is one character shorter, before the cursor.
    expect(before.view.state.selection.main.head).toBe(39);
    expect(before.changes()).toEqual([{ from: 18, to: 25, insert: 'client' }]);
    before.view.destroy();

    const after = editorWith(DIAGRAM, 3);
    after.handle.replaceText(`${DIAGRAM}\n${OVERRIDE}`);
    expect(after.view.state.selection.main.head).toBe(3);
  });

  it('is one undo step of its own, apart from the typing just before it and from the next one right after', () => {
    const { view: editor, handle } = editorWith(DIAGRAM, DIAGRAM.length);
    editor.dispatch({ changes: { from: DIAGRAM.length, insert: ' ' }, userEvent: 'input.type' });
    const typed = handle.text();
    handle.replaceText(`${typed}\n${OVERRIDE}`);
    handle.replaceText(`${typed}\n%% sysdrill: M is client`);
    expect(undo(editor)).toBe(true);
    expect(handle.text()).toBe(`${typed}\n${OVERRIDE}`);
    expect(undo(editor)).toBe(true);
    expect(handle.text()).toBe(typed);
    expect(undo(editor)).toBe(true);
    expect(handle.text()).toBe(DIAGRAM);
  });

  it('keeps typing right after it (at its end) out of its undo step', () => {
    const { view: editor, handle } = editorWith(DIAGRAM, DIAGRAM.length);
    const overridden = `${DIAGRAM}\n${OVERRIDE}`;
    handle.replaceText(overridden);
    editor.dispatch({ changes: { from: overridden.length, insert: 'x' }, selection: EditorSelection.cursor(overridden.length + 1), userEvent: 'input.type' });
    expect(undo(editor)).toBe(true);
    expect(handle.text()).toBe(overridden);
  });

  it('does nothing when the text is already the one asked for', () => {
    const { handle, updates } = editorWith(DIAGRAM, 0);
    handle.replaceText(DIAGRAM);
    expect(updates).toHaveLength(0);
  });
});
