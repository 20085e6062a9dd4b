import { vi } from 'vitest';
import type { ChannelOutput, Draft, GlossaryView, IpcError, IpcResult, PromptList, Settings, SysdrillApi } from '../../electron/ipc/contract';
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
}

/** An in-memory window.api with the contract's shape, recording every call. */
export function fakeApi(options: FakeApiOptions = {}) {
  const drafts = new Map((options.drafts ?? []).map((d) => [`${d.promptId}/${d.mode}`, d]));
  let settings: Settings = options.settings ?? { theme: 'system', editorFontSize: 14 };
  const list = options.list ?? { prompts: [], errors: [] };
  const glossary = options.glossary ?? glossaryView(options.prompts);
  const api = {
    listPrompts: vi.fn(() => ('code' in list ? fail(list) : ok(list))),
    getPrompt: vi.fn(({ id }: { id: string }) => {
      const prompt = options.prompts?.find((p) => p.id === id);
      return prompt === undefined ? fail({ code: 'not_found', message: `There is no prompt with id "${id}".` }) : ok(prompt);
    }),
    getDraft: vi.fn(({ promptId, mode }: { promptId: string; mode: Draft['mode'] }) => ok(drafts.get(`${promptId}/${mode}`) ?? null)),
    saveDraft: vi.fn(({ promptId, mode, text }: { promptId: string; mode: Draft['mode']; text: string }) => {
      drafts.set(`${promptId}/${mode}`, { promptId, mode, text, updatedAt: 1 });
      return ok({ savedAt: 1 });
    }),
    getSettings: vi.fn(() => ok(settings)),
    setSettings: vi.fn((patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
      return ok(settings);
    }),
    getGlossary: vi.fn(() => ('code' in glossary ? fail(glossary) : ok(glossary))),
  } satisfies SysdrillApi;
  return { api, drafts };
}
