import { z } from 'zod';
import { DIFFICULTIES, PromptSchema } from '../../prompts/schema';
import { MOCK_LENGTHS_MIN, MOCK_PHASES } from '../../prompts/mockPlan';
import { CATEGORIES, CONCEPT_IDS, RULE_IDS, SEVERITIES } from '../../rubrics/vocabulary';
import type { ApiMethod, API_METHODS, Channel } from './channels';

/**
 * THE IPC contract: for every channel, the zod schema of what the renderer may send and of what
 * main answers. Main validates both directions (electron/ipc/dispatch.ts); the renderer imports
 * this file with `import type` only, to get `SysdrillApi`.
 */

export const ATTEMPT_MODES = ['practice', 'mock'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

/** Upper bound for one draft, in UTF-8 bytes: far above any sensible diagram, far below trouble. */
export const DRAFT_MAX_BYTES = 200 * 1024;

const utf8 = new TextEncoder();

export const PromptIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a prompt id in kebab-case');

export const DraftTextSchema = z
  .string()
  // Cheap bound first (a UTF-16 unit is at least one UTF-8 byte), exact byte count after.
  .max(DRAFT_MAX_BYTES, `a draft may hold at most ${DRAFT_MAX_BYTES / 1024} KB`)
  .refine((text) => utf8.encode(text).byteLength <= DRAFT_MAX_BYTES, {
    message: `a draft may hold at most ${DRAFT_MAX_BYTES / 1024} KB`,
  })
  // SQLite stores text as UTF-8, which has no form for half a UTF-16 pair: it would come back as
  // U+FFFD. Refusing keeps "what was saved is what comes back" exact.
  .superRefine((text, ctx) => {
    const at = loneSurrogateIndex(text);
    if (at !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `the draft contains half of a UTF-16 surrogate pair at character ${at}, which cannot be stored as text; delete that character`,
      });
    }
  });

/** Index of the first UTF-16 surrogate that is not part of a pair, or undefined. */
export function loneSurrogateIndex(text: string): number | undefined {
  const match = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  return match === null ? undefined : match.index;
}

/** A draft revision: 0 for "nothing stored yet", then one more per accepted save. */
export const DraftRevisionSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const PromptSummarySchema = z.strictObject({
  id: PromptIdSchema,
  title: z.string(),
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(z.string()),
  source: z.enum(['builtin', 'user']),
});
export type PromptSummary = z.output<typeof PromptSummarySchema>;

/** A prompt file that could not be loaded; `message` is the full, human-readable line. */
export const PromptLoadErrorSchema = z.strictObject({
  file: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type PromptLoadError = z.output<typeof PromptLoadErrorSchema>;

export const PromptListSchema = z.strictObject({
  prompts: z.array(PromptSummarySchema),
  errors: z.array(PromptLoadErrorSchema),
});
export type PromptList = z.output<typeof PromptListSchema>;

export const DraftKeySchema = z.strictObject({
  promptId: PromptIdSchema,
  mode: z.enum(ATTEMPT_MODES),
});

export const DraftSchema = z.strictObject({
  promptId: PromptIdSchema,
  mode: z.enum(ATTEMPT_MODES),
  text: z.string(),
  updatedAt: z.number().int(),
  revision: DraftRevisionSchema,
});
export type Draft = z.output<typeof DraftSchema>;

export const THEMES = ['system', 'light', 'dark'] as const;

// --- workspace (branch workspace): the practice panes' sizes ---
export const WorkspaceLayoutSchema = z.strictObject({
  /** Width of the brief (prompt) pane, CSS px. */
  briefWidth: z.number().int().min(200).max(1200),
  /** Width of the editor column, CSS px; the preview takes the rest. */
  editorWidth: z.number().int().min(280).max(1600),
  /**
   * `open`: shown beside the editor, folded to its drawer while the candidate draws in a window
   * narrower than 1600 px (one click brings it back until the next edit); `pinned`: always shown;
   * `drawer`: always folded, sliding in on demand.
   */
  brief: z.enum(['open', 'pinned', 'drawer']),
});
export type WorkspaceLayout = z.output<typeof WorkspaceLayoutSchema>;

/** What a practice draft keeps besides its text: the estimates worksheet and how many hints are shown. */
export const DraftExtrasSchema = z.strictObject({
  estimates: z
    .array(
      z.strictObject({
        id: z.string().max(100),
        typed: z.string().max(200),
        /** The candidate checked this answer: its verdict and derivation are shown. */
        committed: z.boolean(),
      }),
    )
    .max(100),
  hintsShown: z.number().int().min(0).max(100),
});
export type DraftExtras = z.output<typeof DraftExtrasSchema>;

export const WORKSPACE_CHANNELS = {
  'drafts:get-extras': { input: DraftKeySchema, output: DraftExtrasSchema.nullable() },
  'drafts:save-extras': { input: DraftKeySchema.extend({ extras: DraftExtrasSchema }), output: z.strictObject({ savedAt: z.number().int() }) },
} as const;
// --- end workspace ---

/** The user-facing settings. Every key has a default, so `settings:get` always returns all. */
export const SettingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  editorFontSize: z.number().int().min(10).max(28),
  /** Whether a mock interview's clock keeps running while Sysdrill is closed (as in a real interview). */
  mockTimeWhileClosed: z.enum(['running', 'paused']),
  /** Absent until the user first resizes or folds a pane (renderer/src/practice/layout.ts has the defaults). */
  workspaceLayout: WorkspaceLayoutSchema.optional(),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', editorFontSize: 14, mockTimeWhileClosed: 'running' };

/** A glossary entry joined with what uses it: the rules that grade it, the prompts that practise it. */
export const GlossaryConceptSchema = z.strictObject({
  id: z.enum(CONCEPT_IDS),
  title: z.string(),
  summary: z.string(),
  explanation: z.string(),
  tradeOffs: z.array(z.string()),
  rules: z.array(z.strictObject({ id: z.enum(RULE_IDS), title: z.string() })),
  prompts: z.array(z.strictObject({ id: PromptIdSchema, title: z.string() })),
});
export type GlossaryConcept = z.output<typeof GlossaryConceptSchema>;

export const GlossaryViewSchema = z.strictObject({ concepts: z.array(GlossaryConceptSchema) });
export type GlossaryView = z.output<typeof GlossaryViewSchema>;

// --- attempts and mock interviews (issue 8) ---

const epochMs = z.number().int().nonnegative();
const MockPhaseSchema = z.enum(MOCK_PHASES);
const AttemptIdSchema = z.number().int().positive();

export const PhaseEventSchema = z.strictObject({
  kind: z.enum(['entered', 'left', 'curveball']),
  phase: MockPhaseSchema,
  at: epochMs,
  elapsedMs: z.number().int().nonnegative(),
  detail: z.string().max(200).optional(),
});

export const AttemptProgressSchema = z.strictObject({
  id: AttemptIdSchema,
  phase: MockPhaseSchema.nullable(),
  clockOffsetMs: z.number().int(),
  lastSeenAt: epochMs,
  deadlineAt: epochMs.nullable(),
  diagram: DraftTextSchema,
  notes: z.partialRecord(MockPhaseSchema, z.string().max(20_000)),
  estimates: z.array(z.strictObject({ id: z.string().max(100), typed: z.string().max(200) })).max(50),
  questions: z.array(z.strictObject({ index: z.number().int().nonnegative().max(100), elapsedMs: z.number().int().nonnegative() })).max(100),
  curveballId: z.string().max(100).nullable(),
  events: z.array(PhaseEventSchema).max(500),
});
export type AttemptProgressInput = z.output<typeof AttemptProgressSchema>;

const FindingSchema = z.strictObject({
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  nodes: z.array(z.string()),
  message: z.string(),
  why: z.string(),
  fix: z.string(),
  concept: z.enum(CONCEPT_IDS),
});

const ScoreSchema = z.strictObject({
  total: z.number().int().min(0).max(100),
  /** What the design serves and how well (rubrics/score.ts): total = coverage × quality, capped. */
  coverage: z.number().int().min(0).max(100),
  quality: z.number().int().min(0).max(100),
  categories: z.partialRecord(z.enum(CATEGORIES), z.number().min(0).max(100)),
  capped: z.boolean(),
  rules: z.array(
    z.strictObject({
      rule: z.enum(RULE_IDS),
      category: z.enum(CATEGORIES),
      weight: z.number().min(0),
      required: z.boolean(),
      score: z.number().min(0).max(1),
    }),
  ),
});

export const CoverageSchema = z.strictObject({
  capabilities: z.array(z.strictObject({ id: z.string(), title: z.string(), met: z.boolean(), nodes: z.array(z.string()) })),
  served: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const AttemptReportSchema = z
  .strictObject({
    outcome: z.enum(['graded', 'no-design', 'unparsable']),
    score: ScoreSchema.optional(),
    findings: z.array(FindingSchema),
    coverage: CoverageSchema.optional(),
    parseErrors: z.array(z.strictObject({ line: z.number().int(), column: z.number().int(), message: z.string() })),
    curveball: z
      .strictObject({
        id: z.string(),
        change: z.string(),
        absorbedWhen: z.string(),
        shownAtMs: z.number().int().nonnegative(),
        absorbed: z.boolean(),
        problems: z.array(z.string()),
      })
      .optional(),
    estimates: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        typed: z.string(),
        value: z.number().optional(),
        expected: z.number(),
        unit: z.string(),
        verdict: z.enum(['on-target', 'order-of-magnitude', 'off', 'unanswered']),
        note: z.string(),
        derivation: z.string(),
      }),
    ),
    questions: z.array(z.strictObject({ question: z.string(), answer: z.string(), askedAtMs: z.number().int().nonnegative().optional() })),
    phases: z.array(z.strictObject({ phase: MockPhaseSchema, title: z.string(), budgetMs: z.number().int().nonnegative(), usedMs: z.number().int().nonnegative() })),
  })
  .refine((r) => (r.outcome === 'graded') === (r.score !== undefined), { message: 'a graded report has a score, and only a graded one', path: ['score'] })
  .refine((r) => r.outcome === 'graded' || r.findings.length === 0, { message: 'only a graded design has findings', path: ['findings'] });
export type AttemptReportOutput = z.output<typeof AttemptReportSchema>;

export const AttemptRecordSchema = z.strictObject({
  id: AttemptIdSchema,
  promptId: PromptIdSchema,
  mode: z.enum(ATTEMPT_MODES),
  status: z.enum(['in_progress', 'submitted', 'abandoned']),
  startedAt: epochMs,
  submittedAt: epochMs.nullable(),
  deadlineAt: epochMs.nullable(),
  promptHash: z.string(),
  graderVersion: z.string(),
  timeLimitMs: z.number().int().positive().nullable(),
  phasePlan: z.array(z.strictObject({ phase: MockPhaseSchema, budgetMs: z.number().int().nonnegative() })),
  phase: MockPhaseSchema.nullable(),
  clockOffsetMs: z.number().int(),
  lastSeenAt: epochMs,
  diagram: z.string(),
  notes: z.partialRecord(MockPhaseSchema, z.string()),
  estimates: z.array(z.strictObject({ id: z.string(), typed: z.string() })),
  questions: z.array(z.strictObject({ index: z.number().int().nonnegative(), elapsedMs: z.number().int().nonnegative() })),
  curveballId: z.string().nullable(),
  events: z.array(PhaseEventSchema),
  outcome: z.enum(['graded', 'no-design', 'unparsable']).nullable(),
  totalScore: z.number().int().nullable(),
  report: AttemptReportSchema.nullable(),
});
export type AttemptView = z.output<typeof AttemptRecordSchema>;

export const AttemptSummarySchema = AttemptRecordSchema.pick({
  id: true,
  promptId: true,
  mode: true,
  status: true,
  startedAt: true,
  submittedAt: true,
  outcome: true,
  totalScore: true,
});
export type AttemptSummary = z.output<typeof AttemptSummarySchema>;

const ATTEMPT_CHANNELS = {
  'attempts:start': {
    input: z.strictObject({
      promptId: PromptIdSchema,
      mode: z.enum(ATTEMPT_MODES),
      /** Mock interviews only: 30, 45 or 60 minutes. */
      lengthMin: z.union(MOCK_LENGTHS_MIN.map((n) => z.literal(n))).nullable(),
      startedAt: epochMs,
    }),
    output: AttemptRecordSchema,
  },
  'attempts:save': { input: AttemptProgressSchema, output: z.strictObject({ savedAt: z.number().int() }) },
  'attempts:submit': {
    input: z.strictObject({ progress: AttemptProgressSchema, submittedAt: epochMs, report: AttemptReportSchema }),
    output: AttemptRecordSchema,
  },
  'attempts:get': { input: z.strictObject({ id: AttemptIdSchema }), output: AttemptRecordSchema },
  'attempts:list': { input: z.strictObject({ promptId: PromptIdSchema }), output: z.array(AttemptSummarySchema) },
  'attempts:in-progress': { input: z.undefined(), output: z.array(AttemptRecordSchema) },
  'attempts:discard': { input: z.strictObject({ id: AttemptIdSchema }), output: z.strictObject({ discarded: z.boolean() }) },
} as const;

// --- end attempts ---

// --- export and import (branch export, issue 9) ---

/** Upper bound for an exported diagram's SVG text: far above any real diagram's drawing. */
export const SVG_EXPORT_MAX_CHARS = 10 * 1024 * 1024;

/** Starts with `<svg` (an XML declaration may come first): only a drawing, never arbitrary text, is saved as .svg. */
const ExportSvgSchema = z
  .string()
  .max(SVG_EXPORT_MAX_CHARS, `an exported drawing may hold at most ${SVG_EXPORT_MAX_CHARS / (1024 * 1024)} MB`)
  .regex(/^(?:<\?xml[^>]*\?>\s*)?<svg[\s>]/, 'expected SVG markup starting with <svg');

/** What a save dialog ended in: nothing written when the user cancelled, else the file written. */
export const SaveOutcomeSchema = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), file: z.string() }),
]);
export type SaveOutcome = z.output<typeof SaveOutcomeSchema>;

export const ImportResultSchema = z.discriminatedUnion('imported', [
  z.strictObject({ imported: z.literal(false) }),
  z.strictObject({
    imported: z.literal(true),
    /** Submitted attempts in the imported data. */
    attempts: z.number().int().nonnegative(),
    /** Where the data from before the import was kept. */
    previousCopy: z.string(),
    /** The imported file's data version when it was older than the app's (it was migrated), else null. */
    migratedFrom: z.number().int().nonnegative().nullable(),
  }),
]);
export type ImportResult = z.output<typeof ImportResultSchema>;

const EXPORT_CHANNELS = {
  // No path crosses the bridge: main asks the user where to save (or what to open) in its own dialog.
  'export:attempt': {
    input: z.discriminatedUnion('format', [
      z.strictObject({ id: AttemptIdSchema, format: z.literal('markdown') }),
      z.strictObject({ id: AttemptIdSchema, format: z.literal('svg'), svg: ExportSvgSchema }),
    ]),
    output: SaveOutcomeSchema,
  },
  'data:export': { input: z.undefined(), output: SaveOutcomeSchema },
  'data:import': { input: z.undefined(), output: ImportResultSchema },
} as const;

// --- end export and import ---
// --- progress and practice next (issue 9, branch progress) ---

const ConceptRefSchema = z.strictObject({ id: z.enum(CONCEPT_IDS), title: z.string() });
const PromptRefSchema = z.strictObject({ id: PromptIdSchema, title: z.string() });
const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/, 'expected a month as YYYY-MM');
const PercentSchema = z.number().min(0).max(100);

export const PracticeNextSchema = z.strictObject({
  /** `first`: no graded attempt yet; `due`: concepts to practise now (due, or last scored below 50); `ahead`: nothing due or weak, the least retrievable. */
  kind: z.enum(['first', 'due', 'ahead']),
  promptId: PromptIdSchema,
  promptTitle: z.string(),
  concepts: z.array(ConceptRefSchema),
  reason: z.string(),
});
export type PracticeNext = z.output<typeof PracticeNextSchema>;

export const ProgressViewSchema = z.strictObject({
  graded: z.number().int().nonnegative(),
  /** Every month with a graded attempt, oldest first (the charts' x axis). */
  months: z.array(MonthSchema),
  prompts: z.array(PromptRefSchema.extend({ points: z.array(z.strictObject({ month: MonthSchema, score: PercentSchema, attempts: z.number().int().positive() })) })),
  categories: z.array(z.strictObject({ category: z.enum(CATEGORIES), points: z.array(z.strictObject({ month: MonthSchema, score: PercentSchema })) })),
  /** Weakest first. */
  concepts: z.array(
    ConceptRefSchema.extend({
      level: PercentSchema,
      trend: z.number().min(-100).max(100).nullable(),
      /** The latest scores, oldest first (at most ten). */
      recent: z.array(PercentSchema),
      prompts: z.array(PromptRefSchema),
    }),
  ),
  streakDays: z.number().int().nonnegative(),
  practisedToday: z.boolean(),
  week: z.strictObject({ attempts: z.number().int().nonnegative(), minutes: z.number().int().nonnegative() }),
});
export type ProgressView = z.output<typeof ProgressViewSchema>;

const PROGRESS_CHANNELS = {
  'progress:practice-next': { input: z.undefined(), output: z.strictObject({ suggestion: PracticeNextSchema.nullable() }) },
  'progress:get': { input: z.undefined(), output: ProgressViewSchema },
} as const;

// --- end progress ---
// --- history (issue 9, branch history) ---

/** Filters of the History screen; every one optional. Dates are epoch ms, `to` exclusive. */
export const HistoryFilterSchema = z
  .strictObject({
    promptId: PromptIdSchema.optional(),
    mode: z.enum(ATTEMPT_MODES).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    minScore: z.number().int().min(0).max(100).optional(),
    maxScore: z.number().int().min(0).max(100).optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, { message: 'the start date must be before the end date', path: ['to'] })
  .refine((f) => f.minScore === undefined || f.maxScore === undefined || f.minScore <= f.maxScore, {
    message: 'the lowest score must not be above the highest',
    path: ['maxScore'],
  });
export type HistoryFilterInput = z.output<typeof HistoryFilterSchema>;

/** The last row of the page before: keyset paging, (submittedAt, id) strictly below it. */
export const HistoryCursorSchema = z.strictObject({ submittedAt: epochMs, id: AttemptIdSchema });

export const HistoryRowSchema = z.strictObject({
  id: AttemptIdSchema,
  promptId: PromptIdSchema,
  promptTitle: z.string(),
  mode: z.enum(ATTEMPT_MODES),
  startedAt: epochMs,
  submittedAt: epochMs,
  totalScore: z.number().int().min(0).max(100).nullable(),
  graderVersion: z.string(),
  criticalFindings: z.number().int().nonnegative(),
});
export type HistoryRowView = z.output<typeof HistoryRowSchema>;

export const PromptStatsSchema = z.strictObject({
  promptId: PromptIdSchema,
  attempts: z.number().int().positive(),
  bestScore: z.number().int().min(0).max(100).nullable(),
  lastSubmittedAt: epochMs,
});
export type PromptStatsView = z.output<typeof PromptStatsSchema>;

const HISTORY_CHANNELS = {
  'history:page': {
    input: z.strictObject({ filter: HistoryFilterSchema, cursor: HistoryCursorSchema.nullable(), limit: z.number().int().min(1).max(100).optional() }),
    output: z.strictObject({ rows: z.array(HistoryRowSchema), next: HistoryCursorSchema.nullable() }),
  },
  'history:prompt-stats': { input: z.undefined(), output: z.array(PromptStatsSchema) },
} as const;

// --- end history ---

const NoInput = z.undefined();

export const CONTRACT = {
  'prompts:list': { input: NoInput, output: PromptListSchema },
  'prompts:get': { input: z.strictObject({ id: PromptIdSchema }), output: PromptSchema },
  'drafts:get': { input: DraftKeySchema, output: DraftSchema.nullable() },
  'drafts:save': {
    // baseRevision: the revision the text was edited from; a save based on an older revision than
    // the stored one is refused with `conflict`, so a late or stale save never undoes a newer one.
    input: DraftKeySchema.extend({ text: DraftTextSchema, baseRevision: DraftRevisionSchema }),
    output: z.strictObject({ savedAt: z.number().int(), revision: DraftRevisionSchema }),
  },
  'settings:get': { input: NoInput, output: SettingsSchema },
  'settings:set': { input: SettingsSchema.partial(), output: SettingsSchema },
  'glossary:get': { input: NoInput, output: GlossaryViewSchema },
  ...ATTEMPT_CHANNELS,
  ...EXPORT_CHANNELS,
  ...PROGRESS_CHANNELS,
  ...HISTORY_CHANNELS,
  ...WORKSPACE_CHANNELS,
} as const satisfies Record<Channel, { readonly input: z.ZodType; readonly output: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const IPC_ERROR_CODES = ['validation', 'not_found', 'forbidden', 'conflict', 'internal'] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** One failed check of an input: where (dotted path, empty for the whole payload) and what. */
export interface IpcIssue {
  readonly path: string;
  readonly message: string;
}

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
  readonly issues?: readonly IpcIssue[];
}

/** Every channel answers with this envelope; nothing crosses the bridge as a thrown error. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

type ApiFunction<C extends Channel> = [ChannelInput<C>] extends [undefined]
  ? () => Promise<IpcResult<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** `window.api`: one named async function per channel (see channels.ts for the names). */
export type SysdrillApi = { readonly [M in ApiMethod]: ApiFunction<(typeof API_METHODS)[M]> };
