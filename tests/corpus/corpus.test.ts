import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLabelError, loadCorpus } from '../../scripts/eval/labels';
import { checkWithMermaid, mermaidNodes } from '../../scripts/eval/mermaidRead';
import { CORPUS_DIR, SPLIT_PATH } from '../../scripts/eval/paths';

const corpus = loadCorpus(CORPUS_DIR);

describe('corpus labels', () => {
  it('every diagram has a labels file and every labels file validates', () => {
    expect(corpus.errors.map(formatLabelError)).toEqual([]);
    expect(corpus.unlabelled).toEqual([]);
    expect(corpus.items.length).toBeGreaterThan(0);
  });

  it('no repository contributes more than 3 diagrams', () => {
    const perRepo = new Map<string, number>();
    for (const item of corpus.items) perRepo.set(item.labels.source.repo.toLowerCase(), (perRepo.get(item.labels.source.repo.toLowerCase()) ?? 0) + 1);
    expect([...perRepo].filter(([, n]) => n > 3)).toEqual([]);
  });

  it.each(corpus.items.map((item) => [item.stem, item] as const))('%s: Mermaid agrees with the labels and every node it creates is labelled', async (_stem, item) => {
    const text = readFileSync(item.diagramPath, 'utf8');
    const verdict = await checkWithMermaid(text);
    expect(verdict.valid).toBe(item.labels.mermaidValid);
    if (!verdict.valid) {
      expect(verdict.line).toBe(item.labels.errorLine);
      return;
    }
    const ids = [...(await mermaidNodes(text)).keys()].sort();
    expect(Object.keys(item.labels.nodes).sort()).toEqual(ids);
  });
});

describe('tests/corpus/split.json', () => {
  it('puts each labelled repository in the half its SHA-256 first byte decides, and nothing else', () => {
    const split = JSON.parse(readFileSync(SPLIT_PATH, 'utf8')) as { rule: string; tuning: string[]; test: string[] };
    const repos = [...new Set(corpus.items.map((i) => i.labels.source.repo.toLowerCase()))].sort();
    const even = (repo: string): boolean => (createHash('sha256').update(repo).digest()[0] ?? 1) % 2 === 0;
    expect(split.rule).toMatch(/SHA-256/);
    expect([...split.tuning].sort()).toEqual(repos.filter(even));
    expect([...split.test].sort()).toEqual(repos.filter((r) => !even(r)));
  });
});
