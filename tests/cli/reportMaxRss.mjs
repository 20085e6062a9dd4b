// Loaded with `node --import` by the CLI tests: records the child's own peak memory (KB) on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.SYSDRILL_TEST_MAXRSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
