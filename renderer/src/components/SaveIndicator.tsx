import type { JSX } from 'react';
import type { SaveStatus } from '../drafts/autosaver';

function label(status: SaveStatus): string {
  switch (status.kind) {
    case 'unchanged':
      return 'All changes saved';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${new Date(status.at).toLocaleTimeString()}`;
    case 'error':
      return `Not saved: ${status.error.message}`;
  }
}

export function SaveIndicator(props: { readonly status: SaveStatus }): JSX.Element {
  return (
    <span className={`save-indicator save-${props.status.kind}`} role="status" aria-live="polite" data-testid="save-status" data-state={props.status.kind}>
      {label(props.status)}
    </span>
  );
}
