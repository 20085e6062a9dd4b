import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  duePhrase,
  FIRST_SUGGESTION_REASON,
  ratingFor,
  scheduleConcepts,
  suggestPractice,
  type ConceptReview,
  type SuggestablePrompt,
} from '../../prompts/practiceNext';
import type { ConceptId } from '../../rubrics/vocabulary';

const at = (iso: string): number => Date.parse(iso);
const DAY = 86_400_000;
// Friday 27 November 2026, noon UTC. Monday the 23rd is four days earlier.
const NOW = at('2026-11-27T12:00:00Z');
const MONDAY = at('2026-11-23T10:00:00Z');

const TITLES: Partial<Record<ConceptId, string>> = {
  replication: 'Replication and failover',
  caching: 'Caching',
  sharding: 'Sharding, shard keys and hotspots',
  'load-balancing': 'Load balancing',
  idempotency: 'Idempotency keys and safe retries',
};

const prompt = (id: string, title: string, difficulty: SuggestablePrompt['difficulty'], concepts: ConceptId[]): SuggestablePrompt => ({ id, title, difficulty, concepts });
const review = (concept: ConceptId, iso: string | number, score: number): ConceptReview => ({ concept, at: typeof iso === 'number' ? iso : at(iso), score });

describe('ratingFor: a concept score as an FSRS rating', () => {
  it.each([
    [0, Rating.Again],
    [49, Rating.Again],
    [50, Rating.Hard],
    [69, Rating.Hard],
    [70, Rating.Good],
    [89, Rating.Good],
    [90, Rating.Easy],
    [100, Rating.Easy],
  ])('%i is rated %i', (score, rating) => {
    expect(ratingFor(score)).toBe(rating);
  });
});

describe('scheduleConcepts: one FSRS card per concept, in days (no minute-level steps)', () => {
  // A first review sets stability to the default weight of its rating (w0..w3 = 0.212, 1.2931,
  // 2.3065, 8.2956 days); at the 90 % target retention the interval is that stability, rounded,
  // and at least one day. With learning steps on, Again would instead be due in one minute.
  it.each([
    { score: 35, days: 1 },
    { score: 60, days: 1 },
    { score: 75, days: 2 },
    { score: 95, days: 8 },
  ])('a first score of $score is due $days day(s) later', ({ score, days }) => {
    const [schedule] = scheduleConcepts([review('caching', MONDAY, score)], NOW);
    expect(schedule?.due).toBe(MONDAY + days * DAY);
    expect(schedule?.lastScore).toBe(score);
    expect(schedule?.reviews).toBe(1);
  });

  it('replays a concept in time order whatever order the rows come in: the last score is the latest attempt', () => {
    const [schedule] = scheduleConcepts([review('caching', '2026-11-20T10:00:00Z', 92), review('caching', '2026-11-02T10:00:00Z', 35)], NOW);
    expect(schedule).toMatchObject({ concept: 'caching', lastScore: 92, lastAt: at('2026-11-20T10:00:00Z'), reviews: 2 });
  });

  it('ranks the least retrievable first: lowest stability, longest overdue', () => {
    const order = scheduleConcepts([review('sharding', MONDAY, 95), review('caching', MONDAY, 75), review('replication', MONDAY, 35)], NOW).map((s) => s.concept);
    expect(order).toEqual(['replication', 'caching', 'sharding']);
  });

  it('keeps a concept that is not due yet above the 90 % target retention', () => {
    const [schedule] = scheduleConcepts([review('sharding', MONDAY, 95)], NOW);
    expect(schedule?.retrievability).toBeGreaterThan(0.9);
  });
});

describe('duePhrase: in the user’s local days (now: Friday 27 Nov 2026, 12:00 UTC)', () => {
  it.each([
    { due: '2026-11-27T08:00:00Z', offset: 0, phrase: 'due today' },
    { due: '2026-11-27T18:00:00Z', offset: 0, phrase: 'due later today' },
    { due: '2026-11-28T08:00:00Z', offset: 0, phrase: 'due tomorrow' },
    { due: '2026-11-30T08:00:00Z', offset: 0, phrase: 'due in 3 days' },
    { due: '2026-11-26T08:00:00Z', offset: 0, phrase: 'due since yesterday' },
    { due: '2026-11-24T10:00:00Z', offset: 0, phrase: 'due since Tuesday' },
    { due: '2026-11-21T08:00:00Z', offset: 0, phrase: 'due since Saturday' },
    { due: '2026-11-20T08:00:00Z', offset: 0, phrase: 'due since 20 Nov' },
    { due: '2025-11-03T08:00:00Z', offset: 0, phrase: 'due since 3 Nov 2025' },
    // 23:00 UTC on Thursday is already Friday in UTC+2: today there.
    { due: '2026-11-26T23:00:00Z', offset: 120, phrase: 'due today' },
  ])('$due (UTC$offset min) is "$phrase"', ({ due, offset, phrase }) => {
    expect(duePhrase(at(due), NOW, offset)).toBe(phrase);
  });
});

describe('suggestPractice: the prompt that exercises the most due concepts, and why', () => {
  const PROMPTS = [
    prompt('kv-store', 'Key-value store', 'hard', ['replication', 'sharding']),
    prompt('instagram', 'Instagram', 'medium', ['replication', 'caching']),
    prompt('url-shortener', 'URL shortener', 'easy', ['caching']),
  ];

  it('a new user (no attempts) gets the first easy prompt by title and how suggestions will work', () => {
    const prompts = [prompt('banking', 'Bank ledger', 'hard', ['idempotency']), prompt('url-shortener', 'URL shortener', 'easy', ['caching']), prompt('blog', 'Blog platform', 'easy', ['caching'])];
    expect(suggestPractice({ reviews: [], prompts, titles: TITLES, now: NOW, utcOffsetMin: 0 })).toEqual({
      kind: 'first',
      promptId: 'blog',
      promptTitle: 'Blog platform',
      concepts: [],
      reason: FIRST_SUGGESTION_REASON,
    });
  });

  it('picks the prompt with both due concepts and names them with their last score and since when they are due', () => {
    // replication 35 (Again) due Tuesday, caching 75 (Good) due Wednesday, sharding 95 (Easy) due 1 Dec.
    const reviews = [review('replication', MONDAY, 35), review('caching', MONDAY, 75), review('sharding', MONDAY, 95)];
    expect(suggestPractice({ reviews, prompts: PROMPTS, titles: TITLES, now: NOW, utcOffsetMin: 0 })).toEqual({
      kind: 'due',
      promptId: 'instagram',
      promptTitle: 'Instagram',
      concepts: ['replication', 'caching'],
      reason: 'Replication and failover last scored 35, due since Tuesday; Caching last scored 75, due since Wednesday.',
    });
  });

  it('between prompts with as many due concepts, prefers the less retrievable ones', () => {
    const reviews = [review('replication', MONDAY, 35), review('caching', MONDAY, 75)];
    const prompts = [prompt('cdn-site', 'A cached site', 'easy', ['caching']), prompt('db', 'A replicated database', 'easy', ['replication'])];
    expect(suggestPractice({ reviews, prompts, titles: TITLES, now: NOW, utcOffsetMin: 0 })?.promptId).toBe('db');
  });

  it('counts the due concepts it does not name (the weakest first, then equally urgent ones in id order)', () => {
    // All three rated Again at the same moment: the same card, so after the weakest the tie falls to the concept id.
    const reviews = [review('replication', MONDAY, 35), review('caching', MONDAY, 40), review('load-balancing', MONDAY, 45)];
    const prompts = [prompt('web', 'Web app', 'medium', ['replication', 'caching', 'load-balancing'])];
    expect(suggestPractice({ reviews, prompts, titles: TITLES, now: NOW, utcOffsetMin: 0 })).toMatchObject({
      concepts: ['replication', 'caching', 'load-balancing'],
      reason: 'Replication and failover last scored 35, due since Tuesday; Caching last scored 40, due since Tuesday (and 1 more concept it practises).',
    });
  });

  it('with nothing due, works ahead on the least retrievable concept and says so', () => {
    expect(suggestPractice({ reviews: [review('sharding', MONDAY, 95)], prompts: PROMPTS, titles: TITLES, now: NOW, utcOffsetMin: 0 })).toEqual({
      kind: 'ahead',
      promptId: 'kv-store',
      promptTitle: 'Key-value store',
      concepts: ['sharding'],
      reason: 'Nothing is due yet. Sharding, shard keys and hotspots last scored 95, due in 4 days.',
    });
  });

  it('no prompt at all: no suggestion', () => {
    expect(suggestPractice({ reviews: [], prompts: [], titles: TITLES, now: NOW, utcOffsetMin: 0 })).toBeNull();
  });
});

describe('suggestPractice: a weak concept (last scored below 50) is to practise now, never "nothing is due"', () => {
  // Now: Friday 27 Nov 2026, 12:00 UTC. A score below 50 (Again) is due a day later, 75–80 (Good)
  // two days later, 95 (Easy) eight days later (see scheduleConcepts above).
  const THIS_MORNING = '2026-11-27T09:00:00Z';
  const PROMPTS = [
    prompt('kv-store', 'Key-value store', 'hard', ['replication', 'sharding']),
    prompt('instagram', 'Instagram', 'medium', ['replication', 'caching']),
    prompt('url-shortener', 'URL shortener', 'easy', ['caching']),
    prompt('banking', 'Bank ledger', 'hard', ['idempotency', 'replication']),
  ];

  it.each([
    {
      row: 'nothing attempted: the easiest prompt first',
      reviews: [],
      expected: { kind: 'first', promptId: 'url-shortener', concepts: [], reason: FIRST_SUGGESTION_REASON },
    },
    {
      row: 'all concepts strong and not due: work ahead, and say nothing is due',
      reviews: [review('caching', '2026-11-26T10:00:00Z', 80)],
      expected: {
        kind: 'ahead',
        promptId: 'instagram',
        concepts: ['caching'],
        reason: 'Nothing is due yet. Caching last scored 80, due tomorrow.',
      },
    },
    {
      row: 'a weak concept not yet due (scored 0 this morning, review tomorrow): practise it now',
      reviews: [review('idempotency', THIS_MORNING, 0), review('sharding', MONDAY, 95)],
      expected: {
        kind: 'due',
        promptId: 'banking',
        concepts: ['idempotency'],
        reason: 'Your weakest concept: Idempotency keys and safe retries (last scored 0). Practise it now.',
      },
    },
    {
      row: 'a due concept that scored well: its schedule says when',
      reviews: [review('caching', MONDAY, 75)],
      expected: { kind: 'due', promptId: 'instagram', concepts: ['caching'], reason: 'Caching last scored 75, due since Wednesday.' },
    },
    {
      row: 'a concept both weak and due: named with the day it fell due',
      reviews: [review('replication', MONDAY, 35)],
      expected: { kind: 'due', promptId: 'banking', concepts: ['replication'], reason: 'Replication and failover last scored 35, due since Tuesday.' },
    },
    {
      row: 'a weak concept not yet due and due strong concepts: the weak one leads, over a prompt with more due concepts',
      reviews: [review('idempotency', THIS_MORNING, 0), review('caching', MONDAY, 75), review('replication', MONDAY, 80)],
      expected: {
        kind: 'due',
        promptId: 'banking',
        concepts: ['idempotency', 'replication'],
        reason:
          'Your weakest concept: Idempotency keys and safe retries (last scored 0). Practise it now; this prompt also practises Replication and failover last scored 80, due since Wednesday.',
      },
    },
  ])('$row', ({ reviews, expected }) => {
    expect(suggestPractice({ reviews, prompts: PROMPTS, titles: TITLES, now: NOW, utcOffsetMin: 0 })).toMatchObject(expected);
  });

  it('a weak concept is never described as "nothing is due" or with a due date still to come', () => {
    const reason = suggestPractice({ reviews: [review('idempotency', THIS_MORNING, 0)], prompts: PROMPTS, titles: TITLES, now: NOW, utcOffsetMin: 0 })?.reason;
    expect(reason).not.toMatch(/Nothing is due|due tomorrow/);
  });
});
