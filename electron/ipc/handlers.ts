import { conceptLinks } from '../../prompts/glossary';
import { loadGlossary } from '../../prompts/node/glossary';
import { createPromptLibraryLoader } from '../../prompts/node/load';
import type { PromptFileError } from '../../prompts/errors';
import { RULE_CONCEPTS } from '../../rubrics/rules/index';
import { RULE_TITLES, type RuleId } from '../../rubrics/vocabulary';
import { createDraftsRepo, type DraftsRepo } from '../db/drafts';
import { createSettingsRepo, type SettingsRepo } from '../db/settings';
import type { Db, EpochMs } from '../db/types';
import type { Channel } from './channels';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type ChannelOutput,
  type Contract,
  type GlossaryView,
  type IpcResult,
  type PromptLoadError,
  type Settings,
} from './contract';
import { fail, ok } from './result';
import type { z } from 'zod';

/**
 * The main-process side of every channel, as plain functions of a context: no Electron here,
 * so unit tests and the e2e harness run exactly this code against a real SQLite file.
 */

export interface Clock {
  now(): EpochMs;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface HandlerContext {
  readonly db: Db;
  /** Folder of the built-in prompt files. */
  readonly promptsDir: string;
  /** The user's own prompt files (`<userData>/prompts`); may not exist. */
  readonly userPromptsDir?: string;
  /** The concept glossary (`prompts/glossary.yaml` from source, `<resources>/glossary.yaml` packaged). */
  readonly glossaryFile: string;
  readonly clock: Clock;
}

export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: z.output<Contract[C]['input']>,
) => IpcResult<ChannelOutput<C>> | Promise<IpcResult<ChannelOutput<C>>>;

interface Repos {
  readonly drafts: DraftsRepo;
  readonly settings: SettingsRepo;
}

const reposByDb = new WeakMap<Db, Repos>();

/** Prepared statements are made once per connection, not once per call. */
function repos(db: Db): Repos {
  let found = reposByDb.get(db);
  if (found === undefined) {
    found = { drafts: createDraftsRepo(db), settings: createSettingsRepo(db) };
    reposByDb.set(db, found);
  }
  return found;
}

const libraryLoaders = new WeakMap<HandlerContext, ReturnType<typeof createPromptLibraryLoader>>();

/** The prompt library, parsed again only when a prompt file changed (every screen asks for it). */
function loadLibrary(ctx: HandlerContext) {
  let load = libraryLoaders.get(ctx);
  if (load === undefined) {
    load = createPromptLibraryLoader();
    libraryLoaders.set(ctx, load);
  }
  return load(
    ctx.userPromptsDir === undefined ? { builtinDir: ctx.promptsDir } : { builtinDir: ctx.promptsDir, userDir: ctx.userPromptsDir },
  );
}

function toLoadError(error: PromptFileError): PromptLoadError {
  return {
    file: error.file,
    message: error.message,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
  };
}

const SETTING_KEYS = Object.keys(SettingsSchema.shape) as readonly (keyof Settings)[];

/** Stored values are re-validated: one corrupt or outdated value falls back to its default only. */
function readSettings(repo: SettingsRepo): Settings {
  const entries = SETTING_KEYS.map((key) => {
    const parsed = SettingsSchema.shape[key].safeParse(repo.get(key));
    return [key, parsed.success ? parsed.data : DEFAULT_SETTINGS[key]] as const;
  });
  return { ...DEFAULT_SETTINGS, ...Object.fromEntries(entries) };
}

function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULE_TITLES, id);
}

/** The glossary joined with the prompt library (built-in and the user's own) and the grader's rules. */
function glossaryView(ctx: HandlerContext): IpcResult<GlossaryView> {
  const loaded = loadGlossary(ctx.glossaryFile);
  if (!loaded.ok) {
    return fail(
      'internal',
      `The concept glossary (${ctx.glossaryFile}) could not be loaded.`,
      loaded.errors.map((error) => ({ path: '', message: error.message })),
    );
  }
  const prompts = loadLibrary(ctx).prompts;
  const titles = new Map(prompts.map((p) => [p.id, p.title]));
  return ok({
    concepts: conceptLinks(loaded.glossary, prompts, RULE_CONCEPTS).map(({ entry, promptIds, ruleIds }) => ({
      id: entry.id,
      title: entry.title,
      summary: entry.summary,
      explanation: entry.explanation,
      tradeOffs: [...entry.tradeOffs],
      rules: ruleIds.filter(isRuleId).map((id) => ({ id, title: RULE_TITLES[id] })),
      prompts: promptIds.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
  });
}

export const HANDLERS: { readonly [C in Channel]: Handler<C> } = {
  'prompts:list': (ctx) => {
    const library = loadLibrary(ctx);
    const userIds = new Set(library.userPromptIds);
    return ok({
      prompts: library.prompts.map((p) => ({
        id: p.id,
        title: p.title,
        difficulty: p.difficulty,
        tags: [...p.tags],
        source: userIds.has(p.id) ? ('user' as const) : ('builtin' as const),
      })),
      errors: library.errors.map(toLoadError),
    });
  },

  'prompts:get': (ctx, { id }) => {
    const prompt = loadLibrary(ctx).prompts.find((p) => p.id === id);
    return prompt === undefined ? fail('not_found', `There is no prompt with id "${id}".`) : ok(prompt);
  },

  'drafts:get': (ctx, { promptId, mode }) => ok(repos(ctx.db).drafts.get(promptId, mode)),

  'drafts:save': (ctx, { promptId, mode, text }) => {
    const savedAt = ctx.clock.now();
    repos(ctx.db).drafts.save({ promptId, mode, text, updatedAt: savedAt });
    return ok({ savedAt });
  },

  'settings:get': (ctx) => ok(readSettings(repos(ctx.db).settings)),

  'settings:set': (ctx, patch) => {
    const { settings } = repos(ctx.db);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) settings.set(key, value, now);
      }
    })();
    return ok(readSettings(settings));
  },

  'glossary:get': (ctx) => glossaryView(ctx),
};
