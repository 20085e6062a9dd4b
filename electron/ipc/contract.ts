import { z } from 'zod';
import { DIFFICULTIES, PromptSchema } from '../../prompts/schema';
import { CONCEPT_IDS, RULE_IDS } from '../../rubrics/vocabulary';
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
  });

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
});
export type Draft = z.output<typeof DraftSchema>;

export const THEMES = ['system', 'light', 'dark'] as const;

/** The user-facing settings. Every key has a default, so `settings:get` always returns all. */
export const SettingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  editorFontSize: z.number().int().min(10).max(28),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', editorFontSize: 14 };

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

const NoInput = z.undefined();

export const CONTRACT = {
  'prompts:list': { input: NoInput, output: PromptListSchema },
  'prompts:get': { input: z.strictObject({ id: PromptIdSchema }), output: PromptSchema },
  'drafts:get': { input: DraftKeySchema, output: DraftSchema.nullable() },
  'drafts:save': {
    input: DraftKeySchema.extend({ text: DraftTextSchema }),
    output: z.strictObject({ savedAt: z.number().int() }),
  },
  'settings:get': { input: NoInput, output: SettingsSchema },
  'settings:set': { input: SettingsSchema.partial(), output: SettingsSchema },
  'glossary:get': { input: NoInput, output: GlossaryViewSchema },
} as const satisfies Record<Channel, { readonly input: z.ZodType; readonly output: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const IPC_ERROR_CODES = ['validation', 'not_found', 'forbidden', 'internal'] as const;
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
