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

/** Rubric features a curveball can make stronger, with the rule that grades each. */
export const CURVEBALL_FEATURES = ['caching', 'cdn', 'objectStorage', 'async', 'sharding', 'replication'] as const;
export type CurveballFeature = (typeof CURVEBALL_FEATURES)[number];
const RAISED_NEEDS = ['recommended', 'required'] as const;

/**
 * A requirement change announced during the deep dive of a mock interview. `at` is the fraction
 * of the interview's time at which it appears (about two thirds in). `rubric` says what the change
 * implies for grading: rules that become required, needs that are raised, and whether the
 * replication must now span regions.
 */
export const CurveballSchema = z.strictObject({
  id: kebabCase,
  at: z.number().min(0.4).max(0.9),
  change: text,
  rubric: z
    .strictObject({
      require: z.array(z.enum(RULE_IDS)).default([]),
      raise: z.partialRecord(z.enum(CURVEBALL_FEATURES), z.enum(RAISED_NEEDS)).default({}),
      multiRegion: z.literal(true).optional(),
    })
    .refine((r) => r.require.length > 0 || Object.keys(r.raise).length > 0 || r.multiRegion === true, {
      message: 'a curveball must change the rubric: list rules under require, needs under raise, or set multiRegion',
    }),
  absorbed: text,
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
  /** Optional for a user's own prompt; every built-in prompt has at least one (tested). */
  curveballs: nonEmptyList(CurveballSchema).superRefine(requireUnique('id', (c) => c.id)).optional(),
  reference: DesignSchema,
  naive: NaiveDesignSchema,
  concepts: nonEmptyList(z.enum(CONCEPT_IDS)).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate concept "${id}"` });
      seen.add(id);
    });
  }),
}).superRefine(checkCurveballs);

const NEED_ORDER = ['none', 'recommended', 'required'] as const;

/** A curveball may only require rules the rubric grades, and may only raise a need. */
function checkCurveballs(prompt: { rubric: z.output<typeof RubricSchema>; curveballs?: readonly z.output<typeof CurveballSchema>[] | undefined }, ctx: z.RefinementCtx): void {
  (prompt.curveballs ?? []).forEach((curveball, index) => {
    curveball.rubric.require.forEach((rule, ruleIndex) => {
      if (prompt.rubric.rules[rule] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['curveballs', index, 'rubric', 'require', ruleIndex],
          message: `rule "${rule}" is not in this prompt's rubric.rules; add it there (with its weight) before a curveball can require it`,
        });
      }
    });
    for (const [feature, need] of Object.entries(curveball.rubric.raise)) {
      const current = feature === 'async' || feature === 'sharding' || feature === 'replication' ? prompt.rubric[feature].need : prompt.rubric[feature as 'caching' | 'cdn' | 'objectStorage'];
      if (need !== undefined && NEED_ORDER.indexOf(need) <= NEED_ORDER.indexOf(current)) {
        ctx.addIssue({
          code: 'custom',
          path: ['curveballs', index, 'rubric', 'raise', feature],
          message: `${feature} is already "${current}" in the rubric; a curveball can only raise a need (to ${NEED_ORDER.slice(NEED_ORDER.indexOf(current) + 1).join(' or ') || 'nothing higher'})`,
        });
      }
    }
  });
}

export type Prompt = z.output<typeof PromptSchema>;
export type Estimate = z.output<typeof EstimateSchema>;
export type Scale = z.output<typeof ScaleSchema>;
export type NaiveMistake = z.output<typeof NaiveMistakeSchema>;
export type Design = z.output<typeof DesignSchema>;
export type NaiveDesign = z.output<typeof NaiveDesignSchema>;
export type Curveball = z.output<typeof CurveballSchema>;
export type ClarifyingQuestion = z.output<typeof ClarifyingQuestionSchema>;
