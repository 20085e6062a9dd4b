import { useEffect, useRef, type JSX } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, lineNumbers, placeholder } from '@codemirror/view';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { mermaid } from 'codemirror-lang-mermaid';
import { diagramHighlightStyle } from './highlightStyle';

export interface DiagramEditorProps {
  /** The text the editor starts with; later changes of this prop are ignored (the editor owns it). */
  readonly initialText: string;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
  readonly label: string;
  readonly fontSize: number;
}

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
export function DiagramEditor(props: DiagramEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

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
          syntaxHighlighting(diagramHighlightStyle),
          mermaid(),
          theme,
          EditorView.lineWrapping,
          placeholder(PLACEHOLDER),
          EditorView.contentAttributes.of({ 'aria-label': callbacks.current.label, 'aria-multiline': 'true' }),
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
    return () => view.destroy();
  }, []);

  return <div className="diagram-editor" ref={host} style={{ fontSize: `${props.fontSize}px` }} data-testid="diagram-editor" />;
}
