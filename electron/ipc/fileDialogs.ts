/**
 * The save and open dialogs as handlers see them: every path an export writes or an import reads
 * comes from here (the user's choice), never from the renderer. Main implements it with
 * Electron's `dialog` (electron/fileDialogs.ts); tests and the e2e harness pass a fake.
 */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  readonly title: string;
  /** A file name only (no folder): the dialog opens in the user's documents folder. */
  readonly defaultName: string;
  readonly filters: readonly FileFilter[];
}

export interface OpenFileRequest {
  readonly title: string;
  readonly filters: readonly FileFilter[];
}

export interface FileDialogs {
  /** The path the user chose to write, or undefined when they cancelled. */
  chooseSavePath(request: SaveFileRequest): Promise<string | undefined>;
  /** The file the user chose to read, or undefined when they cancelled. */
  chooseOpenPath(request: OpenFileRequest): Promise<string | undefined>;
}
