import { join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogs } from './ipc/fileDialogs';

/** Electron's native dialogs, attached to the main window when there is one. */
export function electronFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  parentWindow: () => BrowserWindow | undefined,
  documentsDir: string,
): FileDialogs {
  const show = <T>(withParent: (win: BrowserWindow) => Promise<T>, without: () => Promise<T>): Promise<T> => {
    const win = parentWindow();
    return win === undefined ? without() : withParent(win);
  };
  return {
    async chooseSavePath(request) {
      const options: SaveDialogOptions = {
        title: request.title,
        defaultPath: join(documentsDir, request.defaultName),
        filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = await show((win) => dialog.showSaveDialog(win, options), () => dialog.showSaveDialog(options));
      return result.canceled || result.filePath === undefined || result.filePath === '' ? undefined : result.filePath;
    },
    async chooseOpenPath(request) {
      const options: OpenDialogOptions = {
        title: request.title,
        filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['openFile'],
      };
      const result = await show((win) => dialog.showOpenDialog(win, options), () => dialog.showOpenDialog(options));
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
