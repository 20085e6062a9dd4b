import { useState, type JSX } from 'react';
import type { ImportResult, IpcError, SaveOutcome } from '../../../electron/ipc/contract';
import { callApi } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly message: string }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly what: string; readonly error: IpcError };

function exportedMessage(outcome: SaveOutcome): string {
  return outcome.saved ? `All your data was exported to ${outcome.file}` : 'Nothing was exported: the save dialog was cancelled.';
}

function importedMessage(outcome: ImportResult): string {
  if (!outcome.imported) return 'Nothing was imported: no file was chosen.';
  const migrated = outcome.migratedFrom === null ? '' : ` It came from an older Sysdrill (data version ${outcome.migratedFrom}) and was brought up to date.`;
  const count = outcome.attempts === 1 ? '1 submitted attempt' : `${outcome.attempts} submitted attempts`;
  return `Imported ${count}.${migrated} Your data from before the import is kept at ${outcome.previousCopy}`;
}

/** `#/data`: export all data as one file, and import such a file (checked by main before anything is replaced). */
export function DataScreen(props: { readonly onImported?: () => void }): JSX.Element {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'working';

  const exportAll = async (): Promise<void> => {
    setStatus({ kind: 'working', message: 'Exporting…' });
    const result = await callApi((api) => api.exportAllData());
    setStatus(result.ok ? { kind: 'done', message: exportedMessage(result.value) } : { kind: 'error', what: 'your data was not exported', error: result.error });
  };

  const importFile = async (): Promise<void> => {
    setStatus({ kind: 'working', message: 'Checking the file…' });
    const result = await callApi((api) => api.importData());
    // The imported data has its own settings (theme, font size): the app reads them again.
    if (result.ok && result.value.imported) props.onImported?.();
    setStatus(result.ok ? { kind: 'done', message: importedMessage(result.value) } : { kind: 'error', what: 'the file was not imported', error: result.error });
  };

  return (
    <main className="screen screen-data">
      <header className="screen-header">
        <h1>Your data</h1>
        <p className="lead">Your drafts, attempts and settings live in one database on this computer. Sysdrill also keeps a daily backup of it.</p>
      </header>
      <section className="data-section" aria-labelledby="data-export-title">
        <h2 id="data-export-title">Export all data</h2>
        <p>Saves a complete copy of your data as one file, to move it to another computer or keep it safe.</p>
        <div className="data-actions">
          <button type="button" disabled={busy} onClick={() => void exportAll()}>
            Export all data…
          </button>
        </div>
      </section>
      <section className="data-section" aria-labelledby="data-import-title">
        <h2 id="data-import-title">Import</h2>
        <p>
          Replaces your data with a file exported from Sysdrill. The file is checked first; if it is not usable nothing changes. Your current data is kept as a
          dated copy, and you are told where.
        </p>
        <div className="data-actions">
          <button type="button" disabled={busy} onClick={() => void importFile()}>
            Import…
          </button>
        </div>
      </section>
      <p role="status" data-testid="data-status">
        {status.kind === 'working' || status.kind === 'done' ? status.message : ''}
      </p>
      {status.kind === 'error' && <ErrorNotice what={status.what} error={status.error} />}
    </main>
  );
}
