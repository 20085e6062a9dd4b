import { memo, type JSX } from 'react';
import { CHEAT_SHEET } from '../../../rubrics/cheatsheet';
import { EDITOR_DESCRIPTION } from '../editor/DiagramEditor';
import { InlineCode } from './InlineCode';

/** What the grader reads from a flowchart, collapsed until asked for. */
export const CheatSheet = memo(function CheatSheet(): JSX.Element {
  return (
    <details className="cheatsheet">
      <summary>Notation cheat sheet: what the grader reads</summary>
      <section className="cheatsheet-section" aria-labelledby="cheatsheet-keyboard">
        <h4 id="cheatsheet-keyboard">Keyboard</h4>
        <ul>
          <li>{EDITOR_DESCRIPTION}</li>
          <li>Ctrl+Enter (⌘+Enter on macOS) submits the design for grading; Ctrl+K (⌘+K) opens quick open.</li>
        </ul>
      </section>
      {CHEAT_SHEET.map((section) => (
        <section key={section.id} className="cheatsheet-section" aria-labelledby={`cheatsheet-${section.id}`}>
          <h4 id={`cheatsheet-${section.id}`}>{section.title}</h4>
          <pre className="cheatsheet-example">
            <code>{section.mermaid}</code>
          </pre>
          <ul>
            {section.reads.map((line, index) => (
              <li key={index}>
                <InlineCode text={line} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
});
