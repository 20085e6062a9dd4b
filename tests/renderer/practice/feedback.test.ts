// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gradeInstagram, params, prompt } from './instagramGrading';
import { architectureData } from '../../../rubrics/model/build';
import { feedbackOf } from '../../../renderer/src/practice/feedback';
import { analyseReport } from '../../../renderer/src/practice/reportAnalysis';

const DESIGNS = [
  ['the naive design', prompt.naive.mermaid],
  ['the reference design', prompt.reference.mermaid],
  ['one box', 'flowchart LR\n  User --> App[Photo service]'],
  ['a lone balancer and database', 'flowchart LR\n  User --> LB[Load balancer] --> App[Photo service ×3] --> DB[(Photos DB · Postgres)]'],
] as const;

describe('feedbackOf', () => {
  it.each(DESIGNS)('puts every finding of %s in exactly one cause, a missing capability always on its own', { timeout: 60_000 }, async (_, text) => {
    const graded = await gradeInstagram(text);
    const { causes } = feedbackOf(graded, params);
    const grouped = causes.flatMap((cause) => [cause.lead, ...cause.also]);
    expect(grouped).toHaveLength(graded.findings.length);
    expect(new Set(grouped)).toEqual(new Set(graded.findings));
    for (const gap of analyseReport(graded, params).gapFindings) expect(causes).toContainEqual({ lead: gap, also: [] });
  });

  it('offers gains for a design that misses capabilities, largest first', { timeout: 60_000 }, async () => {
    const graded = await gradeInstagram('flowchart LR\n  User --> App[Photo service]');
    const { gains } = feedbackOf(graded, params);
    const unmet = analyseReport(graded, params).coverage.outcomes.filter((o) => !o.met);
    expect(unmet.length).toBeGreaterThan(0);
    expect(gains.length).toBeGreaterThan(0);
    expect(gains.every((gain) => gain.gain > 0)).toBe(true);
    expect(gains.map((gain) => gain.gain)).toEqual([...gains.map((gain) => gain.gain)].sort((a, b) => b - a));
  });

  it('keeps its findings the report’s own when both cross from the grading worker in one message', { timeout: 60_000 }, async () => {
    const graded = await gradeInstagram(DESIGNS[3][1]);
    // What grade.worker.ts posts, copied the way postMessage copies it.
    const crossed = structuredClone({ report: { ...graded, architecture: architectureData(graded.architecture) }, feedback: feedbackOf(graded, params) });
    const leads = crossed.feedback.causes.map((cause) => cause.lead);
    expect(leads.length).toBeGreaterThan(0);
    for (const lead of leads) expect(crossed.report.findings).toContain(lead);
  });
});
