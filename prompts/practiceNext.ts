import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ConceptId } from '../rubrics/vocabulary';
import { localDay, shortDate, weekdayOf, type UtcOffsetMin } from './localDay';
import type { Difficulty } from './schema';

/**
 * "Practice next": one spaced-repetition card per concept (FSRS, via ts-fsrs), reviewed once per
 * graded attempt that rated the concept, and the prompt that exercises the most concepts that are
 * due. Days are the unit: an interview concept is not re-drilled ten minutes later, so FSRS's
 * minute-level (re)learning steps are off and every rating schedules a whole number of days.
 */

export interface ConceptReview {
  readonly concept: ConceptId;
  /** When the attempt was submitted (epoch ms). */
  readonly at: number;
  /** The concept's score in that attempt, 0–100 (prompts/conceptScore.ts). */
  readonly score: number;
}

export interface SuggestablePrompt {
  readonly id: string;
  readonly title: string;
  readonly difficulty: Difficulty;
  readonly concepts: readonly ConceptId[];
}

export interface ConceptSchedule {
  readonly concept: ConceptId;
  readonly lastScore: number;
  readonly lastAt: number;
  readonly due: number;
  /** Probability of recall now, 0–1 (below 0.9 once due). */
  readonly retrievability: number;
  readonly reviews: number;
}

export interface Suggestion {
  /**
   * `first`: nothing graded yet; `due`: concepts to practise now (due, or weak: last scored below
   * WEAK_SCORE); `ahead`: none due and none weak, the least retrievable.
   */
  readonly kind: 'first' | 'due' | 'ahead';
  readonly promptId: string;
  readonly promptTitle: string;
  /** The scheduled concepts this prompt exercises, most urgent first (empty for `first`). */
  readonly concepts: readonly ConceptId[];
  readonly reason: string;
}

const scheduler = fsrs({ learning_steps: [], relearning_steps: [], enable_fuzz: false });

/** < 50 Again, 50–69 Hard, 70–89 Good, ≥ 90 Easy. */
export function ratingFor(score: number): Grade {
  if (score < 50) return Rating.Again;
  if (score < 70) return Rating.Hard;
  if (score < 90) return Rating.Good;
  return Rating.Easy;
}

/** Replays each concept's reviews in time order; most overdue (least retrievable) first. */
export function scheduleConcepts(reviews: readonly ConceptReview[], now: number): ConceptSchedule[] {
  const byConcept = new Map<ConceptId, ConceptReview[]>();
  for (const review of reviews) {
    const list = byConcept.get(review.concept) ?? [];
    list.push(review);
    byConcept.set(review.concept, list);
  }
  const schedules: ConceptSchedule[] = [];
  for (const [concept, list] of byConcept) {
    const ordered = [...list].sort((a, b) => a.at - b.at);
    const first = ordered[0];
    const last = ordered.at(-1);
    if (first === undefined || last === undefined) continue;
    let card: Card = createEmptyCard(new Date(first.at));
    for (const review of ordered) card = scheduler.next(card, new Date(review.at), ratingFor(review.score)).card;
    schedules.push({
      concept,
      lastScore: last.score,
      lastAt: last.at,
      due: card.due.getTime(),
      retrievability: scheduler.get_retrievability(card, new Date(Math.max(now, last.at)), false),
      reviews: ordered.length,
    });
  }
  return schedules.sort((a, b) => a.retrievability - b.retrievability || a.due - b.due || a.concept.localeCompare(b.concept));
}

/** "due today", "due since Tuesday", "due in 3 days", in the user's local days. */
export function duePhrase(due: number, now: number, offsetMin: UtcOffsetMin): string {
  const today = localDay(now, offsetMin);
  const day = localDay(due, offsetMin);
  const diff = day - today;
  if (diff === 0) return due <= now ? 'due today' : 'due later today';
  if (diff === 1) return 'due tomorrow';
  if (diff > 1) return `due in ${diff} days`;
  if (diff === -1) return 'due since yesterday';
  if (diff >= -6) return `due since ${weekdayOf(day)}`;
  return `due since ${shortDate(day, today)}`;
}

export const FIRST_SUGGESTION_REASON =
  'Start with an easy one. Every graded attempt schedules the concepts it exercised: a concept you scored low on comes back within days, ' +
  'one you scored well on weeks later, and this card then suggests the prompt that practises the most concepts that are due.';

/** How many of the due concepts are named in the reason; the rest are counted. */
const NAMED = 2;

export interface SuggestInput {
  readonly reviews: readonly ConceptReview[];
  readonly prompts: readonly SuggestablePrompt[];
  readonly titles: Readonly<Partial<Record<ConceptId, string>>>;
  readonly now: number;
  readonly utcOffsetMin: UtcOffsetMin;
}

/**
 * A last score below this is weak (rated Again): the concept is the thing to practise now, even
 * though its FSRS review, a day or so out, is not due yet. Scores at or above it keep their schedule.
 */
export const WEAK_SCORE = 50;

export function suggestPractice(input: SuggestInput): Suggestion | null {
  const { prompts, now } = input;
  if (prompts.length === 0) return null;
  const schedules = scheduleConcepts(input.reviews, now);
  if (schedules.length === 0) return firstSuggestion(prompts);

  const isDue = (s: ConceptSchedule): boolean => s.due <= now;
  const isWeak = (s: ConceptSchedule): boolean => s.lastScore < WEAK_SCORE;
  // The weakest concept a prompt practises leads: lowest last score, then the least retrievable.
  const weakest = schedules
    .filter(isWeak)
    .sort((a, b) => a.lastScore - b.lastScore || a.retrievability - b.retrievability)
    .find((s) => prompts.some((p) => p.concepts.includes(s.concept)));
  const practiseNow = schedules.filter((s) => isDue(s) || isWeak(s));
  // Nothing to practise now: work ahead on the three concepts most likely to be forgotten first.
  const targets = practiseNow.length > 0 ? practiseNow : schedules.slice(0, 3);
  const pool = weakest === undefined ? prompts : prompts.filter((p) => p.concepts.includes(weakest.concept));
  const best = bestPrompt(pool, targets) ?? bestPrompt(prompts, schedules);
  if (best === undefined) return firstSuggestion(prompts);
  const covered = weakest !== undefined && best.covered.includes(weakest) ? [weakest, ...best.covered.filter((s) => s !== weakest)] : best.covered;
  const title = (s: ConceptSchedule): string => input.titles[s.concept] ?? s.concept;
  // A weak concept that is not due yet is not given its due date: it is to be practised now.
  const phrase = (s: ConceptSchedule): string =>
    isWeak(s) && !isDue(s) ? `${title(s)} last scored ${s.lastScore}` : `${title(s)} last scored ${s.lastScore}, ${duePhrase(s.due, now, input.utcOffsetMin)}`;
  const more = covered.length - NAMED;
  const rest = more > 0 ? ` (and ${more} more ${more === 1 ? 'concept' : 'concepts'} it practises)` : '';
  const lead = covered[0];
  let reason: string;
  if (lead !== undefined && lead === weakest && !isDue(lead)) {
    const others = covered.slice(1, NAMED).map(phrase).join('; ');
    reason = `Your weakest concept: ${title(lead)} (last scored ${lead.lastScore}). Practise it now${others === '' ? '' : `; this prompt also practises ${others}`}${rest}.`;
  } else {
    const named = covered.slice(0, NAMED).map(phrase).join('; ');
    reason = `${practiseNow.length > 0 ? '' : 'Nothing is due yet. '}${capitalise(named)}${rest}.`;
  }
  return {
    kind: practiseNow.length > 0 ? 'due' : 'ahead',
    promptId: best.prompt.id,
    promptTitle: best.prompt.title,
    concepts: covered.map((s) => s.concept),
    reason,
  };
}

function firstSuggestion(prompts: readonly SuggestablePrompt[]): Suggestion {
  const easiest = ['easy', 'medium', 'hard'].map((level) => prompts.filter((p) => p.difficulty === level)).find((list) => list.length > 0) ?? prompts;
  const prompt = [...easiest].sort((a, b) => a.title.localeCompare(b.title))[0] ?? prompts[0];
  if (prompt === undefined) throw new Error('firstSuggestion needs at least one prompt');
  return { kind: 'first', promptId: prompt.id, promptTitle: prompt.title, concepts: [], reason: FIRST_SUGGESTION_REASON };
}

/** Most target concepts exercised; then the most urgent ones (least summed retrievability); then title. */
function bestPrompt(prompts: readonly SuggestablePrompt[], targets: readonly ConceptSchedule[]) {
  const ranked = prompts
    .map((prompt) => {
      const covered = targets.filter((t) => prompt.concepts.includes(t.concept));
      return { prompt, covered, urgency: covered.reduce((sum, t) => sum + (1 - t.retrievability), 0) };
    })
    .filter((entry) => entry.covered.length > 0)
    .sort((a, b) => b.covered.length - a.covered.length || b.urgency - a.urgency || a.prompt.title.localeCompare(b.prompt.title));
  return ranked[0];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
