import { z } from 'zod';
import { EntitySchema, RubricSchema } from '../rubrics/params';
import { CONCEPT_IDS, RULE_IDS } from '../rubrics/vocabulary';

/**
 * The shape of one interview prompt file (`prompts/data/<id>.yaml`, or a user's own file).
 * Every object is strict so a misspelt field is reported instead of silently ignored.
 * The grading parameters (`rubric`, `entities`) are the lead's schemas from rubrics/params.ts,
 * so a parsed prompt can be handed to the grader as it is.
 */

const text = z.string().trim().min(1);
const kebabCase = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case (e.g. url-shortener)');
const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1);

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

export const RequirementsSchema = z.strictObject({
  functional: nonEmptyList(text),
  nonFunctional: nonEmptyList(text),
});

export const ClarifyingQuestionSchema = z.strictObject({
  question: text,
  answer: text,
});

/** A size the candidate should know, e.g. "photo: 2 MB" or "ledger row: 200 B". */
export const DataSizeSchema = z.strictObject({
  item: text,
  value: z.number().positive(),
  unit: z.enum(BYTE_UNITS),
  note: text.optional(),
});

export const LatencyTargetSchema = z.strictObject({
  operation: text,
  p99Ms: z.number().positive(),
});

export const ScaleSchema = z.strictObject({
  /** Daily active users; 0 for back-end systems without end users (e.g. a crawler). */
  dau: z.number().int().nonnegative(),
  peakReadsPerSecond: z.number().nonnegative(),
  peakWritesPerSecond: z.number().nonnegative(),
  /** Written the way interviewers say it: "100:1" (reads per write). */
  readWriteRatio: z.string().regex(/^\d+(\.\d+)?:\d+(\.\d+)?$/, 'expected a ratio such as 100:1'),
  dataSizes: nonEmptyList(DataSizeSchema),
  latencyTargets: nonEmptyList(LatencyTargetSchema),
  availabilityPercent: z.number().min(90).max(100),
});

/** A capacity estimate the candidate should reach, accepted within ±tolerance (relative). */
export const EstimateSchema = z.strictObject({
  id: kebabCase,
  label: text,
  value: z.number().positive(),
  unit: text,
  /** Relative tolerance: 0.5 accepts anything within ±50 % of `value`. */
  tolerance: z.number().positive().max(10),
  derivation: text,
});

export const DesignSchema = z.strictObject({
  mermaid: text,
  rationale: text,
});

/** One mistake a naive design makes on purpose; the grader must find exactly these. */
export const NaiveMistakeSchema = z.strictObject({
  rule: z.enum(RULE_IDS),
  /** Diagram node ids the finding should point at (a subset of the finding's nodes). */
  nodes: z.array(z.string().min(1)).optional(),
  note: text,
});

export const NaiveDesignSchema = z.strictObject({
  mermaid: text,
  rationale: text,
  mistakes: nonEmptyList(NaiveMistakeSchema),
});

/** Reports every repeated value of `key` in `items` at the later item's path. */
const requireUnique =
  <T>(field: string, key: (item: T) => string) =>
  (items: readonly T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) {
        ctx.addIssue({ code: 'custom', path: [index, field], message: `duplicate ${field} "${value}"` });
      }
      seen.add(value);
    });
  };

export const PromptSchema = z.strictObject({
  id: kebabCase,
  title: text,
  difficulty: z.enum(DIFFICULTIES),
  tags: nonEmptyList(kebabCase),
  scenario: text,
  requirements: RequirementsSchema,
  clarifyingQuestions: nonEmptyList(ClarifyingQuestionSchema),
  scale: ScaleSchema,
  estimates: nonEmptyList(EstimateSchema).superRefine(requireUnique('id', (e) => e.id)),
  entities: nonEmptyList(EntitySchema).superRefine(requireUnique('id', (e) => e.id)),
  rubric: RubricSchema,
  hints: nonEmptyList(text),
  reference: DesignSchema,
  naive: NaiveDesignSchema,
  concepts: nonEmptyList(z.enum(CONCEPT_IDS)).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate concept "${id}"` });
      seen.add(id);
    });
  }),
});

export type Prompt = z.output<typeof PromptSchema>;
export type Estimate = z.output<typeof EstimateSchema>;
export type Scale = z.output<typeof ScaleSchema>;
export type NaiveMistake = z.output<typeof NaiveMistakeSchema>;
export type Design = z.output<typeof DesignSchema>;
export type NaiveDesign = z.output<typeof NaiveDesignSchema>;
export type ClarifyingQuestion = z.output<typeof ClarifyingQuestionSchema>;
