// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewNotices, previewStatus } from '../../../renderer/src/practice/PreviewNotices';
import type { LivePractice } from '../../../renderer/src/practice/useLivePractice';

afterEach(cleanup);

const live = (patch: Partial<LivePractice>): LivePractice => ({ busy: false, empty: false, errors: [], renderError: undefined, lastGood: undefined, stale: false, ...patch });

describe('previewStatus', () => {
  it.each([
    { when: 'a check of the latest text is running', state: { busy: true, stale: true, empty: false }, says: 'Updating…' },
    { when: 'the latest text does not parse: the last drawing that worked stays', state: { busy: false, stale: true, empty: false }, says: 'Showing the last diagram that worked' },
    { when: 'the preview shows the latest text', state: { busy: false, stale: false, empty: false }, says: '' },
    { when: 'the editor is empty', state: { busy: false, stale: true, empty: true }, says: '' },
  ])('$when: "$says"', ({ state, says }) => {
    expect(previewStatus(state)).toBe(says);
  });
});

describe('PreviewNotices', () => {
  it('shows why the diagram could not be drawn as an alert', () => {
    render(<PreviewNotices live={live({ renderError: 'Drawing this diagram took too long and was stopped.' })} />);
    expect(screen.getByRole('alert').textContent).toBe('Drawing this diagram took too long and was stopped.');
  });

  it('lists parse errors at their line and column', () => {
    render(<PreviewNotices live={live({ errors: [{ line: 3, column: 7, message: 'Unexpected token' }], stale: true })} />);
    expect(screen.getByRole('alert', { name: 'Diagram error' }).textContent).toContain('Line 3, column 7');
  });

  it('shows nothing when the text parsed and drew', () => {
    const { container } = render(<PreviewNotices live={live({})} />);
    expect(container.textContent).toBe('');
  });
});
