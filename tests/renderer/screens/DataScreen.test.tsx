// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../electron/ipc/contract';
import { DataScreen } from '../../../renderer/src/screens/DataScreen';
import { fakeApi } from '../fakeApi';
import { installApi, resetAppAfterEach } from '../appHarness';

resetAppAfterEach();

const ok = <T,>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });


function setUp() {
  const { api } = fakeApi({ prompts: [] });
  installApi(api);
  const onImported = vi.fn();
  render(<DataScreen onImported={onImported} />);
  return { api, onImported };
}

describe('DataScreen', () => {
  it('says where all data was exported, or that the dialog was cancelled', async () => {
    const { api } = setUp();
    api.exportAllData.mockImplementationOnce(() => ok({ saved: true, file: '/home/u/sysdrill-data.db' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export all data…' }));
    expect(await screen.findByText('All your data was exported to /home/u/sysdrill-data.db')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data…' }));
    expect(await screen.findByText('Nothing was exported: the save dialog was cancelled.')).toBeTruthy();
  });

  it('after an import, says how many attempts came in and where the old data is kept, and has the app read its settings again', async () => {
    const { api, onImported } = setUp();
    api.importData.mockImplementationOnce(() => ok({ imported: true, attempts: 12, previousCopy: '/data/backups/sysdrill-before-import-x.db', migratedFrom: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    expect(
      await screen.findByText(
        'Imported 12 submitted attempts. It came from an older Sysdrill (data version 3) and was brought up to date. Your data from before the import is kept at /data/backups/sysdrill-before-import-x.db',
      ),
    ).toBeTruthy();
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('shows main’s reason when a file is refused, and reads nothing again', async () => {
    const { api, onImported } = setUp();
    api.importData.mockImplementationOnce(() =>
      Promise.resolve({ ok: false as const, error: { code: 'validation' as const, message: '/tmp/notes.txt is not a Sysdrill data file. Nothing was changed.' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The request was refused: the file was not imported/tmp/notes.txt is not a Sysdrill data file. Nothing was changed.');
    expect(onImported).not.toHaveBeenCalled();
  });
});
