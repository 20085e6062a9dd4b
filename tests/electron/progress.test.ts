import { describe, expect, it } from 'vitest';
import { createProgressRepo } from '../../electron/db/progress';
import { practiceNext, progressView, type ProgressContext } from '../../electron/progress';
import { tempDb } from './helpers';
import { at, seedFour } from './db/progressFixture';

const PROMPTS: ProgressContext['prompts'] = [
  { id: 'instagram', title: 'Instagram', difficulty: 'hard', concepts: ['replication', 'caching'] },
  { id: 'url-shortener', title: 'URL shortener', difficulty: 'easy', concepts: ['caching'] },
];
const TITLES = { replication: 'Replication and failover', caching: 'Caching' };

function context(now: string): ProgressContext {
  const { db } = tempDb();
  seedFour(db);
  return { repo: createProgressRepo(db), prompts: PROMPTS, conceptTitles: TITLES, now: at(now), utcOffsetMin: 0 };
}

describe('progressView: every figure of the Progress screen', () => {
  it('on Tuesday 1 Dec, 15:00 UTC, after the four fixture attempts', () => {
    expect(progressView(context('2026-12-01T15:00:00Z'))).toEqual({
      graded: 4,
      months: ['2026-10', '2026-11', '2026-12'],
      prompts: [
        // A prompt no longer in the library keeps its id as title.
        { id: 'banking', title: 'banking', points: [{ month: '2026-10', score: 60, attempts: 1 }] },
        { id: 'instagram', title: 'Instagram', points: [{ month: '2026-11', score: 65, attempts: 2 }] },
        { id: 'url-shortener', title: 'URL shortener', points: [{ month: '2026-12', score: 90, attempts: 1 }] },
      ],
      categories: [
        { category: 'data', points: [{ month: '2026-10', score: 50 }, { month: '2026-11', score: 63 }] },
        { category: 'performance', points: [{ month: '2026-11', score: 70 }, { month: '2026-12', score: 100 }] },
      ],
      // replication: 35 (0.35, unmet), then 90 → level 62.5 → 63, trend 90 − 35 = 55; caching: 80, 60,
      // 100 → level 80, trend (newer half 100) − (older half 80) = 20, the middle score in neither.
      // dns: no rule grades it and no finding cites it, so it is not rated.
      concepts: [
        { id: 'replication', title: 'Replication and failover', level: 63, trend: 55, recent: [35, 90], prompts: [{ id: 'instagram', title: 'Instagram' }] },
        {
          id: 'caching',
          title: 'Caching',
          level: 80,
          trend: 20,
          recent: [80, 60, 100],
          prompts: [
            { id: 'instagram', title: 'Instagram' },
            { id: 'url-shortener', title: 'URL shortener' },
          ],
        },
      ],
      // Monday 30 Nov and today; this week: 30 min + 4 h counted as 3 h.
      streakDays: 2,
      practisedToday: true,
      week: { attempts: 2, minutes: 210 },
    });
  });

  it('keeps the streak through today until the day is over, and counts a new week from Monday', () => {
    const view = progressView(context('2026-12-02T09:00:00Z'));
    expect(view).toMatchObject({ streakDays: 2, practisedToday: false, week: { attempts: 2, minutes: 210 } });
    expect(progressView(context('2026-12-07T09:00:00Z'))).toMatchObject({ streakDays: 0, practisedToday: false, week: { attempts: 0, minutes: 0 } });
  });
});

describe('practiceNext: the suggestion with concept titles', () => {
  it('after the fixture attempts names the due concept and the prompt practising it', () => {
    // Replication lapsed (35) before its 90 on 30 Nov, so its card is unstable and due by 20 Dec;
    // only Instagram practises it. (Caching, Good–Hard–Easy up to 1 Dec, is further out.)
    const suggestion = practiceNext(context('2026-12-20T12:00:00Z'));
    expect(suggestion?.promptId).toBe('instagram');
    expect(suggestion?.concepts).toEqual([{ id: 'replication', title: 'Replication and failover' }]);
    expect(suggestion?.reason).toMatch(/^Replication and failover last scored 90, due since /);
  });
});
