/**
 * `npx tsx scripts/eval/mermaid-check.ts [--nodes] <file.mmd>...` — for each file, Mermaid 11's
 * own verdict: `valid` or `invalid <line>:<column> <message>`. With `--nodes`, also lists the
 * node ids Mermaid creates (what a labels file must cover). Exit code 1 when any file is invalid.
 */
import { readFileSync } from 'node:fs';
import { checkWithMermaid, mermaidNodes } from './mermaidRead';

async function main(argv: readonly string[]): Promise<number> {
  const showNodes = argv.includes('--nodes');
  const files = argv.filter((a) => a !== '--nodes');
  if (files.length === 0) {
    process.stderr.write('usage: npx tsx scripts/eval/mermaid-check.ts [--nodes] <file.mmd>...\n');
    return 2;
  }
  let anyInvalid = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stdout.write(`${file}: unreadable ${(err as Error).message}\n`);
      anyInvalid = true;
      continue;
    }
    const verdict = await checkWithMermaid(text);
    const prefix = files.length > 1 ? `${file}: ` : '';
    if (!verdict.valid) {
      anyInvalid = true;
      process.stdout.write(`${prefix}invalid ${verdict.line}:${verdict.column} ${verdict.message}\n`);
      continue;
    }
    const typeNote = verdict.diagramType.startsWith('flowchart') ? '' : ` (${verdict.diagramType}, not a flowchart)`;
    process.stdout.write(`${prefix}valid${typeNote}\n`);
    if (showNodes && typeNote === '') {
      for (const [id, label] of await mermaidNodes(text)) process.stdout.write(`  ${id}\t${label.replace(/\s+/g, ' ')}\n`);
    }
  }
  return anyInvalid ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mermaid-check: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
