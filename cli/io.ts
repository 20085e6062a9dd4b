import { escapeControlChars } from './terminal';

/** Where a CLI command writes: injected so commands can be tested without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** File names, labels and excerpts come from the user's files: nothing reaches the terminal unescaped. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(escapeControlChars(text)),
  stderr: (text) => void process.stderr.write(escapeControlChars(text)),
};

/** Exit codes shared by every subcommand. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, usage: 2 });
