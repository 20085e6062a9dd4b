import type { JSX } from 'react';
import type { GlossaryConcept } from '../../../electron/ipc/contract';
import { routeHref } from '../route';

/** The id of an entry's element, so `#/glossary/<id>` can scroll to it. */
export function conceptElementId(id: GlossaryConcept['id']): string {
  return `concept-${id}`;
}

export function GlossaryEntry(props: { readonly concept: GlossaryConcept; readonly selected: boolean }): JSX.Element {
  const { concept } = props;
  const elementId = conceptElementId(concept.id);
  const titleId = `${elementId}-title`;
  return (
    <article id={elementId} className={props.selected ? 'concept concept-selected' : 'concept'} aria-labelledby={titleId} data-concept={concept.id}>
      <h2 id={titleId} tabIndex={-1}>
        {concept.title}
      </h2>
      <p className="concept-summary">{concept.summary}</p>
      <p className="concept-explanation">{concept.explanation}</p>

      <h3>Trade-offs</h3>
      <ul className="concept-tradeoffs">
        {concept.tradeOffs.map((tradeOff, index) => (
          <li key={index}>{tradeOff}</li>
        ))}
      </ul>

      <div className="concept-uses">
        <section aria-labelledby={`${elementId}-rules`}>
          <h3 id={`${elementId}-rules`}>Graded by</h3>
          {concept.rules.length === 0 ? (
            <p className="muted small">No grading rule checks this yet; it is for discussion in the interview.</p>
          ) : (
            <ul className="concept-rules">
              {concept.rules.map((rule) => (
                <li key={rule.id} title={`rule ${rule.id}`}>
                  {rule.title}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby={`${elementId}-prompts`}>
          <h3 id={`${elementId}-prompts`}>Practised in</h3>
          {concept.prompts.length === 0 ? (
            <p className="muted small">No prompt practises this yet.</p>
          ) : (
            <ul className="concept-prompts">
              {concept.prompts.map((prompt) => (
                <li key={prompt.id}>
                  <a href={routeHref({ screen: 'prompt', promptId: prompt.id })}>{prompt.title}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
