import { memo, useState, type JSX } from 'react';
import type { Design, NaiveDesign } from '../../../prompts/schema';
import type { GradingParams } from '../../../rubrics/params';
import { RULE_TITLES } from '../../../rubrics/vocabulary';
import type { DiagramTheme } from '../mermaid/index';
import { DiagramPreview } from './DiagramPreview';
import { InlineCode } from './InlineCode';
import { useReferenceDiagram } from './useReferenceDiagram';

export const LOCKED_NOTE = 'Make an attempt first: the reference appears once your own diagram has been graded.';

export interface ReferenceDesignProps {
  readonly reference: Design;
  readonly naive: NaiveDesign;
  readonly params: GradingParams;
  readonly theme: DiagramTheme;
  /** The candidate has made an attempt (their own diagram has been graded). */
  readonly unlocked: boolean;
}

const NO_NODES: readonly string[] = [];

/** The prompt's worked designs, shown only after the candidate has tried on their own. */
export const ReferenceDesign = memo(function ReferenceDesign(props: ReferenceDesignProps): JSX.Element {
  return (
    <section className="reference" aria-labelledby="reference-title">
      <h3 id="reference-title">Reference design</h3>
      {props.unlocked ? (
        <>
          <ReferenceReveal reference={props.reference} params={props.params} theme={props.theme} />
          <NaiveContrast naive={props.naive} />
        </>
      ) : (
        <p className="muted small reference-locked">{LOCKED_NOTE}</p>
      )}
    </section>
  );
});

function ReferenceReveal(props: { readonly reference: Design; readonly params: GradingParams; readonly theme: DiagramTheme }): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  const diagram = useReferenceDiagram(props.reference.mermaid, props.params, props.theme, revealed);

  return (
    <>
      <button type="button" aria-expanded={revealed} aria-controls="reference-body" onClick={() => setRevealed((shown) => !shown)}>
        {revealed ? 'Hide the reference design' : 'Show the reference design'}
      </button>
      {revealed && (
        <div id="reference-body" className="reference-body">
          {diagram.state === 'loading' && <p className="muted small">Drawing the reference design…</p>}
          {diagram.state === 'error' && (
            <p className="notice notice-error small" role="alert">
              {diagram.error}
            </p>
          )}
          {diagram.state === 'ready' && (
            <>
              <p className="reference-score">
                Scores <span data-testid="reference-score">{diagram.score.total}</span> / 100 on this prompt’s rubric.
              </p>
              <div className="reference-diagram" role="region" aria-label="Reference diagram">
                <DiagramPreview svg={diagram.svg} highlighted={NO_NODES} />
              </div>
            </>
          )}
          <h4>Why it looks like this</h4>
          <p className="reference-rationale">
            <InlineCode text={props.reference.rationale} />
          </p>
          <h4>Mermaid source</h4>
          <pre className="design-source" aria-label="Reference Mermaid source">
            <code>{props.reference.mermaid}</code>
          </pre>
        </div>
      )}
    </>
  );
}

function NaiveContrast(props: { readonly naive: NaiveDesign }): JSX.Element {
  const { naive } = props;
  return (
    <details className="reference-naive">
      <summary>A common naive design</summary>
      <p className="reference-rationale">
        <InlineCode text={naive.rationale} />
      </p>
      <pre className="design-source" aria-label="Naive Mermaid source">
        <code>{naive.mermaid}</code>
      </pre>
      <h4>What it gets wrong</h4>
      <ul className="naive-mistakes" aria-label="Mistakes in the naive design">
        {naive.mistakes.map((mistake, index) => (
          <li key={`${mistake.rule}-${index}`}>
            <span className="label">{RULE_TITLES[mistake.rule]}</span>
            {mistake.nodes !== undefined && mistake.nodes.length > 0 && <span className="muted"> ({mistake.nodes.join(', ')})</span>}
            {': '}
            <InlineCode text={mistake.note} />
          </li>
        ))}
      </ul>
    </details>
  );
}
