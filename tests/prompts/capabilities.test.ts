import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { parsePromptFile } from '../../prompts/parse';
import { variant } from './fixtures';

const FILE = 'prompts/tiny.yaml';
const RULES_LINE = '    single-point-of-failure: { weight: 1 }\n';

/** The fixture with a `capabilities:` block at the end of its rubric; the block starts on line 38. */
const withCapabilities = (block: string): string => variant(RULES_LINE, RULES_LINE + block);

const STORED = `  capabilities:
    - id: stored
      title: Values are stored
      core: true
      rule: database-choice
      missing: Nothing stores values yet.
      chain:
        - { kind: [service] }
        - { kind: [database] }
`;

function errorsOf(text: string): readonly string[] {
  const result = parsePromptFile(FILE, text);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('capabilities in a prompt file', () => {
  it('parses a capability block at the end of the rubric, with defaults', () => {
    const result = parsePromptFile(FILE, withCapabilities(`${STORED}    - id: cached
      title: Reads come from a cache
      rule: caching
      missing: Nothing caches values yet.
      chain:
        - { kind: [service, worker], name: a service }
        - anyOf:
            - { kind: [cache] }
            - { kind: [database], dataModel: [key_value], words: [Cache] }
`));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.prompt.rubric.capabilities.map((c) => [c.id, c.core, c.chain.length])).toEqual([
      ['stored', true, 2],
      ['cached', false, 2],
    ]);
    // Words are matched lower-case, whatever case the author wrote.
    expect(result.prompt.rubric.capabilities[1]?.chain[1]?.anyOf?.[1]?.words).toEqual(['cache']);
  });

  it('defaults to no capabilities (the generic set applies when grading)', () => {
    const result = parsePromptFile(FILE, variant('id: tiny', 'id: tiny'));
    expect(result.ok && result.prompt.rubric.capabilities).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown node kind',
      text: withCapabilities(STORED.replace('{ kind: [database] }', '{ kind: [databse] }')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[0\]\.chain\[1\]\.kind\[0\]: Invalid option: expected one of .* \(line 46, column 20\)$/,
    },
    {
      name: 'a step with no criterion',
      text: withCapabilities(STORED.replace('{ kind: [database] }', '{ name: a store }')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[0\]\.chain\[1\]: a step needs at least one of kind, dataModel, tech, words, edgeWords, holds, flags, transport, sharded, replicated or anyOf \(line 46, column 11\)$/,
    },
    {
      name: 'an unknown technology',
      text: withCapabilities(STORED.replace('{ kind: [database] }', '{ tech: [postgress] }')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[0\]\.chain\[1\]\.tech\[0\]: unknown technology \(see rubrics\/model\/tech\.ts for the names\) \(line 46, column 20\)$/,
    },
    {
      name: 'an unknown rule',
      text: withCapabilities(STORED.replace('rule: database-choice', 'rule: databases')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[0\]\.rule: Invalid option: expected one of .* \(line 42, column 13\)$/,
    },
    {
      name: 'an empty chain',
      text: withCapabilities(STORED.replace('      chain:\n        - { kind: [service] }\n        - { kind: [database] }\n', '      chain: []\n')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[0\]\.chain: Too small: expected array to have >=1 items \(line 44, column 14\)$/,
    },
    {
      name: 'a repeated id',
      text: withCapabilities(STORED + STORED.replace('  capabilities:\n', '')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities\[1\]\.id: duplicate capability id "stored" \(line 47, column 11\)$/,
    },
    {
      name: 'no core capability',
      text: withCapabilities(STORED.replace('      core: true\n', '')),
      expected: /^prompts\/tiny\.yaml: rubric\.capabilities: mark at least one capability `core: true` \(line 39, column 5\)$/,
    },
  ])('reports $name at its line', ({ text, expected }) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });
});

it('reports a misspelt criterion at its line, and that the step is left without one', () => {
  expect(errorsOf(withCapabilities(STORED.replace('{ kind: [database] }', '{ kinds: [database] }')))).toEqual([
    'prompts/tiny.yaml: rubric.capabilities[0].chain[1]: unknown field "kinds" (line 46, column 13)',
    'prompts/tiny.yaml: rubric.capabilities[0].chain[1]: a step needs at least one of kind, dataModel, tech, words, edgeWords, holds, flags, transport, sharded, replicated or anyOf (line 46, column 11)',
  ]);
});

describe('the built-in library', () => {
  const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);

  it.each(library.prompts.map((p) => [p.id, p] as const))('%s declares 3 to 8 capabilities, at least one core', (_id, prompt) => {
    const { capabilities } = prompt.rubric;
    expect(capabilities.length).toBeGreaterThanOrEqual(3);
    expect(capabilities.length).toBeLessThanOrEqual(8);
    expect(capabilities.some((c) => c.core)).toBe(true);
  });

  it.each(library.prompts.map((p) => [p.id, p] as const))('%s reports a missing capability under a rule its rubric weighs', (_id, prompt) => {
    const unweighted = prompt.rubric.capabilities.filter((c) => (prompt.rubric.rules[c.rule]?.weight ?? 0) === 0).map((c) => c.id);
    expect(unweighted).toEqual([]);
  });
});
