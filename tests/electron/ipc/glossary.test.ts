import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import { RULE_TITLES } from '../../../rubrics/vocabulary';
import { resolveGlossaryFile } from '../../../electron/paths';
import { BUILTIN_GLOSSARY_FILE } from '../../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../../prompts/node/load';
import { RULE_CONCEPTS } from '../../../rubrics/rules/index';
import { CONCEPT_IDS, RULE_IDS } from '../../../rubrics/vocabulary';
import { tempDir, testContext } from '../helpers';

const builtinPrompts = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts;

async function glossary(overrides: Parameters<typeof testContext>[0] = {}) {
  const internal: unknown[] = [];
  const result = await dispatchTyped(testContext(overrides), 'glossary:get', undefined, { onInternalError: (_c, e) => internal.push(e) });
  expect(internal, 'the answer matches the contract and nothing threw').toEqual([]);
  return result;
}

function writeGlossary(source: string): string {
  const file = join(tempDir(), 'glossary.yaml');
  writeFileSync(file, source);
  return file;
}

describe('glossary:get with the repository glossary', () => {
  it('answers one entry per concept id, in the file order, with its text', async () => {
    const result = await glossary();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.concepts.map((c) => c.id).sort()).toEqual([...CONCEPT_IDS].sort());
    for (const concept of result.value.concepts) {
      expect(concept.title.length).toBeGreaterThan(0);
      expect(concept.explanation.length).toBeGreaterThan(0);
      expect(concept.tradeOffs.length).toBeGreaterThan(0);
    }
  });

  it('lists as "practised in" exactly the built-in prompts whose concepts name it, with their titles', async () => {
    const result = await glossary();
    if (!result.ok) throw new Error(result.error.message);
    for (const concept of result.value.concepts) {
      const expected = builtinPrompts.filter((p) => p.concepts.includes(concept.id)).map((p) => ({ id: p.id, title: p.title }));
      expect(concept.prompts, concept.id).toEqual(expected);
    }
  });

  it('lists as "graded by" exactly the rules whose findings cite it, with readable titles', async () => {
    const result = await glossary();
    if (!result.ok) throw new Error(result.error.message);
    for (const concept of result.value.concepts) {
      const expected = RULE_IDS.filter((rule) => RULE_CONCEPTS[rule].includes(concept.id));
      expect(concept.rules.map((r) => r.id).sort(), concept.id).toEqual([...expected].sort());
      for (const rule of concept.rules) expect(rule.title).toBe(RULE_TITLES[rule.id]);
    }
    const spof = result.value.concepts.find((c) => c.id === 'single-point-of-failure');
    expect(spof?.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['single-point-of-failure', 'load-balancing']));
  });

  it('includes the user’s own prompts that practise a concept', async () => {
    const userPromptsDir = tempDir();
    const banking = readFileSync(join(BUILTIN_PROMPTS_DIR, 'banking.yaml'), 'utf8')
      .replace(/^id: banking$/m, 'id: my-ledger')
      .replace(/^title: .*$/m, 'title: My own ledger');
    writeFileSync(join(userPromptsDir, 'my-ledger.yaml'), banking);
    const result = await glossary({ userPromptsDir });
    if (!result.ok) throw new Error(result.error.message);
    const bankingConcepts = builtinPrompts.find((p) => p.id === 'banking')?.concepts ?? [];
    expect(bankingConcepts.length).toBeGreaterThan(0);
    for (const id of bankingConcepts) {
      const concept = result.value.concepts.find((c) => c.id === id);
      expect(concept?.prompts, id).toContainEqual({ id: 'my-ledger', title: 'My own ledger' });
    }
  });
});

describe('glossary:get with a glossary that does not load', () => {
  it.each([
    ['a missing file', () => join(tempDir(), 'nowhere.yaml'), /cannot read glossary/],
    ['YAML that does not parse', () => writeGlossary('concepts:\n  - id: dns\n    title: [unclosed\n'), /glossary\.yaml/],
    ['entries missing for most concepts', () => writeGlossary('concepts:\n  - id: dns\n    title: DNS\n    summary: s\n    explanation: e\n    tradeOffs: [t]\n'), /no entry for concept "caching"/],
    ['an unknown concept id', () => writeGlossary(readFileSync(BUILTIN_GLOSSARY_FILE, 'utf8').replace('- id: dns', '- id: telepathy')), /concepts\[0\]\.id/],
  ])('%s gives a typed internal error naming the file, never a throw', async (_name, makeFile, detail) => {
    const glossaryFile = makeFile();
    const result = await glossary({ glossaryFile });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toContain(glossaryFile);
    expect(result.error.issues?.length).toBeGreaterThan(0);
    expect(result.error.issues?.map((issue) => issue.message).join('\n')).toMatch(detail);
  });
});

describe('resolveGlossaryFile', () => {
  it('reads the repository file when unpackaged and the resources copy when packaged', () => {
    const layout = { resourcesPath: '/opt/Sysdrill/resources', appPath: '/src/sysdrill' };
    expect(resolveGlossaryFile({ ...layout, isPackaged: false })).toBe(join('/src/sysdrill', 'prompts', 'glossary.yaml'));
    expect(resolveGlossaryFile({ ...layout, isPackaged: true })).toBe(join('/opt/Sysdrill/resources', 'glossary.yaml'));
  });

  it('points at the file the prompt library ships, when run from the repository', () => {
    expect(resolveGlossaryFile({ isPackaged: false, resourcesPath: '', appPath: join(BUILTIN_PROMPTS_DIR, '..', '..') })).toBe(BUILTIN_GLOSSARY_FILE);
  });
});
