import { useMemo, type JSX } from 'react';
import { lineDiff, type LineKind } from './lineDiff';

const MARK: Readonly<Record<LineKind, string>> = { same: ' ', added: '+', removed: '−' };
const SPOKEN: Readonly<Record<LineKind, string>> = { same: 'unchanged', added: 'added', removed: 'removed' };

/** The two Mermaid sources line by line, removed and added lines marked by class and sign (not by colour alone). */
export function LineDiffView(props: { readonly before: string; readonly after: string }): JSX.Element {
  const rows = useMemo(() => lineDiff(props.before, props.after), [props.before, props.after]);
  return (
    <section className="compare-source" aria-labelledby="compare-source-title">
      <h3 id="compare-source-title">Mermaid source</h3>
      <ol className="line-diff" aria-label="Line differences of the Mermaid sources">
        {rows.map((row, index) => (
          <li key={index} className={`line-diff-row line-diff-${row.kind}`} aria-label={`${SPOKEN[row.kind]}: ${row.text}`}>
            <span className="line-diff-number">{row.before ?? ''}</span>
            <span className="line-diff-number">{row.after ?? ''}</span>
            <span className="line-diff-mark" aria-hidden="true">
              {MARK[row.kind]}
            </span>
            <code className="line-diff-text">{row.text}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
