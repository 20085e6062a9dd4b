import type { JSX } from 'react';
import { ParseErrorList } from './ParseErrorList';
import type { LivePractice } from './useLivePractice';

/** One line on what the preview shows: being updated, or the last drawing that worked. */
export function previewStatus(live: Pick<LivePractice, 'busy' | 'stale' | 'empty'>): string {
  if (live.busy) return 'Updating…';
  return live.stale && !live.empty ? 'Showing the last diagram that worked' : '';
}

/** Why the current text is not what the preview shows: its parse errors, or why it could not be drawn. */
export function PreviewNotices(props: { readonly live: LivePractice }): JSX.Element {
  const { live } = props;
  return (
    <>
      {live.errors.length > 0 && <ParseErrorList errors={live.errors} />}
      {live.renderError !== undefined && (
        <p className="notice notice-error small" role="alert">
          {live.renderError}
        </p>
      )}
    </>
  );
}
