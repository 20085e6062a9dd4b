import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { electronFileDialogs } from '../../electron/fileDialogs';

function fakeDialog(save: { canceled: boolean; filePath?: string }, open: { canceled: boolean; filePaths: string[] }) {
  return {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => save),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => open),
  };
}

describe('electronFileDialogs', () => {
  it('opens the save dialog on the main window in the documents folder and answers with the chosen path', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/home/u/notes/a.md' }, { canceled: true, filePaths: [] });
    const win = { id: 1 } as unknown as BrowserWindow;
    const dialogs = electronFileDialogs(dialog as never, () => win, '/home/u/Documents');
    const chosen = await dialogs.chooseSavePath({ title: 'Export', defaultName: 'x.md', filters: [{ name: 'Markdown', extensions: ['md'] }] });
    expect(chosen).toBe('/home/u/notes/a.md');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, {
      title: 'Export',
      defaultPath: join('/home/u/Documents', 'x.md'),
      filters: [{ name: 'Markdown', extensions: ['md'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('answers undefined when either dialog is cancelled, and works without a window', async () => {
    const dialog = fakeDialog({ canceled: true, filePath: '' }, { canceled: true, filePaths: [] });
    const dialogs = electronFileDialogs(dialog as never, () => undefined, '/docs');
    expect(await dialogs.chooseSavePath({ title: 't', defaultName: 'd.db', filters: [] })).toBeUndefined();
    expect(await dialogs.chooseOpenPath({ title: 't', filters: [] })).toBeUndefined();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: 't', filters: [], properties: ['openFile'] });
  });

  it('answers the one file picked in the open dialog', async () => {
    const dialog = fakeDialog({ canceled: true }, { canceled: false, filePaths: ['/backups/sysdrill.db'] });
    const dialogs = electronFileDialogs(dialog as never, () => undefined, '/docs');
    expect(await dialogs.chooseOpenPath({ title: 'Import', filters: [{ name: 'Sysdrill data', extensions: ['db'] }] })).toBe('/backups/sysdrill.db');
  });
});
