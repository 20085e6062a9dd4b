import { vi } from 'vitest';
import type {
  AttemptMode,
  DraftExtras,
  AttemptProgressInput,
  AttemptReportOutput,
  AttemptView,
  ChannelOutput,
  Draft,
  GlossaryView,
  HistoryFilterInput,
  IpcError,
  IpcResult,
  PromptList,
  PromptStatsView,
  Settings,
  SysdrillApi,
} from '../../electron/ipc/contract';
import { phasePlan } from '../../prompts/mockPlan';
import { conceptLinks, parseGlossaryFile } from '../../prompts/glossary';
import { parsePromptFile } from '../../prompts/parse';
import { RULE_CONCEPTS } from '../../rubrics/rules/index';
import { RULE_TITLES, type RuleId } from '../../rubrics/vocabulary';
import bankingYaml from '../../prompts/data/banking.yaml?raw';
import glossaryYaml from '../../prompts/glossary.yaml?raw';

type Prompt = ChannelOutput<'prompts:get'>;

export function bankingPrompt(): Prompt {
  const parsed = parsePromptFile('banking.yaml', bankingYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
}

/** The real glossary joined with `prompts`, as main's `glossary:get` would answer. */
export function glossaryView(prompts: readonly Prompt[] = []): GlossaryView {
  const parsed = parseGlossaryFile('glossary.yaml', glossaryYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const titles = new Map(prompts.map((p) => [p.id, p.title]));
  return {
    concepts: conceptLinks(parsed.glossary, prompts, RULE_CONCEPTS).map(({ entry, promptIds, ruleIds }) => ({
      ...entry,
      tradeOffs: [...entry.tradeOffs],
      rules: ruleIds.map((id) => ({ id: id as RuleId, title: RULE_TITLES[id as RuleId] })),
      prompts: promptIds.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
  };
}

const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
const fail = (error: IpcError): Promise<IpcResult<never>> => Promise.resolve({ ok: false, error });

export interface FakeApiOptions {
  readonly list?: PromptList | IpcError;
  readonly prompts?: readonly Prompt[];
  readonly drafts?: readonly Draft[];
  readonly settings?: Settings;
  /** What `getGlossary` answers; by default the real glossary joined with `prompts`. */
  readonly glossary?: GlossaryView | IpcError;
  readonly attempts?: readonly AttemptView[];
  /** The pages `historyPage` hands out in order (each `next` leads to the following one); by default none. */
  readonly history?: readonly HistoryPageView[] | IpcError;
  readonly promptStats?: readonly PromptStatsView[];
}

type HistoryPageView = ChannelOutput<'history:page'>;

/** An in-memory window.api with the contract's shape, recording every call. */
export function fakeApi(options: FakeApiOptions = {}) {
  const drafts = new Map((options.drafts ?? []).map((d) => [`${d.promptId}/${d.mode}`, d]));
  let settings: Settings = options.settings ?? { theme: 'system', editorFontSize: 14, mockTimeWhileClosed: 'running' };
  const attempts = new Map<number, AttemptView>((options.attempts ?? []).map((a) => [a.id, a]));
  const extras = new Map<string, DraftExtras>();
  const list = options.list ?? { prompts: [], errors: [] };
  const glossary = options.glossary ?? glossaryView(options.prompts);
  const history = options.history ?? [];
  const api = {
    listPrompts: vi.fn(() => ('code' in list ? fail(list) : ok(list))),
    getPrompt: vi.fn(({ id }: { id: string }) => {
      const prompt = options.prompts?.find((p) => p.id === id);
      return prompt === undefined ? fail({ code: 'not_found', message: `There is no prompt with id "${id}".` }) : ok(prompt);
    }),
    getDraft: vi.fn(({ promptId, mode }: { promptId: string; mode: Draft['mode'] }) => ok(drafts.get(`${promptId}/${mode}`) ?? null)),
    saveDraft: vi.fn(({ promptId, mode, text, baseRevision }: { promptId: string; mode: Draft['mode']; text: string; baseRevision: number }) => {
      const stored = drafts.get(`${promptId}/${mode}`)?.revision ?? 0;
      if (stored > baseRevision) return fail({ code: 'conflict', message: `A newer version of this draft is already saved (revision ${stored}).` });
      const revision = Math.max(stored, baseRevision) + 1;
      drafts.set(`${promptId}/${mode}`, { promptId, mode, text, updatedAt: 1, revision });
      return ok({ savedAt: 1, revision });
    }),
    getSettings: vi.fn(() => ok(settings)),
    setSettings: vi.fn((patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
      return ok(settings);
    }),
    getGlossary: vi.fn(() => ('code' in glossary ? fail(glossary) : ok(glossary))),
    // Attempts: kept in memory with the fields main would fill in.
    startAttempt: vi.fn((input: { promptId: string; mode: AttemptView['mode']; lengthMin: 30 | 45 | 60 | null; startedAt: number }) => {
      const id = attempts.size + 1;
      const limit = input.lengthMin === null ? null : input.lengthMin * 60_000;
      const attempt: AttemptView = {
        id,
        promptId: input.promptId,
        mode: input.mode,
        status: 'in_progress',
        startedAt: input.startedAt,
        submittedAt: null,
        deadlineAt: limit === null ? null : input.startedAt + limit,
        promptHash: 'fake',
        graderVersion: 'fake',
        timeLimitMs: limit,
        phasePlan: input.lengthMin === null ? [] : phasePlan(input.lengthMin).map(({ phase, budgetMs }) => ({ phase, budgetMs })),
        phase: input.lengthMin === null ? null : 'requirements',
        clockOffsetMs: 0,
        lastSeenAt: input.startedAt,
        diagram: '',
        notes: {},
        estimates: [],
        questions: [],
        curveballId: null,
        events: [],
        outcome: null,
        totalScore: null,
        report: null,
      };
      attempts.set(id, attempt);
      return ok(attempt);
    }),
    saveAttempt: vi.fn((progress: AttemptProgressInput) => {
      const found = attempts.get(progress.id);
      if (found === undefined) return fail({ code: 'not_found', message: `There is no attempt ${progress.id}.` });
      attempts.set(progress.id, { ...found, ...progress });
      return ok({ savedAt: 1 });
    }),
    submitAttempt: vi.fn((input: { progress: AttemptProgressInput; submittedAt: number; report: AttemptReportOutput }) => {
      const found = attempts.get(input.progress.id);
      if (found === undefined) return fail({ code: 'not_found', message: `There is no attempt ${input.progress.id}.` });
      const submitted: AttemptView = {
        ...found,
        ...input.progress,
        status: 'submitted',
        submittedAt: input.submittedAt,
        outcome: input.report.outcome,
        totalScore: input.report.score?.total ?? null,
        report: input.report,
      };
      attempts.set(submitted.id, submitted);
      return ok(submitted);
    }),
    getAttempt: vi.fn(({ id }: { id: number }) => {
      const found = attempts.get(id);
      return found === undefined ? fail({ code: 'not_found', message: `There is no attempt ${id}.` }) : ok(found);
    }),
    listAttempts: vi.fn(({ promptId }: { promptId: string }) =>
      ok(
        [...attempts.values()]
          .filter((a) => a.promptId === promptId && a.status === 'submitted')
          .map(({ id, promptId: p, mode, status, startedAt, submittedAt, outcome, totalScore }) => ({ id, promptId: p, mode, status, startedAt, submittedAt, outcome, totalScore })),
      ),
    ),
    listInProgressAttempts: vi.fn(() => ok([...attempts.values()].filter((a) => a.status === 'in_progress' && a.mode === 'mock'))),
    discardAttempt: vi.fn(({ id }: { id: number }) => {
      const found = attempts.get(id);
      if (found?.status !== 'in_progress') return ok({ discarded: false });
      attempts.set(id, { ...found, status: 'abandoned' });
      return ok({ discarded: true });
    }),
    // Export and import: the fake user cancels every dialog.
    exportAttempt: vi.fn(() => ok<ChannelOutput<'export:attempt'>>({ saved: false })),
    exportAllData: vi.fn(() => ok<ChannelOutput<'data:export'>>({ saved: false })),
    importData: vi.fn(() => ok<ChannelOutput<'data:import'>>({ imported: false })),
    // progress (branch progress): no suggestion and no figures unless a test says otherwise
    getPracticeNext: vi.fn(() => ok<ChannelOutput<'progress:practice-next'>>({ suggestion: null })),
    getProgress: vi.fn(() =>
      ok<ChannelOutput<'progress:get'>>({ graded: 0, months: [], prompts: [], categories: [], concepts: [], streakDays: 0, practisedToday: false, week: { attempts: 0, minutes: 0 } }),
    ),
    // History: the submitted attempts above, with a fixed page answer when a test gives one.
    historyPage: vi.fn(({ cursor }: { filter: HistoryFilterInput; cursor: { submittedAt: number; id: number } | null; limit?: number }) => {
      if ('code' in history) return fail(history);
      // The first page for no cursor, else the page after the one that handed out this cursor.
      const after = cursor === null ? -1 : history.findIndex((p) => p.next?.id === cursor.id && p.next.submittedAt === cursor.submittedAt);
      return ok(history[after + 1] ?? { rows: [], next: null });
    }),
    promptStats: vi.fn(() => ok([...(options.promptStats ?? [])])),
    getDraftExtras: vi.fn(({ promptId, mode }: { promptId: string; mode: AttemptMode }) => ok(extras.get(`${promptId}/${mode}`) ?? null)),
    saveDraftExtras: vi.fn((input: { promptId: string; mode: AttemptMode; extras: DraftExtras }) => {
      extras.set(`${input.promptId}/${input.mode}`, input.extras);
      return ok({ savedAt: 1 });
    }),
  } satisfies SysdrillApi;
  return { api, drafts, attempts, extras };
}
