import { describe, expect, it } from 'vitest';
import { GradingParamsSchema } from '../../rubrics/params';
import { REQUIRED_CRITICAL_CAP, scoreFindings } from '../../rubrics/score';
import type { Finding } from '../../rubrics/rules/types';
import type { RuleId, Severity } from '../../rubrics/vocabulary';

const params = GradingParamsSchema.parse({
  rubric: {
    rules: {
      'single-point-of-failure': { weight: 3, required: true },
      caching: { weight: 2 },
      observability: { weight: 1 },
      sharding: { weight: 0 },
    },
  },
});

const f = (rule: RuleId, severity: Severity): Finding => ({ rule, severity, nodes: [], message: 'm', why: 'w', fix: 'f', concept: 'caching' });

describe('scoring', () => {
  it.each([
    ['no findings', [], 100],
    ['info costs nothing', [f('caching', 'info')], 100],
    ['one minor', [f('observability', 'minor')], 98], // (3 + 2 + 0.85) / 6
    ['one major', [f('caching', 'major')], 83], // (3 + 1 + 1) / 6
    ['penalties add up within a rule and floor at zero', [f('caching', 'major'), f('caching', 'major'), f('caching', 'minor')], 67],
    ['critical in a non-required rule', [f('caching', 'critical')], 67],
    ['critical in a required rule caps the total', [f('single-point-of-failure', 'critical')], REQUIRED_CRITICAL_CAP],
    ['findings of rules the rubric does not list are ignored', [f('realtime-transport', 'critical')], 100],
    ['weight zero rules do not count', [f('sharding', 'critical')], 100],
  ] as const)('%s → %i', (_name, findings, total) => {
    expect(scoreFindings(findings, params).total).toBe(total);
  });

  it('scores categories over their own rules only', () => {
    const score = scoreFindings([f('caching', 'major')], params);
    expect(score.categories).toEqual({ availability: 100, performance: 50, operability: 100 });
  });

  it('reports whether the cap applied', () => {
    expect(scoreFindings([f('single-point-of-failure', 'critical')], params).capped).toBe(true);
    expect(scoreFindings([f('caching', 'critical')], params).capped).toBe(false);
  });

  it('is independent of finding order', () => {
    const findings = [f('caching', 'major'), f('observability', 'minor'), f('single-point-of-failure', 'minor')];
    expect(scoreFindings([...findings].reverse(), params)).toEqual(scoreFindings(findings, params));
  });
});
