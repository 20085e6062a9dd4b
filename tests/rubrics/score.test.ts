import { describe, expect, it } from 'vitest';
import type { CapabilityOutcome, CoverageAssessment } from '../../rubrics/coverage/assess';
import { CapabilitySchema } from '../../rubrics/coverage/schema';
import { GradingParamsSchema } from '../../rubrics/params';
import { CORE_BREAK_CAP, qualityOf, scoreDesign } from '../../rubrics/score';
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

const f = (rule: RuleId, severity: Severity, nodes: string[] = []): Finding => ({ rule, severity, nodes, message: 'm', why: 'w', fix: 'f', concept: 'caching' });

const capability = (id: string, core: boolean) =>
  CapabilitySchema.parse({ id, title: id, core, rule: 'database-choice', missing: `${id} missing`, chain: [{ kind: ['service'] }, { kind: ['database'] }] });

/** A capability outcome: met ones name the path their requests take. */
const served = (id: string, core: boolean, path: string[]): CapabilityOutcome => ({ capability: capability(id, core), met: true, nodes: path.slice(-2), path });
const unserved = (id: string, core: boolean): CapabilityOutcome => ({ capability: capability(id, core), met: false, nodes: [], path: [] });

/** Coverage figures as the assessment reports them: core capabilities weigh 2, others 1. */
function coverage(outcomes: CapabilityOutcome[], fraction: number): CoverageAssessment {
  return { outcomes, served: outcomes.filter((o) => o.met).length, total: outcomes.length, fraction };
}

const MAIN_PATH = ['U', 'LB', 'App', 'DB'];
const ALL_SERVED = coverage([served('orders', true, MAIN_PATH), served('emails', false, ['U', 'App', 'Q', 'Mailer'])], 1);

describe('quality: how well, from the rules', () => {
  it.each([
    ['no findings', [], 100],
    ['info costs nothing', [f('caching', 'info')], 100],
    ['one minor', [f('observability', 'minor')], 98], // (3 + 2 + 0.85) / 6
    ['one major', [f('caching', 'major')], 83], // (3 + 1 + 1) / 6
    ['penalties add up within a rule and floor at zero', [f('caching', 'major'), f('caching', 'major'), f('caching', 'minor')], 67],
    ['critical in a non-required rule', [f('caching', 'critical')], 67],
    ['critical in a required rule costs its weight', [f('single-point-of-failure', 'critical')], 50],
    ['findings of rules the rubric does not list are ignored', [f('realtime-transport', 'critical')], 100],
    ['weight zero rules do not count', [f('sharding', 'critical')], 100],
  ] as const)('%s → %i', (_name, findings, expected) => {
    expect(Math.round(qualityOf(findings, params).value * 100)).toBe(expected);
  });

  it('scores categories over their own rules only', () => {
    expect(qualityOf([f('caching', 'major')], params).categories).toEqual({ availability: 100, performance: 50, operability: 100 });
  });
});

describe('total: coverage × quality', () => {
  it.each([
    ['everything served, nothing wrong', [], ALL_SERVED, 100],
    ['everything served, one major', [f('caching', 'major')], ALL_SERVED, 83],
    ['two thirds served, nothing wrong', [], coverage([served('orders', true, MAIN_PATH), unserved('emails', false)], 2 / 3), 67],
    ['two thirds served, one minor', [f('observability', 'minor')], coverage([served('orders', true, MAIN_PATH), unserved('emails', false)], 2 / 3), 65],
    ['nothing served scores nothing, whatever it avoids', [], coverage([unserved('orders', true), unserved('emails', false)], 0), 0],
  ] as const)('%s → %i', (_name, findings, cov, expected) => {
    expect(scoreDesign(findings, cov, params).total).toBe(expected);
  });

  it('reports coverage and quality next to the total', () => {
    const score = scoreDesign([f('caching', 'major')], coverage([served('orders', true, MAIN_PATH), unserved('emails', false)], 2 / 3), params);
    expect({ total: score.total, coverage: score.coverage, quality: score.quality }).toEqual({ total: 56, coverage: 67, quality: 83 });
  });
});

describe('the cap: only a critical finding that breaks a core requirement', () => {
  it.each([
    ['the only instance on a core capability path', [f('single-point-of-failure', 'critical', ['LB'])], ALL_SERVED, CORE_BREAK_CAP, true],
    ['a core store that is a single copy', [f('single-point-of-failure', 'critical', ['DB'])], ALL_SERVED, CORE_BREAK_CAP, true],
    ['a critical off every core path (the e-mail worker)', [f('single-point-of-failure', 'critical', ['Mailer'])], ALL_SERVED, 50, false],
    ['a critical without nodes', [f('caching', 'critical')], ALL_SERVED, 67, false],
    ['a critical of a weight-zero rule on the core path', [f('sharding', 'critical', ['DB'])], ALL_SERVED, 100, false],
    ['a major on the core path', [f('caching', 'major', ['App'])], ALL_SERVED, 83, false],
  ] as const)('%s → %i', (_name, findings, cov, expected, capped) => {
    const score = scoreDesign(findings, cov, params);
    expect({ total: score.total, capped: score.capped }).toEqual({ total: expected, capped });
  });

  it('caps a design that misses a core capability, however polished the rest', () => {
    // orders (core, 2) + audit (1) served, payments (core, 2) not: 3 / 5 of the weight.
    const cov = coverage([served('orders', true, MAIN_PATH), unserved('payments', true), served('audit', false, ['App', 'Audit'])], 3 / 5);
    const score = scoreDesign([], cov, params);
    expect({ total: score.total, capped: score.capped, coverage: score.coverage }).toEqual({ total: CORE_BREAK_CAP, capped: true, coverage: 60 });
  });

  it('reports no cap when the uncapped total is already below it', () => {
    const cov = coverage([served('orders', true, MAIN_PATH), unserved('payments', true)], 2 / 4);
    const score = scoreDesign([f('single-point-of-failure', 'critical', ['App'])], cov, params);
    expect({ total: score.total, capped: score.capped }).toEqual({ total: 25, capped: false });
  });

  it('is independent of finding order', () => {
    const findings = [f('caching', 'major'), f('observability', 'minor'), f('single-point-of-failure', 'critical', ['App'])];
    expect(scoreDesign([...findings].reverse(), ALL_SERVED, params)).toEqual(scoreDesign(findings, ALL_SERVED, params));
  });
});
