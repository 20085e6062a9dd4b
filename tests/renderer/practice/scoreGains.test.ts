import { describe, expect, it } from 'vitest';
import type { CoverageAssessment } from '../../../rubrics/coverage/assess';
import { CapabilitySchema, type Capability } from '../../../rubrics/coverage/schema';
import { GradingParamsSchema, type GradingParams } from '../../../rubrics/params';
import type { Finding } from '../../../rubrics/rules/types';
import type { RuleId, Severity } from '../../../rubrics/vocabulary';
import { estimateGains } from '../../../renderer/src/practice/scoreGains';

/*
 * Expected values come from the scoring formula (rubrics/score.ts) worked by hand:
 * total = round(100 × coverage × quality), coverage = served weight / total weight (core ×2),
 * quality = weighted mean of max(0, 1 − Σ penalty) (critical 1, major 0.5, minor 0.15),
 * capped at 40 while a core capability is unmet or a critical finding sits on a core path.
 */

const finding = (rule: RuleId, severity: Severity, nodes: readonly string[]): Finding => ({
  rule,
  severity,
  nodes,
  message: `${rule} ${severity}`,
  why: 'w',
  fix: 'f',
  concept: 'caching',
});

const capability = (id: string, title: string, core: boolean): Capability =>
  CapabilitySchema.parse({ id, title, core, rule: 'caching', missing: `${title} is missing`, chain: [{ kind: ['service'] }] });

const met = (c: Capability, path: readonly string[]) => ({ capability: c, met: true, nodes: path, path });
const unmet = (c: Capability) => ({ capability: c, met: false, nodes: [], path: [] });

const params = (rules: Partial<Record<RuleId, number>>, capabilities: readonly Capability[]): GradingParams =>
  GradingParamsSchema.parse({
    rubric: { rules: Object.fromEntries(Object.entries(rules).map(([id, weight]) => [id, { weight }])), capabilities },
    entities: [],
  });

const feed = capability('feed', 'The feed is read from a cache', true);
const search = capability('search', 'Posts are searchable', false);
const uploads = capability('uploads', 'Uploads go to object storage', true);
const uploadsOptional = capability('uploads', 'Uploads go to object storage', false);

describe('estimateGains', () => {
  it('ranks unmet capabilities with the rules, each by what the total would become', () => {
    // Coverage: feed (2) served of feed 2 + search 1 + uploads 1 = 0.5. Quality: LB 1 − 0.5, caching 1 − 0.15 → 0.675.
    // Now: 0.5 × 0.675 = 33.75 → 34. Serving search or uploads: 0.75 × 0.675 = 50.6 → 51 (+17).
    // Fixing LB: 0.5 × (1 + 0.85) / 2 = 46.25 → 46 (+12). Fixing caching: 0.5 × (0.5 + 1) / 2 = 37.5 → 38 (+4).
    const coverage: CoverageAssessment = { outcomes: [met(feed, ['Client', 'App']), unmet(search), unmet(uploadsOptional)], served: 1, total: 3, fraction: 0.5 };
    const findings = [finding('load-balancing', 'major', ['App']), finding('caching', 'minor', ['Cache'])];
    expect(
      estimateGains({ ruleFindings: findings, coverage, params: params({ 'load-balancing': 1, caching: 1 }, [feed, search, uploadsOptional]) }),
    ).toEqual([
      { kind: 'capability', capability: 'search', action: 'serve “Posts are searchable”', gain: 17 },
      { kind: 'capability', capability: 'uploads', action: 'serve “Uploads go to object storage”', gain: 17 },
      { kind: 'rule', rule: 'load-balancing', action: 'fix load balancing', gain: 12 },
      { kind: 'rule', rule: 'caching', action: 'fix caching', gain: 4 },
    ]);
  });

  it('keeps the cap while another core requirement stays broken', () => {
    // Coverage: feed (2) of feed 2 + uploads 2 = 0.5. Quality: SPOF (weight 2) 0, caching (1) 0.5 → 0.5 / 3.
    // Now: 0.5 × 0.1667 = 8.3 → 8. Fixing the SPOF: 0.5 × 2.5 / 3 = 41.7 → 42, but uploads (core) is unmet: 40 (+32).
    // Fixing caching: 0.5 × 1 / 3 = 16.7 → 17 (+9). Serving uploads: 1 × 0.5 / 3 = 16.7 → 17 (+9); the critical
    // finding on App (on the feed's path) still caps it, which 17 is under.
    const coverage: CoverageAssessment = { outcomes: [met(feed, ['Client', 'App', 'Cache']), unmet(uploads)], served: 1, total: 2, fraction: 0.5 };
    const findings = [finding('single-point-of-failure', 'critical', ['App']), finding('caching', 'major', ['Cache'])];
    expect(estimateGains({ ruleFindings: findings, coverage, params: params({ 'single-point-of-failure': 2, caching: 1 }, [feed, uploads]) })).toEqual([
      { kind: 'rule', rule: 'single-point-of-failure', action: 'fix single points of failure', gain: 32 },
      { kind: 'rule', rule: 'caching', action: 'fix caching', gain: 9 },
      { kind: 'capability', capability: 'uploads', action: 'serve “Uploads go to object storage”', gain: 9 },
    ]);
  });

  it('lifts the cap when the last unmet core capability is served and no critical finding is on a core path', () => {
    // Quality: SPOF (1) 0 (critical on Reports, off every core path), caching (1) 1 → 0.5. Coverage 0.5: 25 (capped, under 40).
    // Serving uploads: 1 × 0.5 = 50, nothing core broken any more (+25). Fixing the SPOF: 0.5 × 1 = 50, uploads still unmet: 40 (+15).
    const coverage: CoverageAssessment = { outcomes: [met(feed, ['Client', 'App']), unmet(uploads)], served: 1, total: 2, fraction: 0.5 };
    const findings = [finding('single-point-of-failure', 'critical', ['Reports'])];
    expect(estimateGains({ ruleFindings: findings, coverage, params: params({ 'single-point-of-failure': 1, caching: 1 }, [feed, uploads]) })).toEqual([
      { kind: 'capability', capability: 'uploads', action: 'serve “Uploads go to object storage”', gain: 25 },
      { kind: 'rule', rule: 'single-point-of-failure', action: 'fix single points of failure', gain: 15 },
    ]);
  });

  it('names a rule as in a sentence, acronyms kept', () => {
    // Coverage 1, quality 1 − 0.5 = 0.5: 50; fixing it: 100 (+50).
    const coverage: CoverageAssessment = { outcomes: [met(feed, ['Client', 'App'])], served: 1, total: 1, fraction: 1 };
    expect(estimateGains({ ruleFindings: [finding('cdn-object-storage', 'major', ['Media'])], coverage, params: params({ 'cdn-object-storage': 1 }, [feed]) })).toEqual([
      { kind: 'rule', rule: 'cdn-object-storage', action: 'fix CDN and object storage', gain: 50 },
    ]);
  });

  it('has nothing to suggest when every capability is served and no finding costs points', () => {
    // An info finding has no penalty: fixing it changes nothing.
    const coverage: CoverageAssessment = { outcomes: [met(feed, ['Client', 'App'])], served: 1, total: 1, fraction: 1 };
    expect(estimateGains({ ruleFindings: [finding('caching', 'info', ['Cache'])], coverage, params: params({ caching: 2 }, [feed]) })).toEqual([]);
  });
});
