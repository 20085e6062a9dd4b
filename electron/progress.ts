import { conceptScore } from '../prompts/conceptScore';
import { localDay, dayStart } from '../prompts/localDay';
import { suggestPractice, type ConceptReview, type SuggestablePrompt } from '../prompts/practiceNext';
import { conceptStanding, practiceStreak, weekStartDay } from '../prompts/progressFigures';
import { CATEGORIES, type Category, type ConceptId } from '../rubrics/vocabulary';
import type { ConceptResult, ProgressRepo } from './db/progress';
import type { PracticeNext, ProgressView } from './ipc/contract';

/**
 * The Progress screen and the "practice next" card, from the SQL aggregates of db/progress.ts and
 * the pure calculations of prompts/. No Electron, so the bench and tests run exactly this.
 */

export interface ProgressContext {
  readonly repo: ProgressRepo;
  readonly prompts: readonly SuggestablePrompt[];
  readonly conceptTitles: Readonly<Partial<Record<ConceptId, string>>>;
  readonly now: number;
  /** Minutes to add to UTC for the user's local time. */
  readonly utcOffsetMin: number;
}

/**
 * How many of a concept's latest results the scheduler replays. FSRS state is dominated by the
 * latest reviews, and a bound keeps "practice next" constant-time after years of attempts.
 */
export const REPLAYED_PER_CONCEPT = 20;
/** The concept list shows the level of the last five results and the five before. */
const STANDING_RESULTS = 10;
/** An attempt left open overnight counts as at most this much practice. */
export const MAX_COUNTED_ATTEMPT_MS = 3 * 60 * 60_000;

function reviewsOf(results: readonly ConceptResult[]): ConceptReview[] {
  return results.flatMap((r) => {
    const score = conceptScore(r);
    return score === null ? [] : [{ concept: r.concept, at: r.at, score }];
  });
}

export function practiceNext(ctx: ProgressContext): PracticeNext | null {
  const suggestion = suggestPractice({
    reviews: reviewsOf(ctx.repo.recentConceptResults(REPLAYED_PER_CONCEPT)),
    prompts: ctx.prompts,
    titles: ctx.conceptTitles,
    now: ctx.now,
    utcOffsetMin: ctx.utcOffsetMin,
  });
  if (suggestion === null) return null;
  return { ...suggestion, concepts: suggestion.concepts.map((id) => ({ id, title: ctx.conceptTitles[id] ?? id })) };
}

export function progressView(ctx: ProgressContext): ProgressView {
  const { repo, now, utcOffsetMin } = ctx;
  const promptTitles = new Map(ctx.prompts.map((p) => [p.id, p.title]));

  const promptRows = repo.promptMonths(utcOffsetMin);
  const byPrompt = new Map<string, ProgressView['prompts'][number]['points']>();
  for (const row of promptRows) byPrompt.set(row.promptId, [...(byPrompt.get(row.promptId) ?? []), { month: row.month, score: row.score, attempts: row.attempts }]);

  const byCategory = new Map<Category, { month: string; score: number }[]>();
  for (const row of repo.categoryMonths(utcOffsetMin)) {
    const category = CATEGORIES.find((c) => c === row.category);
    if (category !== undefined) byCategory.set(category, [...(byCategory.get(category) ?? []), { month: row.month, score: row.score }]);
  }

  const scoresByConcept = new Map<ConceptId, number[]>();
  // Newest first from SQL; the standing wants oldest first.
  for (const review of reviewsOf(repo.recentConceptResults(STANDING_RESULTS)).reverse()) {
    scoresByConcept.set(review.concept, [...(scoresByConcept.get(review.concept) ?? []), review.score]);
  }
  const concepts = [...scoresByConcept].flatMap(([id, scores]) => {
    const standing = conceptStanding(scores);
    if (standing === null) return [];
    return [
      {
        id,
        title: ctx.conceptTitles[id] ?? id,
        level: standing.level,
        trend: standing.trend,
        recent: scores,
        prompts: ctx.prompts.filter((p) => p.concepts.includes(id)).map((p) => ({ id: p.id, title: p.title })),
      },
    ];
  });
  concepts.sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));

  const today = localDay(now, utcOffsetMin);
  const days = repo.practiceDays(utcOffsetMin);
  const streakDays = practiceStreak(days, today);
  const practisedToday = days.includes(today);
  const week = repo.practised(dayStart(weekStartDay(today), utcOffsetMin), dayStart(today + 1, utcOffsetMin), MAX_COUNTED_ATTEMPT_MS);

  return {
    graded: promptRows.reduce((sum, row) => sum + row.attempts, 0),
    months: [...new Set(promptRows.map((row) => row.month))].sort(),
    prompts: [...byPrompt].map(([id, points]) => ({ id, title: promptTitles.get(id) ?? id, points })),
    categories: CATEGORIES.flatMap((category) => {
      const points = byCategory.get(category);
      return points === undefined ? [] : [{ category, points }];
    }),
    concepts,
    streakDays,
    practisedToday,
    week: { attempts: week.attempts, minutes: Math.round(week.ms / 60_000) },
  };
}
