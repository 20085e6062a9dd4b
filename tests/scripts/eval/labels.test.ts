import { describe, expect, it } from 'vitest';
import { parseLabels, repoFromStem } from '../../../scripts/eval/labels';

const good = {
  source: { repo: 'acme/pay', path: 'docs/arch.md' },
  domain: 'fintech',
  mermaidValid: true,
  errorLine: null,
  nodes: { U: 'client', API: 'service', DB: 'database' },
  spof: ['API'],
  spofDisputed: ['DB'],
  features: { loadBalancer: false, cache: false, cdn: false, queue: false, dbReplication: false },
};
const FILE = 'tests/corpus/diagrams/acme__pay__1.labels.json';

describe('parseLabels', () => {
  it('accepts a well-formed labels file', () => {
    expect(parseLabels(FILE, JSON.stringify(good)).ok).toBe(true);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['unknown kind', { ...good, nodes: { ...good.nodes, X: 'microservice' } }, 'nodes.X', /./],
    ['spof names no node', { ...good, spof: ['Nope'] }, 'spof.0', /not a labelled node/],
    ['spof and disputed overlap', { ...good, spof: ['DB'] }, 'spof.0', /also in spofDisputed/],
    ['spof on an ignored node', { ...good, nodes: { ...good.nodes, N: 'ignore' }, spof: ['N'] }, 'spof.0', /ignore/],
    ['invalid diagram without a line', { ...good, mermaidValid: false }, 'errorLine', /where Mermaid stops/],
    ['valid diagram with a line', { ...good, errorLine: 3 }, 'errorLine', /null/],
    ['missing feature', { ...good, features: { cache: false } }, 'features.loadBalancer', /./],
    ['unknown domain', { ...good, domain: 'banking' }, 'domain', /./],
    ['short commit', { ...good, source: { ...good.source, commit: 'abc' } }, 'source.commit', /40/],
    ['unknown field', { ...good, extra: 1 }, '(root)', /extra/],
    ['repo differs from the file name', { ...good, source: { ...good.source, repo: 'other/pay' } }, 'source.repo', /file name/],
  ])('%s → located error at %s', (_name, value, field, reason) => {
    const result = parseLabels(FILE, JSON.stringify(value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: FILE, field });
    expect(result.errors[0]?.reason).toMatch(reason);
  });

  it('reports text that is not JSON against the whole file', () => {
    const result = parseLabels(FILE, '{ nodes: ');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['(file)']);
  });
});

describe('repoFromStem', () => {
  it.each([
    ['acme__pay__1', 'acme/pay'],
    ['my-org__my.repo__12', 'my-org/my.repo'],
    ['acme__pay', undefined],
  ])('%s → %s', (stem, repo) => {
    expect(repoFromStem(stem)).toBe(repo);
  });
});
