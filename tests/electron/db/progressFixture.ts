import { createAttemptsRepo, type AttemptId, type ConceptResultRow, type RuleResultRow } from '../../../electron/db/attempts';
import type { Db } from '../../../electron/db/types';
import type { AttemptReport } from '../../../prompts/mockReport';

/**
 * Four submitted attempts (UTC), plus one in progress and one discarded that no figure counts:
 *  1 instagram      Mon 23 Nov 10:00–10:40, total 50; rules replication 0.35 (w2), caching 0.8 (w1);
 *                   concepts replication (unmet), caching, dns (no rule grades it, no finding)
 *  2 instagram      Mon 30 Nov 09:00–09:30, total 80; replication 0.9 (w2), caching 0.6 (w1); both met
 *  3 url-shortener  Tue  1 Dec 08:00–12:00 (4 h), total 90; caching 1.0 (w1), met
 *  4 banking        Thu 15 Oct 10:00–10:20, total 60; replication 0.5 (w1); no concept rows
 */
export const at = (iso: string): number => Date.parse(iso);

function report(total: number): AttemptReport {
  return {
    outcome: 'graded',
    score: { total, coverage: 100, quality: total, categories: {}, capped: false, rules: [] },
    findings: [],
    parseErrors: [],
    estimates: [],
    questions: [],
    phases: [],
  };
}

const rule = (name: string, category: string, weight: number, score: number): RuleResultRow => ({ rule: name, category, weight, required: false, score, findings: 0, worstSeverity: null });
const concept = (name: string, met: boolean, findings = met ? 0 : 1): ConceptResultRow => ({ concept: name, met, findings });

export function submit(db: Db, a: { promptId: string; started: string; submitted: string; total: number; rules: RuleResultRow[]; concepts: ConceptResultRow[] }): AttemptId {
  const repo = createAttemptsRepo(db);
  const id = repo.start({ promptId: a.promptId, mode: 'practice', startedAt: at(a.started), promptHash: 'h', graderVersion: '1', timeLimitMs: null, phasePlan: [], phase: null });
  repo.submit({
    progress: { id, phase: null, clockOffsetMs: 0, lastSeenAt: at(a.submitted), deadlineAt: null, diagram: 'flowchart LR\n A --> B', notes: {}, estimates: [], questions: [], curveballId: null, events: [] },
    submittedAt: at(a.submitted),
    report: report(a.total),
    rules: a.rules,
    concepts: a.concepts,
  });
  return id;
}

export function seedFour(db: Db): void {
  submit(db, {
    promptId: 'instagram',
    started: '2026-11-23T10:00:00Z',
    submitted: '2026-11-23T10:40:00Z',
    total: 50,
    rules: [rule('replication', 'data', 2, 0.35), rule('caching', 'performance', 1, 0.8)],
    concepts: [concept('replication', false), concept('caching', true), concept('dns', true)],
  });
  submit(db, {
    promptId: 'instagram',
    started: '2026-11-30T09:00:00Z',
    submitted: '2026-11-30T09:30:00Z',
    total: 80,
    rules: [rule('replication', 'data', 2, 0.9), rule('caching', 'performance', 1, 0.6)],
    concepts: [concept('replication', true), concept('caching', true)],
  });
  submit(db, {
    promptId: 'url-shortener',
    started: '2026-12-01T08:00:00Z',
    submitted: '2026-12-01T12:00:00Z',
    total: 90,
    rules: [rule('caching', 'performance', 1, 1)],
    concepts: [concept('caching', true)],
  });
  submit(db, { promptId: 'banking', started: '2026-10-15T10:00:00Z', submitted: '2026-10-15T10:20:00Z', total: 60, rules: [rule('replication', 'data', 1, 0.5)], concepts: [] });
  const repo = createAttemptsRepo(db);
  repo.start({ promptId: 'instagram', mode: 'practice', startedAt: at('2026-12-01T13:00:00Z'), promptHash: 'h', graderVersion: '1', timeLimitMs: null, phasePlan: [], phase: null });
  const discarded = repo.start({ promptId: 'banking', mode: 'practice', startedAt: at('2026-12-01T13:00:00Z'), promptHash: 'h', graderVersion: '1', timeLimitMs: null, phasePlan: [], phase: null });
  repo.abandon(discarded);
}
