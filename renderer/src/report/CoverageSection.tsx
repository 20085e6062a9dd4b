import type { JSX } from 'react';
import type { Coverage } from '../../../prompts/mockReport';
import { BY_ID, type NodeNamer } from '../practice/FeedbackPanel';

/**
 * Requirement coverage: which capabilities the prompt asks for the design serves, with the nodes
 * that serve each. Shown only when the grader's report carries coverage.
 */
export function CoverageSection(props: { readonly coverage: Coverage; readonly onShowNodes?: (nodes: readonly string[]) => void; readonly nodeName?: NodeNamer }): JSX.Element {
  const { coverage } = props;
  const nameOf = props.nodeName ?? BY_ID;
  return (
    <section className="report-coverage" aria-labelledby="report-coverage-title">
      <h3 id="report-coverage-title">
        Requirement coverage ({coverage.served} of {coverage.total} served)
      </h3>
      <ul className="coverage-list">
        {coverage.capabilities.map((capability) => (
          <li key={capability.id} data-met={capability.met}>
            <span className={capability.met ? 'verdict-good' : 'verdict-bad'}>{capability.met ? 'Served' : 'Missing'}</span>: {capability.title}
            {capability.nodes.length > 0 && (
              <span className="small">
                {' '}
                {capability.nodes.map((node) => (
                  <button key={node} type="button" className="node-chip" onClick={() => props.onShowNodes?.([node])} title={`Box ${node}: outline it in the diagram`}>
                    {nameOf(node)}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
