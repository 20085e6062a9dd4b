import { useState, type JSX } from 'react';
import type { AttemptView, IpcError, SaveOutcome } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { renderDiagramForExport } from '../mermaid/index';

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly what: string }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly what: string; readonly error: IpcError };

function doneMessage(outcome: SaveOutcome, what: string): string {
  return outcome.saved ? `${what} saved to ${outcome.file}` : `${what} not saved: the save dialog was cancelled.`;
}

/** "Export Markdown" and "Export SVG": main asks where to save; nothing is written without that choice. */
export function ExportButtons(props: { readonly attempt: AttemptView }): JSX.Element {
  const { attempt } = props;
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const busy = state.kind === 'working';

  const exportMarkdown = async (): Promise<void> => {
    setState({ kind: 'working', what: 'Markdown' });
    const result = await callApi((api) => api.exportAttempt({ id: attempt.id, format: 'markdown' }));
    setState(result.ok ? { kind: 'done', message: doneMessage(result.value, 'Markdown') } : { kind: 'error', what: 'the Markdown export failed', error: result.error });
  };

  const exportSvg = async (): Promise<void> => {
    setState({ kind: 'working', what: 'SVG' });
    const drawn = await renderDiagramForExport(attempt.diagram);
    if (!drawn.ok) {
      setState({ kind: 'error', what: 'the diagram could not be drawn for export', error: { code: 'validation', message: drawn.error } });
      return;
    }
    const result = await callApi((api) => api.exportAttempt({ id: attempt.id, format: 'svg', svg: drawn.svg }));
    setState(result.ok ? { kind: 'done', message: doneMessage(result.value, 'SVG') } : { kind: 'error', what: 'the SVG export failed', error: result.error });
  };

  return (
    <section className="report-export" aria-label="Export">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void exportMarkdown()}>
          Export Markdown
        </button>
        <button type="button" disabled={busy || attempt.report?.outcome !== 'graded'} onClick={() => void exportSvg()}>
          Export SVG
        </button>
      </div>
      <p className="small muted" role="status" data-testid="export-status">
        {state.kind === 'working' ? `Exporting ${state.what}…` : state.kind === 'done' ? state.message : ''}
      </p>
      {state.kind === 'error' && <ErrorNotice what={state.what} error={state.error} />}
    </section>
  );
}
