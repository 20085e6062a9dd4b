import { memo, useState, type JSX } from 'react';

/** The prompt's hints, revealed one at a time on request; with `shown`, the caller keeps the count (with the draft). */
export const HintReveal = memo(function HintReveal(props: {
  readonly hints: readonly string[];
  readonly shown?: number;
  readonly onShownChange?: (shown: number) => void;
}): JSX.Element {
  const [ownShown, setOwnShown] = useState(0);
  const total = props.hints.length;
  const shown = Math.min(props.shown ?? ownShown, total);
  const setShown = (next: (n: number) => number): void => {
    const value = next(shown);
    if (props.onShownChange === undefined) setOwnShown(value);
    else props.onShownChange(value);
  };
  return (
    <section className="hints" aria-labelledby="hints-title">
      <div className="hints-header">
        <h3 id="hints-title">Hints</h3>
        <span className="muted small" data-testid="hint-counter">
          {shown} of {total}
        </span>
      </div>
      {shown > 0 && (
        <ol className="hint-list">
          {props.hints.slice(0, shown).map((hint, index) => (
            <li key={index}>{hint}</li>
          ))}
        </ol>
      )}
      {shown < total ? (
        <button type="button" onClick={() => setShown((n) => Math.min(n + 1, total))}>
          Show a hint
        </button>
      ) : (
        <p className="muted small">That was the last hint.</p>
      )}
    </section>
  );
});
