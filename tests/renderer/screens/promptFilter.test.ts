import { describe, expect, it } from 'vitest';
import type { PromptStatsView, PromptSummary } from '../../../electron/ipc/contract';
import { allTags, EMPTY_PROMPT_FILTER, filterPrompts, practisedWhen, promptStatus } from '../../../renderer/src/screens/promptFilter';

const prompt = (id: string, title: string, difficulty: PromptSummary['difficulty'], tags: string[]): PromptSummary => ({ id, title, difficulty, tags, source: 'builtin' });
const PROMPTS = [
  prompt('instagram', 'Instagram-style photo sharing and feed', 'medium', ['feed', 'media']),
  prompt('banking', 'Bank ledger and money transfers', 'hard', ['payments', 'consistency']),
  prompt('url-shortener', 'URL shortener', 'easy', ['caching']),
];
const stats = (promptId: string, bestScore: number | null): PromptStatsView => ({ promptId, attempts: 2, bestScore, lastSubmittedAt: 0 });
const STATS = new Map([
  ['instagram', stats('instagram', 85)],
  ['banking', stats('banking', 84)],
]);
const ids = (filter: Partial<typeof EMPTY_PROMPT_FILTER>) => filterPrompts(PROMPTS, STATS, { ...EMPTY_PROMPT_FILTER, ...filter }).map((p) => p.id);

describe('prompt status', () => {
  it('is new without attempts, mastered from a best score of 85, attempted below', () => {
    expect(promptStatus(undefined)).toBe('new');
    expect(promptStatus(stats('x', 85))).toBe('mastered');
    expect(promptStatus(stats('x', 84))).toBe('attempted');
    expect(promptStatus(stats('x', null))).toBe('attempted');
  });
});

describe('home filters', () => {
  it('keep every prompt when empty', () => {
    expect(ids({})).toEqual(['instagram', 'banking', 'url-shortener']);
  });

  it('filter by difficulty, tag and status', () => {
    expect(ids({ difficulty: 'hard' })).toEqual(['banking']);
    expect(ids({ tag: 'caching' })).toEqual(['url-shortener']);
    expect(ids({ status: 'new' })).toEqual(['url-shortener']);
    expect(ids({ status: 'attempted' })).toEqual(['banking']);
    expect(ids({ status: 'mastered' })).toEqual(['instagram']);
  });

  it('search every typed word in the title, in any case', () => {
    expect(ids({ search: 'PHOTO feed' })).toEqual(['instagram']);
    expect(ids({ search: 'bank photo' })).toEqual([]);
    expect(ids({ search: '  ' })).toEqual(['instagram', 'banking', 'url-shortener']);
  });

  it('list each tag once, sorted', () => {
    expect(allTags(PROMPTS)).toEqual(['caching', 'consistency', 'feed', 'media', 'payments']);
  });
});

describe('when last practised', () => {
  const now = new Date(2026, 11, 1, 10, 0).getTime();
  it('counts calendar days', () => {
    expect(practisedWhen(new Date(2026, 11, 1, 0, 5).getTime(), now)).toBe('today');
    expect(practisedWhen(new Date(2026, 10, 30, 23, 59).getTime(), now)).toBe('yesterday');
    expect(practisedWhen(new Date(2026, 10, 28, 12, 0).getTime(), now)).toBe('3 days ago');
    expect(practisedWhen(new Date(2026, 5, 1).getTime(), now)).toBe(new Date(2026, 5, 1).toLocaleDateString());
  });
});
