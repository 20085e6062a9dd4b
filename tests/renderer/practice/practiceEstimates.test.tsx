// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type JSX } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftExtras } from '../../../electron/ipc/contract';
import type { Estimate } from '../../../prompts/schema';
import { PracticeEstimates, withCommitted, withTyped } from '../../../renderer/src/practice/PracticeEstimates';

afterEach(cleanup);

const uploads: Estimate = {
  id: 'average-upload-rate',
  label: 'Average photo uploads per second',
  value: 1160,
  unit: 'uploads/s',
  tolerance: 0.3,
  derivation: '100M uploads a day / 86,400 s = about 1,160 per second.',
};

type Entries = DraftExtras['estimates'];

describe('withTyped and withCommitted', () => {
  it('adds, then edits an entry, keeping whether it was checked', () => {
    const added = withTyped([], 'a', '5k/s');
    expect(added).toEqual([{ id: 'a', typed: '5k/s', committed: false }]);
    const checked = withCommitted(added, 'a');
    expect(withTyped(checked, 'a', '6k/s')).toEqual([{ id: 'a', typed: '6k/s', committed: true }]);
  });

  it('does not check an empty answer', () => {
    expect(withCommitted([{ id: 'a', typed: '  ', committed: false }], 'a')).toEqual([{ id: 'a', typed: '  ', committed: false }]);
  });
});

function Harness(props: { readonly onChange: (entries: Entries) => void }): JSX.Element {
  const [entries, setEntries] = useState<Entries>([]);
  return (
    <PracticeEstimates
      estimates={[uploads]}
      entries={entries}
      onChange={(next) => {
        setEntries([...next]);
        props.onChange([...next]);
      }}
      onBlur={() => undefined}
    />
  );
}

describe('PracticeEstimates', () => {
  it('judges a checked answer with the mock interview’s verdicts and only then shows the derivation', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const field = screen.getByLabelText('Average photo uploads per second');
    fireEvent.change(field, { target: { value: '1.2k/s' } });
    expect(screen.queryByText(/86,400 s/)).toBeNull();
    expect(screen.getByText('Reads as 1,200 per second')).toBeTruthy();
    fireEvent.keyDown(field, { key: 'Enter' });
    // 1,200 against 1,160 is 3.4 % off, inside the ±30 % tolerance.
    const judged = screen.getByTestId('estimate-average-upload-rate');
    expect(judged.textContent).toBe('On target: 1,200 uploads/s, within ±30 % of 1,160.How: 100M uploads a day / 86,400 s = about 1,160 per second.');
    expect(onChange).toHaveBeenLastCalledWith([{ id: 'average-upload-rate', typed: '1.2k/s', committed: true }]);
  });

  it('says how far off a wrong answer is', () => {
    render(<Harness onChange={() => undefined} />);
    const field = screen.getByLabelText('Average photo uploads per second');
    fireEvent.change(field, { target: { value: '50/s' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check average photo uploads per second' }));
    // 1,160 / 50 = 23.2: more than 10× below.
    expect(screen.getByTestId('estimate-average-upload-rate').textContent).toContain('Off: 50 uploads/s is 1/23.2 of the expected 1,160: more than 10× away.');
  });
});
