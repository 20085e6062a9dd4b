import { parseArgs } from 'node:util';
import { GENERAL_PARAMS } from '../../rubrics/general';
import { gradeFlowchart, type GradeReport } from '../../rubrics/grade';
import type { GradingParams } from '../../rubrics/params';
import { parseMermaid } from '../../rubrics/parse/node/index';
import type { ParseResult } from '../../rubrics/parse/types';
import { overrideProblems, readingOf, type DiagramReading, type KindOverrideProblem } from '../../rubrics/reading';
import { toJsonReport } from '../../rubrics/report';
import { SEVERITIES } from '../../rubrics/vocabulary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { readTextFile } from '../../prompts/node/safeFile';
import { EXIT, type CliIo } from '../io';

const GRADE_USAGE = 'Usage: sysdrill grade [--prompt <id>] [--json] [--reading] <file.mmd>...\n  --reading  also list how each box was read (kind, copies, technology)\n';

function resolveParams(promptId: string | undefined, io: CliIo): GradingParams | undefined {
  if (promptId === undefined) return GENERAL_PARAMS;
  const { prompts } = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
  const prompt = prompts.find((p) => p.id === promptId);
  if (prompt === undefined) {
    const known = prompts.map((p) => p.id).sort();
    io.stderr(`sysdrill grade: unknown prompt "${promptId}". Known prompts: ${known.length > 0 ? known.join(', ') : '(none)'}.\n`);
    return undefined;
  }
  return prompt;
}

/** Far above any hand-written diagram (a draft is limited to 200 KB), far below trouble. */
export const MAX_DIAGRAM_FILE_BYTES = 1024 * 1024;

async function parseFile(file: string): Promise<{ readonly parse: ParseResult; readonly text: string }> {
  const read = readTextFile(file, { maxBytes: MAX_DIAGRAM_FILE_BYTES });
  if (!read.ok) return { parse: { ok: false, errors: [{ line: 1, column: 1, message: `Cannot read the file: it ${read.error.reason}.` }] }, text: '' };
  return { parse: await parseMermaid(read.text), text: read.text };
}

/** `%% sysdrill:` lines the grader could not use: the file is still graded, the author is told where. */
function overrideWarnings(file: string, problems: readonly KindOverrideProblem[]): string[] {
  return problems.map((p) => `${file}:${p.line}:${p.column}: warning: ${p.message}`);
}

/** How each box was read, one line per box: what to check when a finding surprises. */
function readingLines(reading: DiagramReading): string[] {
  const lines = ['', '  READ AS'];
  for (const node of reading.nodes) {
    const facts = [node.copies, ...(node.tech.length > 0 ? [node.tech.join(', ')] : []), ...(node.detail === undefined ? [] : [node.detail]), ...(node.setByAuthor ? ['set by a %% sysdrill: line'] : [])];
    lines.push(`  - ${node.id} "${node.label}": ${node.kindTitle} (${facts.join('; ')})`);
  }
  return lines;
}

function humanReport(file: string, parse: ParseResult, grade: GradeReport | undefined, problems: readonly KindOverrideProblem[], reading: DiagramReading | undefined): string {
  if (!parse.ok) {
    return parse.errors
      .map((e) => {
        const lines = [`${file}:${e.line}:${e.column}: error: ${e.message}`];
        if (e.excerpt !== undefined) lines.push(`  ${e.excerpt}`, `  ${' '.repeat(Math.max(0, e.column - 1))}^`);
        if (e.hint !== undefined) lines.push(`  hint: ${e.hint}`);
        return lines.join('\n');
      })
      .join('\n') + '\n';
  }
  if (grade === undefined) return '';
  const { score, findings, architecture } = grade;
  const categories = Object.entries(score.categories)
    .map(([c, v]) => `${c} ${v}`)
    .join(' · ');
  const out = [
    `${file}: score ${score.total}/100${score.capped ? ' (capped: a critical finding breaks a core requirement)' : ''}`,
    `  serves ${grade.coverage.served}/${grade.coverage.total} capabilities (coverage ${score.coverage}) · quality ${score.quality}`,
    `  ${categories}`,
    `  ${architecture.nodes.length} nodes, ${architecture.edges.length} edges, ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
    ...overrideWarnings(file, problems),
  ];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('', `  ${severity.toUpperCase()} (${group.length})`);
    for (const f of group) {
      out.push(`  - [${f.rule}] ${f.message}`);
      if (f.nodes.length > 0) out.push(`      nodes: ${f.nodes.join(', ')}`);
      out.push(`      why: ${f.why}`, `      fix: ${f.fix}`);
    }
  }
  if (findings.length === 0) out.push('', '  No findings.');
  if (reading !== undefined) out.push(...readingLines(reading));
  return out.join('\n') + '\n';
}

/** `sysdrill grade`: exit 0 when every file was graded, 2 when any could not be parsed (or bad usage). */
export async function runGradeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { prompt?: string; json?: boolean; reading?: boolean; help?: boolean };
  let files: string[];
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { prompt: { type: 'string' }, json: { type: 'boolean' }, reading: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values;
    files = parsed.positionals;
  } catch (err) {
    io.stderr(`sysdrill grade: ${err instanceof Error ? err.message : String(err)}\n${GRADE_USAGE}`);
    return EXIT.usage;
  }
  if (values.help === true) {
    io.stdout(GRADE_USAGE);
    return EXIT.ok;
  }
  if (files.length === 0) {
    io.stderr(`sysdrill grade: no input files.\n${GRADE_USAGE}`);
    return EXIT.usage;
  }
  const params = resolveParams(values.prompt, io);
  if (params === undefined) return EXIT.usage;
  let failed = false;
  for (const [index, file] of files.entries()) {
    const { parse, text } = await parseFile(file);
    const grade = parse.ok ? gradeFlowchart(parse.flowchart, params) : undefined;
    // The whole reading only when asked for; the warnings always.
    const reading = grade === undefined || values.reading !== true ? undefined : readingOf(grade.architecture, text);
    const problems = reading?.problems ?? (grade === undefined ? [] : overrideProblems(grade.architecture, text));
    if (!parse.ok) failed = true;
    if (values.json === true) {
      const extra = { ...(problems.length === 0 ? {} : { warnings: problems }), ...(reading === undefined ? {} : { reading: reading.nodes }) };
      io.stdout(`${JSON.stringify({ ...toJsonReport(file, parse, grade), ...extra })}\n`);
    } else io.stdout((index > 0 ? '\n' : '') + humanReport(file, parse, grade, problems, reading));
  }
  return failed ? EXIT.usage : EXIT.ok;
}
