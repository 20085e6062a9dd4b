import type { PromptStatsView, PromptSummary } from '../../../electron/ipc/contract';

/** A prompt is mastered once its best score reaches this (said on the home screen). */
export const MASTERED_SCORE = 85;

export type PromptStatus = 'new' | 'attempted' | 'mastered';

export const STATUS_TITLES: Readonly<Record<PromptStatus, string>> = { new: 'New', attempted: 'Attempted', mastered: 'Mastered' };

export interface PromptFilter {
  readonly difficulty: '' | PromptSummary['difficulty'];
  readonly tag: string;
  readonly status: '' | PromptStatus;
  readonly search: string;
}

export const EMPTY_PROMPT_FILTER: PromptFilter = { difficulty: '', tag: '', status: '', search: '' };

export function promptStatus(stats: PromptStatsView | undefined): PromptStatus {
  if (stats === undefined) return 'new';
  return stats.bestScore !== null && stats.bestScore >= MASTERED_SCORE ? 'mastered' : 'attempted';
}

/** The prompts the filter keeps, in their order; the search matches words of the title in any case. */
export function filterPrompts(prompts: readonly PromptSummary[], stats: ReadonlyMap<string, PromptStatsView>, filter: PromptFilter): readonly PromptSummary[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return prompts.filter((p) => {
    if (filter.difficulty !== '' && p.difficulty !== filter.difficulty) return false;
    if (filter.tag !== '' && !p.tags.includes(filter.tag)) return false;
    if (filter.status !== '' && promptStatus(stats.get(p.id)) !== filter.status) return false;
    const title = p.title.toLowerCase();
    return words.every((w) => title.includes(w));
  });
}

/** Every tag of the prompts, once, sorted. */
export function allTags(prompts: readonly PromptSummary[]): readonly string[] {
  return [...new Set(prompts.flatMap((p) => p.tags))].sort();
}

/** "today", "yesterday", "3 days ago", or the date for anything older than a month. */
export function practisedWhen(at: number, now: number): string {
  const startOfDay = (t: number) => {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return new Date(at).toLocaleDateString();
}
