import type { JSX } from 'react';
import type { ParseError } from '../../../rubrics/parse/types';
import { InlineCode } from './InlineCode';

/** Where the diagram stops parsing: line, column, Mermaid's complaint and a concrete fix. */
export function ParseErrorList(props: { readonly errors: readonly ParseError[] }): JSX.Element {
  return (
    <div className="parse-errors" role="alert" aria-label="Diagram error">
      {props.errors.map((error, index) => (
        <div key={index} className="parse-error">
          <p className="parse-error-where">
            <strong>
              Line {error.line}, column {error.column}
            </strong>
          </p>
          <p className="parse-error-message">
            <InlineCode text={error.message} />
          </p>
          {error.excerpt !== undefined && (
            <pre className="parse-error-excerpt" aria-label={`Line ${error.line} as written`}>
              <code>{error.excerpt}</code>
              {'\n'}
              <span className="parse-error-caret" aria-hidden="true">
                {`${' '.repeat(Math.max(0, error.column - 1))}^`}
              </span>
            </pre>
          )}
          {error.hint !== undefined && (
            <p className="parse-error-hint">
              <span className="label">Fix: </span>
              <InlineCode text={error.hint} />
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
