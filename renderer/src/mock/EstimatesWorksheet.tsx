import { useId, type JSX, type ReactNode } from 'react';
import { formatNumber, parseQuantity, unitsInWords } from '../../../prompts/estimates';
import type { TypedEstimate } from '../../../prompts/mockReport';
import type { Estimate } from '../../../prompts/schema';

/**
 * One row per estimate the prompt expects: its label only (never the value), a field taking a
 * number and a unit, and at the field what it reads as or why it cannot be read.
 */
export function EstimatesWorksheet(props: {
  readonly estimates: readonly Estimate[];
  readonly typed: readonly TypedEstimate[];
  readonly onChange: (id: string, typed: string) => void;
  readonly onBlur: () => void;
  /** More for a row, under its field (practice: a check button, then the verdict and derivation). */
  readonly renderAfter?: (estimate: Estimate) => ReactNode;
  /** Enter in a field (practice: checks that answer). */
  readonly onEnter?: (id: string) => void;
}): JSX.Element {
  const base = useId();
  return (
    <table className="worksheet" aria-label="Estimates worksheet">
      <thead>
        <tr>
          <th scope="col">Estimate</th>
          <th scope="col">Your value (number and unit, e.g. 20k/s or 3.5 TB/day)</th>
        </tr>
      </thead>
      <tbody>
        {props.estimates.map((estimate) => {
          const value = props.typed.find((t) => t.id === estimate.id)?.typed ?? '';
          const parsed = value.trim() === '' ? undefined : parseQuantity(value);
          const fieldId = `${base}-${estimate.id}`;
          const messageId = `${fieldId}-message`;
          return (
            <tr key={estimate.id}>
              <th scope="row">
                <label htmlFor={fieldId}>{estimate.label}</label>
              </th>
              <td>
                <input
                  id={fieldId}
                  type="text"
                  value={value}
                  spellCheck={false}
                  aria-invalid={parsed !== undefined && !parsed.ok}
                  aria-describedby={messageId}
                  onChange={(event) => props.onChange(estimate.id, event.target.value)}
                  onBlur={props.onBlur}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && props.onEnter !== undefined) {
                      event.preventDefault();
                      props.onEnter(estimate.id);
                    }
                  }}
                />
                <p id={messageId} className={`small ${parsed !== undefined && !parsed.ok ? 'field-error' : 'muted'}`} role={parsed !== undefined && !parsed.ok ? 'alert' : undefined}>
                  {parsed === undefined ? '' : parsed.ok ? `Reads as ${describeQuantity(parsed.quantity.scalar, parsed.quantity.units())}` : parsed.message}
                </p>
                {props.renderAfter?.(estimate)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function describeQuantity(scalar: number, units: string): string {
  return units === '' ? formatNumber(scalar) : `${formatNumber(scalar)} ${unitsInWords(units)}`;
}
