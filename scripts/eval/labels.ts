/**
 * The corpus label files (format: tests/corpus/LABELLING.md) and the corpus listing. A bad label
 * file is reported with its file, the field and the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';

export const LABEL_KINDS = [
  'client',
  'dns',
  'cdn',
  'load_balancer',
  'api_gateway',
  'web_server',
  'service',
  'worker',
  'cache',
  'database',
  'object_storage',
  'queue',
  'stream',
  'search',
  'monitoring',
  'external',
  'other',
  'ignore',
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export const DOMAINS = ['microservices', 'three-tier', 'data-pipeline', 'realtime', 'media', 'fintech', 'other'] as const;

export const FEATURE_NAMES = ['loadBalancer', 'cache', 'cdn', 'queue', 'dbReplication'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const LabelsSchema = z
  .strictObject({
    source: z.strictObject({
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be "owner/name"'),
      path: z.string().min(1),
      commit: z.string().regex(/^[0-9a-f]{40}$/, 'must be 40 lower-case hex digits').optional(),
    }),
    domain: z.enum(DOMAINS),
    mermaidValid: z.boolean(),
    errorLine: z.number().int().positive().nullable(),
    nodes: z.record(z.string().min(1), z.enum(LABEL_KINDS)),
    spof: z.array(z.string()),
    spofDisputed: z.array(z.string()),
    features: z.strictObject({
      loadBalancer: z.boolean(),
      cache: z.boolean(),
      cdn: z.boolean(),
      queue: z.boolean(),
      dbReplication: z.boolean(),
    }),
    notes: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    if (l.mermaidValid && l.errorLine !== null) ctx.addIssue({ code: 'custom', path: ['errorLine'], message: 'must be null when mermaidValid is true' });
    if (!l.mermaidValid && l.errorLine === null) ctx.addIssue({ code: 'custom', path: ['errorLine'], message: 'must be the line where Mermaid stops when mermaidValid is false' });
    for (const field of ['spof', 'spofDisputed'] as const) {
      l[field].forEach((id, i) => {
        if (!(id in l.nodes)) ctx.addIssue({ code: 'custom', path: [field, i], message: `"${id}" is not a labelled node` });
        else if (l.nodes[id] === 'ignore') ctx.addIssue({ code: 'custom', path: [field, i], message: `"${id}" is labelled ignore` });
      });
    }
    l.spof.forEach((id, i) => {
      if (l.spofDisputed.includes(id)) ctx.addIssue({ code: 'custom', path: ['spof', i], message: `"${id}" is also in spofDisputed` });
    });
  });

export type Labels = z.infer<typeof LabelsSchema>;

/** A located problem in a labels file. */
export interface LabelError {
  readonly file: string;
  readonly field: string;
  readonly reason: string;
}

export function formatLabelError(e: LabelError): string {
  return `${e.file}: ${e.field}: ${e.reason}`;
}

/** `owner__name__3` → `owner/name` (the file name carries the repository). */
export function repoFromStem(stem: string): string | undefined {
  const m = /^(.+?)__(.+)__\d+$/.exec(stem);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Validates one labels file's text; the stem ties it to its repository. */
export function parseLabels(file: string, text: string): { ok: true; labels: Labels } | { ok: false; errors: LabelError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ file, field: '(file)', reason: `not JSON: ${(err as Error).message}` }] };
  }
  const result = LabelsSchema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ file, field: issue.path.length === 0 ? '(root)' : issue.path.join('.'), reason: issue.message })),
    };
  }
  const stem = basename(file).replace(/\.labels\.json$/, '');
  const fromName = repoFromStem(stem);
  if (fromName === undefined || fromName.toLowerCase() !== result.data.source.repo.toLowerCase()) {
    return { ok: false, errors: [{ file, field: 'source.repo', reason: `"${result.data.source.repo}" does not match the file name (expected <owner>__<name>__<n>)` }] };
  }
  return { ok: true, labels: result.data };
}

export interface CorpusEntry {
  readonly stem: string;
  readonly diagramPath: string;
  readonly labelsPath: string;
}

/**
 * Every `<stem>.labels.json` in the folder with its `<stem>.mmd`, sorted by stem. Diagrams not yet
 * labelled are listed apart: they cannot be scored, and a labels file without its diagram is an error.
 */
export function listCorpus(dir: string): { entries: CorpusEntry[]; errors: LabelError[]; unlabelled: string[] } {
  const names = new Set(readdirSync(dir));
  const entries: CorpusEntry[] = [];
  const errors: LabelError[] = [];
  const unlabelled: string[] = [];
  for (const name of [...names].sort()) {
    if (name.endsWith('.mmd') && !names.has(name.replace(/\.mmd$/, '.labels.json'))) unlabelled.push(join(dir, name));
    if (!name.endsWith('.labels.json')) continue;
    const stem = name.replace(/\.labels\.json$/, '');
    if (!names.has(`${stem}.mmd`)) {
      errors.push({ file: join(dir, name), field: '(file)', reason: `no diagram ${stem}.mmd next to it` });
      continue;
    }
    entries.push({ stem, diagramPath: join(dir, `${stem}.mmd`), labelsPath: join(dir, name) });
  }
  return { entries, errors, unlabelled };
}

/** Reads and validates every labels file of the corpus; all problems are returned, not the first. */
export function loadCorpus(dir: string): { items: Array<CorpusEntry & { labels: Labels }>; errors: LabelError[]; unlabelled: string[] } {
  const { entries, errors, unlabelled } = listCorpus(dir);
  const items: Array<CorpusEntry & { labels: Labels }> = [];
  for (const entry of entries) {
    const parsed = parseLabels(entry.labelsPath, readFileSync(entry.labelsPath, 'utf8'));
    if (parsed.ok) items.push({ ...entry, labels: parsed.labels });
    else errors.push(...parsed.errors);
  }
  return { items, errors, unlabelled };
}
