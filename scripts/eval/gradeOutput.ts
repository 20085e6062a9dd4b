/** Reads the CLI's `grade --json` output (one JSON object per line; format in the README). */
import { z } from 'zod';
import type { GraderReport } from './metrics';

const ReportLine = z.object({
  file: z.string(),
  parse: z.union([
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), errors: z.array(z.object({ line: z.number(), column: z.number(), message: z.string() })) }),
  ]),
  architecture: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string().optional(),
        kind: z.string(),
        alsoKinds: z.array(z.string()).optional(),
        role: z.string().optional(),
        instances: z.union([z.number(), z.literal('many')]),
        replicated: z.boolean().optional(),
        planned: z.boolean().optional(),
      }),
    ),
  }),
  findings: z.array(z.object({ rule: z.string(), severity: z.string(), nodes: z.array(z.string()), concept: z.string().optional() })),
});

/** One report per input file, keyed by the file name the CLI echoes; throws a located error. */
export function readGradeOutput(stdout: string, files: readonly string[]): Map<string, GraderReport & { nodeLabels: ReadonlyMap<string, string> }> {
  const out = new Map<string, GraderReport & { nodeLabels: ReadonlyMap<string, string> }>();
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  lines.forEach((line, index) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new Error(`CLI output line ${index + 1}: not JSON (${(err as Error).message}): ${line.slice(0, 120)}`, { cause: err });
    }
    const parsed = ReportLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`CLI output line ${index + 1}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}`);
    }
    const r = parsed.data;
    out.set(r.file, {
      parseOk: r.parse.ok,
      ...(r.parse.ok ? {} : r.parse.errors[0] === undefined ? {} : { firstErrorLine: r.parse.errors[0].line }),
      nodes: r.architecture.nodes,
      findings: r.findings,
      nodeLabels: new Map(r.architecture.nodes.map((n) => [n.id, n.label ?? n.id])),
    });
  });
  const missing = files.filter((f) => !out.has(f));
  if (missing.length > 0) throw new Error(`CLI output has no line for ${missing.length} file(s), first: ${missing[0]}`);
  return out;
}
