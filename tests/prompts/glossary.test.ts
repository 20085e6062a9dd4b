import { describe, expect, it } from 'vitest';
import { conceptLinks, parseGlossaryFile, unusedConcepts } from '../../prompts/glossary';
import { BUILTIN_GLOSSARY_FILE, loadGlossary } from '../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { RULE_CONCEPTS } from '../../rubrics/rules/index';
import { CONCEPT_IDS } from '../../rubrics/vocabulary';

const glossaryResult = loadGlossary();
const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);

function builtinGlossary() {
  if (!glossaryResult.ok) throw new Error(glossaryResult.errors.map((e) => e.message).join('\n'));
  return glossaryResult.glossary;
}

describe('built-in glossary', () => {
  it('validates', () => {
    expect(glossaryResult.ok ? [] : glossaryResult.errors.map((e) => e.message)).toEqual([]);
  });

  it('has exactly one entry per concept id, in vocabulary order', () => {
    expect(builtinGlossary().concepts.map((e) => e.id)).toEqual([...CONCEPT_IDS]);
  });

  it('has every concept exercised by at least one prompt', () => {
    expect(library.errors).toEqual([]);
    expect(unusedConcepts(builtinGlossary(), library.prompts)).toEqual([]);
  });

  it('links each prompt concept to a glossary entry', () => {
    const glossaryIds = new Set(builtinGlossary().concepts.map((e) => e.id));
    const dangling = library.prompts.flatMap((p) => p.concepts.filter((c) => !glossaryIds.has(c)).map((c) => `${p.id}: ${c}`));
    expect(dangling).toEqual([]);
  });
});

describe('conceptLinks', () => {
  it('links every concept to a prompt, and the grader rules to the concepts they cite', () => {
    const links = conceptLinks(builtinGlossary(), library.prompts, RULE_CONCEPTS);
    expect(links.filter((l) => l.promptIds.length === 0).map((l) => l.entry.id)).toEqual([]);
    const byId = new Map(links.map((l) => [l.entry.id, l]));
    expect(byId.get('sharding')?.ruleIds).toEqual(['sharding']);
    expect(byId.get('single-point-of-failure')?.ruleIds).toEqual(expect.arrayContaining(['single-point-of-failure']));
    const citedByRules = new Set(Object.values(RULE_CONCEPTS).flat());
    expect([...citedByRules].filter((c) => !byId.has(c))).toEqual([]);
  });

  it('derives prompt and rule back-links from the prompts and the rule table', () => {
    const links = conceptLinks(
      builtinGlossary(),
      [
        { id: 'a', concepts: ['dns', 'caching'] },
        { id: 'b', concepts: ['caching'] },
      ],
      { caching: ['caching'], 'cdn-object-storage': ['cdn', 'object-storage'] },
    );
    const byId = new Map(links.map((l) => [l.entry.id, l]));
    expect(byId.get('caching')).toMatchObject({ promptIds: ['a', 'b'], ruleIds: ['caching'] });
    expect(byId.get('cdn')).toMatchObject({ promptIds: [], ruleIds: ['cdn-object-storage'] });
    expect(byId.get('dns')).toMatchObject({ promptIds: ['a'], ruleIds: [] });
  });
});

describe('parseGlossaryFile', () => {
  const entry = (id: string) => `  - id: ${id}\n    title: T\n    summary: S\n    explanation: E\n    tradeOffs: [x]\n`;

  it.each([
    {
      name: 'a concept missing from the glossary',
      text: `concepts:\n${CONCEPT_IDS.filter((c) => c !== 'dns').map(entry).join('')}`,
      expected: ['glossary.yaml: concepts: no entry for concept "dns" (line 2, column 3)'],
    },
    {
      name: 'an entry for an unknown concept',
      text: `concepts:\n${CONCEPT_IDS.map(entry).join('')}${entry('blockchain')}`,
      expected: [expect.stringMatching(/^glossary\.yaml: concepts\[21\]\.id: Invalid option: expected one of "dns"\|.* \(line 107, column 9\)$/)],
    },
    {
      name: 'a duplicated concept',
      text: `concepts:\n${CONCEPT_IDS.map(entry).join('')}${entry('dns')}`,
      expected: ['glossary.yaml: concepts[21].id: duplicate concept "dns" (line 107, column 9)'],
    },
    {
      name: 'an entry without trade-offs',
      text: `concepts:\n${CONCEPT_IDS.map(entry).join('').replace('    tradeOffs: [x]\n', '')}`,
      expected: ['glossary.yaml: concepts[0].tradeOffs: missing (expected array) (line 2, column 5)'],
    },
  ])('reports $name', ({ text, expected }) => {
    const result = parseGlossaryFile('glossary.yaml', text);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(expected);
  });

  it('reports an unreadable glossary file instead of throwing', () => {
    const result = loadGlossary(`${BUILTIN_GLOSSARY_FILE}.missing`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/cannot read glossary: does not exist$/);
  });
});
