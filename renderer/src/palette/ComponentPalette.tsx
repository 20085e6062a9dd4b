import { memo, type JSX } from 'react';
import { PALETTE, type PaletteEntry } from './snippets';

/** Buttons that insert a component's snippet at the editor's cursor (the caller inserts it). */
export const ComponentPalette = memo(function ComponentPalette(props: { readonly onInsert: (entry: PaletteEntry) => void }): JSX.Element {
  return (
    <details className="palette">
      <summary>Components</summary>
      <div className="palette-buttons" role="toolbar" aria-label="Insert a component">
        {PALETTE.map((entry) => (
          <button key={entry.key} type="button" className="palette-button small" onClick={() => props.onInsert(entry)}>
            {entry.title}
          </button>
        ))}
      </div>
    </details>
  );
});
