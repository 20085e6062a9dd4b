import { memo, type JSX } from 'react';
import type { DraftExtras } from '../../../electron/ipc/contract';
import { judgeEstimate, VERDICT_TITLES, type Verdict } from '../../../prompts/estimates';
import type { Estimate } from '../../../prompts/schema';
import { EstimatesWorksheet } from '../mock/EstimatesWorksheet';

type Entry = DraftExtras['estimates'][number];

const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  'on-target': 'verdict-good',
  'order-of-magnitude': 'verdict-close',
  off: 'verdict-off',
  unanswered: 'muted',
};

/** Sets `id`'s typed text, keeping whether it was checked. */
export function withTyped(entries: readonly Entry[], id: string, typed: string): readonly Entry[] {
  const found = entries.some((e) => e.id === id);
  return found ? entries.map((e) => (e.id === id ? { ...e, typed } : e)) : [...entries, { id, typed, committed: false }];
}

/** Marks `id` as checked (only once something is typed): its verdict and derivation are shown from then on. */
export function withCommitted(entries: readonly Entry[], id: string): readonly Entry[] {
  return entries.map((e) => (e.id === id && e.typed.trim() !== '' ? { ...e, committed: true } : e));
}

/**
 * The mock interview's estimates worksheet in practice: the same fields, quantity parser and
 * verdicts; an answer is checked on Enter or with its button, which reveals how the estimate is
 * derived. The entries are kept with the draft by the caller.
 */
export const PracticeEstimates = memo(function PracticeEstimates(props: {
  readonly estimates: readonly Estimate[];
  readonly entries: readonly Entry[];
  readonly onChange: (entries: readonly Entry[]) => void;
  /** Save what is typed (a field lost focus). */
  readonly onBlur: () => void;
}): JSX.Element {
  const { entries } = props;
  const commit = (id: string): void => props.onChange(withCommitted(entries, id));
  return (
    <details className="practice-estimates" open>
      <summary>Capacity estimates</summary>
      <p className="muted small">Estimate each value, then check it: Enter or “Check”. The derivation shows once you have answered.</p>
      <EstimatesWorksheet
        estimates={props.estimates}
        typed={entries}
        onChange={(id, typed) => props.onChange(withTyped(entries, id, typed))}
        onBlur={props.onBlur}
        onEnter={commit}
        renderAfter={(estimate) => {
          const entry = entries.find((e) => e.id === estimate.id);
          if (entry?.committed !== true) {
            return (
              <button type="button" className="small" disabled={entry === undefined || entry.typed.trim() === ''} onClick={() => commit(estimate.id)}>
                Check {estimate.label.toLowerCase()}
              </button>
            );
          }
          const judged = judgeEstimate(estimate, entry.typed);
          return (
            <div className="estimate-judgement small" data-testid={`estimate-${estimate.id}`}>
              <p>
                <strong className={VERDICT_CLASS[judged.verdict]}>{VERDICT_TITLES[judged.verdict]}</strong>: {judged.note}
              </p>
              <p className="muted">
                <span className="label">How: </span>
                {estimate.derivation}
              </p>
            </div>
          );
        }}
      />
    </details>
  );
});
