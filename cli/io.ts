/** Where a CLI command writes: injected so commands can be tested without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Exit codes shared by every subcommand. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, usage: 2 });
