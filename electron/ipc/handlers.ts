import { conceptLinks } from '../../prompts/glossary';
import { loadGlossary } from '../../prompts/node/glossary';
import { createPromptLibraryLoader } from '../../prompts/node/load';
import type { PromptFileError } from '../../prompts/errors';
import { RULE_CONCEPTS } from '../../rubrics/rules/index';
import { RULE_TITLES, type RuleId } from '../../rubrics/vocabulary';
import { createHash } from 'node:crypto';
import { isEmptyDesign } from '../../prompts/mockReport';
import { phasePlan } from '../../prompts/mockPlan';
import { GRADER_VERSION } from '../../rubrics/version';
import { createAttemptsRepo, resultRows, type AttemptId, type AttemptRecord, type AttemptsRepo } from '../db/attempts';
import { createHistoryRepo, type HistoryRepo } from '../db/history';
import { createDraftsRepo, DRAFTS_TOTAL_MAX_BYTES, type DraftsRepo } from '../db/drafts';
import { createSettingsRepo, type SettingsRepo } from '../db/settings';
import { createDraftExtrasRepo, type DraftExtrasRepo } from '../db/draftExtras';
import type { Db, EpochMs } from '../db/types';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attemptMarkdown } from '../../prompts/attemptMarkdown';
import type { DriverOptions } from '../db/backup';
import type { DataStore } from '../db/store';
import { exportDatabase, importDatabase } from '../db/transfer';
import type { Channel } from './channels';
import type { FileDialogs } from './fileDialogs';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  DraftExtrasSchema,
  type ChannelOutput,
  type Contract,
  type GlossaryView,
  type IpcResult,
  type PromptLoadError,
  type Settings,
} from './contract';
import { fail, ok } from './result';
import { createProgressRepo, type ProgressRepo } from '../db/progress';
import { practiceNext, progressView, type ProgressContext } from '../progress';
import type { ConceptId } from '../../rubrics/vocabulary';
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
  /** Save and open dialogs: the only source of the paths exports write and imports read. */
  readonly dialogs?: FileDialogs;
  /** The swappable live database (its `db` is this context's `db`) and where an import keeps the data it replaces. */
  readonly data?: { readonly store: DataStore; readonly keepDir: string; readonly driver?: DriverOptions };
}

export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: z.output<Contract[C]['input']>,
) => IpcResult<ChannelOutput<C>> | Promise<IpcResult<ChannelOutput<C>>>;

interface Repos {
  readonly drafts: DraftsRepo;
  readonly settings: SettingsRepo;
  readonly attempts: AttemptsRepo;
  readonly history: HistoryRepo;
  readonly draftExtras: DraftExtrasRepo;
}

const reposByDb = new WeakMap<Db, Repos>();

/** Prepared statements are made once per connection, not once per call. */
function repos(db: Db): Repos {
  let found = reposByDb.get(db);
  if (found === undefined) {
    found = {
      drafts: createDraftsRepo(db),
      settings: createSettingsRepo(db),
      attempts: createAttemptsRepo(db),
      history: createHistoryRepo(db),
      draftExtras: createDraftExtrasRepo(db),
    };
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
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

// --- attempts and mock interviews (issue 8) ---

/** The prompt's content as the grader sees it, hashed: a report is reproducible from the same content. */
export function promptContentHash(prompt: unknown): string {
  return createHash('sha256').update(JSON.stringify(prompt)).digest('hex');
}

function attemptView(record: AttemptRecord): ChannelOutput<'attempts:get'> {
  return {
    ...record,
    phasePlan: [...record.phasePlan],
    notes: { ...record.notes },
    estimates: [...record.estimates],
    questions: [...record.questions],
    events: [...record.events],
    // Validated against AttemptReportSchema before it was stored, and again by dispatch on the way out.
    report: record.report as ChannelOutput<'attempts:get'>['report'],
  };
}

function notInProgress(repo: AttemptsRepo, id: number): IpcResult<never> {
  const found = repo.get(id as AttemptId);
  return found === null
    ? fail('not_found', `There is no attempt ${id}.`)
    : fail('validation', `Attempt ${id} is ${found.status === 'submitted' ? 'already submitted' : 'discarded'}; it can no longer change.`);
}

const ATTEMPT_HANDLERS: { readonly [C in Extract<Channel, `attempts:${string}`>]: Handler<C> } = {
  'attempts:start': (ctx, { promptId, mode, lengthMin, startedAt }) => {
    const prompt = loadLibrary(ctx).prompts.find((p) => p.id === promptId);
    if (prompt === undefined) return fail('not_found', `There is no prompt with id "${promptId}".`);
    if ((mode === 'mock') !== (lengthMin !== null)) {
      return fail('validation', 'A mock interview needs a length (30, 45 or 60 minutes) and a practice attempt has none.', [{ path: 'lengthMin', message: 'expected a length for a mock and null for practice' }]);
    }
    const { attempts } = repos(ctx.db);
    const id = attempts.start({
      promptId,
      mode,
      startedAt,
      promptHash: promptContentHash(prompt),
      graderVersion: GRADER_VERSION,
      timeLimitMs: lengthMin === null ? null : lengthMin * 60_000,
      phasePlan: lengthMin === null ? [] : phasePlan(lengthMin).map(({ phase, budgetMs }) => ({ phase, budgetMs })),
      phase: lengthMin === null ? null : 'requirements',
    });
    const record = attempts.get(id);
    return record === null ? fail('internal', 'The attempt was not stored.') : ok(attemptView(record));
  },

  'attempts:save': (ctx, progress) => {
    const { attempts } = repos(ctx.db);
    if (!attempts.saveProgress({ ...progress, id: progress.id as AttemptId })) return notInProgress(attempts, progress.id);
    return ok({ savedAt: ctx.clock.now() });
  },

  'attempts:submit': (ctx, { progress, submittedAt, report }) => {
    const { attempts } = repos(ctx.db);
    const stored = attempts.get(progress.id as AttemptId);
    if (stored === null || stored.status !== 'in_progress') return notInProgress(attempts, progress.id);
    if (submittedAt < stored.startedAt) {
      return fail('validation', 'An attempt cannot be submitted before it started.', [{ path: 'submittedAt', message: 'earlier than the start of the attempt' }]);
    }
    // "No design submitted" is decided here too: an empty diagram is never stored as a graded design.
    if (isEmptyDesign(progress.diagram) !== (report.outcome === 'no-design')) {
      return fail('validation', 'An empty diagram is recorded as "no design submitted", and only an empty one.', [{ path: 'report.outcome', message: `does not match the diagram (${report.outcome})` }]);
    }
    const prompt = loadLibrary(ctx).prompts.find((p) => p.id === stored.promptId);
    const rows = resultRows(report, prompt?.concepts ?? []);
    attempts.submit({ progress: { ...progress, id: progress.id as AttemptId }, submittedAt, report, ...rows });
    const record = attempts.get(progress.id as AttemptId);
    return record === null ? fail('internal', 'The attempt was not stored.') : ok(attemptView(record));
  },

  'attempts:get': (ctx, { id }) => {
    const record = repos(ctx.db).attempts.get(id as AttemptId);
    return record === null ? fail('not_found', `There is no attempt ${id}.`) : ok(attemptView(record));
  },

  'attempts:list': (ctx, { promptId }) =>
    ok(
      repos(ctx.db)
        .attempts.listForPrompt(promptId)
        .filter((a) => a.status === 'submitted')
        .map(({ id, promptId: p, mode, status, startedAt, submittedAt, outcome, totalScore }) => ({ id, promptId: p, mode, status, startedAt, submittedAt, outcome, totalScore })),
    ),

  'attempts:in-progress': (ctx) => ok(repos(ctx.db).attempts.inProgress().filter((a) => a.mode === 'mock').map(attemptView)),

  'attempts:discard': (ctx, { id }) => ok({ discarded: repos(ctx.db).attempts.abandon(id as AttemptId) }),
};

// --- end attempts ---

// --- export and import (branch export, issue 9) ---

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Asks for a path, then writes `content` there and nowhere else; cancelling writes nothing. */
async function saveText(ctx: HandlerContext, request: Parameters<FileDialogs['chooseSavePath']>[0], content: string): Promise<IpcResult<ChannelOutput<'export:attempt'>>> {
  if (ctx.dialogs === undefined) return fail('internal', 'Saving files is not available here.');
  const file = await ctx.dialogs.chooseSavePath(request);
  if (file === undefined) return ok({ saved: false });
  try {
    writeFileSync(file, content, 'utf8');
  } catch (error) {
    return fail('internal', `${file} could not be written: ${reason(error)}.`);
  }
  return ok({ saved: true, file });
}

const EXPORT_HANDLERS: { readonly [C in 'export:attempt' | 'data:export' | 'data:import']: Handler<C> } = {
  'export:attempt': async (ctx, input) => {
    const record = repos(ctx.db).attempts.get(input.id as AttemptId);
    if (record === null) return fail('not_found', `There is no attempt ${input.id}.`);
    if (record.status !== 'submitted' || record.report === null) return fail('validation', `Attempt ${input.id} has not been submitted, so there is no report to export yet.`);
    const baseName = `${record.promptId}-attempt-${record.id}`;
    if (input.format === 'svg') {
      return saveText(ctx, { title: 'Export the diagram as SVG', defaultName: `${baseName}.svg`, filters: [{ name: 'SVG image', extensions: ['svg'] }] }, input.svg);
    }
    const prompt = loadLibrary(ctx).prompts.find((p) => p.id === record.promptId);
    const view = attemptView(record);
    const markdown = attemptMarkdown({ ...view, promptTitle: prompt?.title ?? record.promptId, report: view.report });
    return saveText(ctx, { title: 'Export the attempt as Markdown', defaultName: `${baseName}.md`, filters: [{ name: 'Markdown', extensions: ['md'] }] }, markdown);
  },

  'data:export': async (ctx) => {
    if (ctx.dialogs === undefined || ctx.data === undefined) return fail('internal', 'Exporting data is not available here.');
    const file = await ctx.dialogs.chooseSavePath({
      title: 'Export all Sysdrill data',
      defaultName: `sysdrill-data-${isoDay(ctx.clock.now())}.db`,
      filters: [{ name: 'Sysdrill data (SQLite)', extensions: ['db'] }],
    });
    if (file === undefined) return ok({ saved: false });
    if (resolve(file) === resolve(ctx.data.store.file)) {
      return fail('validation', `${file} is Sysdrill's live database itself; choose another file to export to.`);
    }
    try {
      await exportDatabase(ctx.db, file, ctx.data.driver);
    } catch (error) {
      return fail('internal', `Your data could not be exported to ${file}: ${reason(error)}.`);
    }
    return ok({ saved: true, file });
  },

  'data:import': async (ctx) => {
    if (ctx.dialogs === undefined || ctx.data === undefined) return fail('internal', 'Importing data is not available here.');
    const file = await ctx.dialogs.chooseOpenPath({
      title: 'Import Sysdrill data',
      filters: [
        { name: 'Sysdrill data (SQLite)', extensions: ['db', 'sqlite', 'sqlite3'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (file === undefined) return ok({ imported: false });
    const outcome = await importDatabase(ctx.data.store, file, { ...ctx.data.driver, keepDir: ctx.data.keepDir, now: ctx.clock.now() });
    if (!outcome.ok) return fail('validation', outcome.reason);
    return ok({ imported: true, attempts: outcome.attempts, previousCopy: outcome.previousCopy, migratedFrom: outcome.migratedFrom });
  },
};

// --- end export and import ---
// --- progress and practice next (issue 9, branch progress) ---

const progressRepos = new WeakMap<Db, ProgressRepo>();
const conceptTitlesByFile = new Map<string, Partial<Record<ConceptId, string>>>();

/** Concept titles from the glossary; ids stand in if it cannot be read (the figures still show). */
function conceptTitles(file: string): Partial<Record<ConceptId, string>> {
  let titles = conceptTitlesByFile.get(file);
  if (titles === undefined) {
    const loaded = loadGlossary(file);
    titles = loaded.ok ? Object.fromEntries(loaded.glossary.concepts.map((c) => [c.id, c.title])) : {};
    if (loaded.ok) conceptTitlesByFile.set(file, titles);
  }
  return titles;
}

function progressContext(ctx: HandlerContext): ProgressContext {
  let repo = progressRepos.get(ctx.db);
  if (repo === undefined) {
    repo = createProgressRepo(ctx.db);
    progressRepos.set(ctx.db, repo);
  }
  const now = ctx.clock.now();
  return {
    repo,
    prompts: loadLibrary(ctx).prompts,
    conceptTitles: conceptTitles(ctx.glossaryFile),
    now,
    // Main and the window share the machine's time zone: "today" and "Tuesday" are the user's.
    utcOffsetMin: -new Date(now).getTimezoneOffset(),
  };
}

const PROGRESS_HANDLERS: { readonly [C in Extract<Channel, `progress:${string}`>]: Handler<C> } = {
  'progress:practice-next': (ctx) => ok({ suggestion: practiceNext(progressContext(ctx)) }),
  'progress:get': (ctx) => ok(progressView(progressContext(ctx))),
};

// --- end progress ---
// --- history (issue 9, branch history) ---

const HISTORY_HANDLERS: { readonly [C in 'history:page' | 'history:prompt-stats']: Handler<C> } = {
  'history:page': (ctx, { filter, cursor, limit }) => {
    const titles = new Map(loadLibrary(ctx).prompts.map((p) => [p.id, p.title]));
    // Optional keys are left out rather than set to undefined: the repo reads absence as "no filter".
    const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const page = repos(ctx.db).history.page(clean, cursor, limit);
    return ok({
      // An attempt of a prompt file since removed keeps its id as its title.
      rows: page.rows.map((r) => ({ ...r, promptTitle: titles.get(r.promptId) ?? r.promptId })),
      next: page.next,
    });
  },
  'history:prompt-stats': (ctx) => ok([...repos(ctx.db).history.promptStats()]),
};

// --- end history ---

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

  'drafts:save': (ctx, { promptId, mode, text, baseRevision }) => {
    // Drafts exist only for prompts that exist (built-in or the user's own): ids are not a free-for-all store.
    if (!loadLibrary(ctx).prompts.some((p) => p.id === promptId)) {
      return fail('not_found', `There is no prompt with id "${promptId}"; drafts are kept only for existing prompts.`);
    }
    const savedAt = ctx.clock.now();
    const outcome = repos(ctx.db).drafts.save({ promptId, mode, text, updatedAt: savedAt, baseRevision });
    if (outcome.saved) return ok({ savedAt, revision: outcome.revision });
    if (outcome.reason === 'stale') {
      return fail(
        'conflict',
        `A newer version of this draft is already saved (revision ${outcome.storedRevision}; this text was based on revision ${baseRevision}), so it was not overwritten.`,
      );
    }
    return fail(
      'validation',
      `Your drafts already take ${megabytes(outcome.otherBytes)} and together may take at most ${megabytes(DRAFTS_TOTAL_MAX_BYTES)}: ` +
        'empty the editor of a prompt you no longer need, then try again.',
    );
  },

  // --- workspace (branch workspace) ---
  'drafts:get-extras': (ctx, { promptId, mode }) => {
    // A value this version cannot read (an older shape) starts the worksheet afresh.
    const stored = DraftExtrasSchema.safeParse(repos(ctx.db).draftExtras.get(promptId, mode));
    return ok(stored.success ? stored.data : null);
  },

  'drafts:save-extras': (ctx, { promptId, mode, extras }) => {
    if (!loadLibrary(ctx).prompts.some((p) => p.id === promptId)) {
      return fail('not_found', `There is no prompt with id "${promptId}"; drafts are kept only for existing prompts.`);
    }
    const savedAt = ctx.clock.now();
    repos(ctx.db).draftExtras.save(promptId, mode, extras, savedAt);
    return ok({ savedAt });
  },
  // --- end workspace ---

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
  ...ATTEMPT_HANDLERS,
  ...EXPORT_HANDLERS,
  ...PROGRESS_HANDLERS,
  ...HISTORY_HANDLERS,
};
