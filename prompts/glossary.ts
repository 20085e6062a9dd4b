import { z } from 'zod';
import { CONCEPT_IDS, type ConceptId } from '../rubrics/vocabulary';
import type { PromptFileError } from './errors';
import type { Prompt } from './schema';
import { readYaml, validate } from './yamlFile';

/**
 * The concept glossary (`prompts/glossary.yaml`): one entry per id in CONCEPT_IDS. Which prompts
 * and rules use a concept is derived (`conceptLinks`), never written by hand in the glossary.
 */

const text = z.string().trim().min(1);

export const GlossaryEntrySchema = z.strictObject({
  id: z.enum(CONCEPT_IDS),
  title: text,
  /** One line, shown in lists and tooltips. */
  summary: text,
  explanation: text,
  tradeOffs: z.array(text).min(1),
});

export const GlossarySchema = z.strictObject({
  concepts: z.array(GlossaryEntrySchema).superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate concept "${entry.id}"` });
      seen.add(entry.id);
    });
    for (const id of CONCEPT_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: [], message: `no entry for concept "${id}"` });
    }
  }),
});

export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;
export type Glossary = z.output<typeof GlossarySchema>;

export type GlossaryParseResult =
  | { readonly ok: true; readonly glossary: Glossary }
  | { readonly ok: false; readonly errors: readonly PromptFileError[] };

export function parseGlossaryFile(file: string, source: string): GlossaryParseResult {
  const read = readYaml(file, source);
  if (!read.ok) return read;
  const validated = validate(read.value, GlossarySchema);
  return validated.ok ? { ok: true, glossary: validated.value } : validated;
}

/** A concept with the prompts and rules that exercise it, for the glossary screen. */
export interface ConceptLinks {
  readonly entry: GlossaryEntry;
  /** Ids of prompts whose `concepts` list it, in the order given. */
  readonly promptIds: readonly string[];
  /** Ids of rules that cite it, in the order given. */
  readonly ruleIds: readonly string[];
}

/**
 * Joins the glossary with the prompts (prompt → concepts) and with the grader's rule → concepts
 * table (passed in, so this module does not depend on the grader).
 */
export function conceptLinks(
  glossary: Glossary,
  prompts: readonly Pick<Prompt, 'id' | 'concepts'>[],
  ruleConcepts: Readonly<Partial<Record<string, readonly ConceptId[]>>> = {},
): readonly ConceptLinks[] {
  return glossary.concepts.map((entry) => ({
    entry,
    promptIds: prompts.filter((p) => p.concepts.includes(entry.id)).map((p) => p.id),
    ruleIds: Object.entries(ruleConcepts)
      .filter(([, concepts]) => concepts?.includes(entry.id) ?? false)
      .map(([rule]) => rule),
  }));
}

/** Concepts no prompt exercises - the glossary test requires this to be empty. */
export function unusedConcepts(glossary: Glossary, prompts: readonly Pick<Prompt, 'concepts'>[]): readonly ConceptId[] {
  const used = new Set(prompts.flatMap((p) => p.concepts));
  return glossary.concepts.map((e) => e.id).filter((id) => !used.has(id));
}

