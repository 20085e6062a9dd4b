import { runGradeCommand } from './commands/grade';
import { runPromptsCommand } from './commands/prompts';
import { EXIT, type CliIo } from './io';

export const USAGE = `Usage: sysdrill <command> [options]

Commands:
  grade [--prompt <id>] [--json] <file.mmd>...   Grade Mermaid flowcharts
  prompts [--json] [--dir <folder>]              List the interview prompts (--json for scripts)
  help                                           Show this help

grade options:
  --prompt <id>   Grade against a prompt's rubric (default: the general rubric)
  --json          One JSON object per file, one per line, in input order

grade exit codes: 0 every file graded, 2 a file could not be parsed or read, or bad usage.
Run \`sysdrill <command> --help\` for a command's own options.
`;

/** Entry point shared by `bin/sysdrill.mjs` and the tests; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'grade':
      return runGradeCommand(rest, io);
    case 'prompts':
      return runPromptsCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr(`sysdrill: unknown command "${command}".\n\n${USAGE}`);
      return EXIT.usage;
  }
}
