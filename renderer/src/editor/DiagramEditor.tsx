import { memo, useEffect, useLayoutEffect, useRef, type JSX } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, lineNumbers, placeholder } from '@codemirror/view';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter } from '@codemirror/lint';
import { mermaid } from 'codemirror-lang-mermaid';
import { createEditorHandle, type EditorHandle } from './editorHandle';
import { diagramHighlightStyle } from './highlightStyle';

export interface DiagramEditorProps {
  /** The text the editor starts with; later changes of this prop are ignored (the editor owns it). */
  readonly initialText: string;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
  readonly label: string;
  readonly fontSize: number;
  /** Called with a handle once the editor exists, and with null when it goes away. */
  readonly onReady?: (handle: EditorHandle | null) => void;
}

/** Read by screen readers with the label: how to leave the editor, since Tab indents inside it. */
export const EDITOR_DESCRIPTION = 'Tab indents. To leave the editor, press Escape, then Tab (or Shift+Tab).';

const PLACEHOLDER = 'flowchart LR\n  Client --> API[API service]\n  API --> DB[(Database)]';

/**
 * Colours come from the page's CSS variables, which inherit into the shadow root, so the editor
 * follows the light/dark theme.
 */
const theme = EditorView.theme({
  '&': { minHeight: '360px', maxHeight: '70vh', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '&.cm-focused': { outline: '2px solid var(--accent-soft)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)', minHeight: '360px' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '.cm-placeholder': { color: 'var(--muted)' },
});

/**
 * A CodeMirror 6 editor with Mermaid highlighting; it reports every change and each blur.
 * It lives in a shadow root: there CodeMirror installs its styles as a constructed stylesheet
 * instead of a <style> element, so the page's CSP can keep `style-src 'self'` (no 'unsafe-inline').
 */
export const DiagramEditor = memo(function DiagramEditor(props: DiagramEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef(props);
  // After each commit, before the editor can report anything: its listeners see the latest props.
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: callbacks.current.initialText,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          lintGutter(),
          syntaxHighlighting(diagramHighlightStyle),
          mermaid(),
          theme,
          EditorView.lineWrapping,
          placeholder(PLACEHOLDER),
          EditorView.contentAttributes.of({ 'aria-label': callbacks.current.label, 'aria-multiline': 'true', 'aria-description': EDITOR_DESCRIPTION }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
          EditorView.domEventHandlers({
            blur: () => {
              callbacks.current.onBlur();
            },
          }),
        ],
      }),
    });
    callbacks.current.onReady?.(createEditorHandle(view));
    return () => {
      callbacks.current.onReady?.(null);
      view.destroy();
    };
  }, []);

  return <div className="diagram-editor" ref={host} style={{ fontSize: `${props.fontSize}px` }} data-testid="diagram-editor" />;
});
