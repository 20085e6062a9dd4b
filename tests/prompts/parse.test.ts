import { describe, expect, it } from 'vitest';
import { parsePromptFile, fileStem } from '../../prompts/parse';
import { formatFieldPath } from '../../prompts/errors';
import type { GradingParams } from '../../rubrics/params';
import { MINIMAL_PROMPT_YAML, variant } from './fixtures';

const FILE = 'prompts/tiny.yaml';

function messagesOf(text: string, file = FILE): readonly string[] {
  const result = parsePromptFile(file, text);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('parsePromptFile', () => {
  it('accepts a complete prompt and fills the rubric defaults', () => {
    const result = parsePromptFile(FILE, MINIMAL_PROMPT_YAML);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.prompt.id).toBe('tiny');
    expect(result.prompt.rubric.sessions.sticky).toBe('forbidden');
    expect(result.prompt.rubric.replication).toEqual({ need: 'recommended', synchronous: false, multiRegion: false });
    // A parsed prompt is directly usable as grading parameters.
    const params: GradingParams = result.prompt;
    expect(params.entities.map((e) => e.id)).toEqual(['values']);
  });

  it.each([
    {
      name: 'a scalar where a list is expected',
      text: variant('accept: [key_value]', 'accept: key_value'),
      expected: ['prompts/tiny.yaml: entities[0].accept: expected array, received string (line 33, column 13)'],
    },
    {
      name: 'an unknown data model',
      text: variant('accept: [key_value]', 'accept: [blob]'),
      expected: [
        'prompts/tiny.yaml: entities[0].accept[0]: Invalid option: expected one of "relational"|"document"|"wide_column"|"key_value"|"graph"|"time_series"|"search"|"vector"|"unknown" (line 33, column 14)',
      ],
    },
    {
      name: 'a missing required field (located at its parent)',
      text: variant('title: Tiny prompt\n', ''),
      expected: ['prompts/tiny.yaml: title: missing (expected string) (line 1, column 1)'],
    },
    {
      name: 'a misspelt top-level field',
      text: variant('hints:', 'hint: x\nhints:'),
      expected: ['prompts/tiny.yaml: unknown field "hint" (line 38, column 1)'],
    },
    {
      name: 'an unknown rule id in the rubric',
      text: variant('single-point-of-failure: { weight: 1 }', 'spof: { weight: 1 }'),
      expected: ['prompts/tiny.yaml: rubric.rules: unknown field "spof" (line 37, column 5)'],
    },
    {
      name: 'a weight out of range',
      text: variant('single-point-of-failure: { weight: 1 }', 'single-point-of-failure: { weight: 11 }'),
      expected: ['prompts/tiny.yaml: rubric.rules.single-point-of-failure.weight: Too big: expected number to be <=10 (line 37, column 40)'],
    },
    {
      name: 'a malformed read:write ratio',
      text: variant('"10:1"', '"ten"'),
      expected: ['prompts/tiny.yaml: scale.readWriteRatio: expected a ratio such as 100:1 (line 16, column 19)'],
    },
    {
      name: 'a duplicate estimate id',
      text: variant('estimates:\n', 'estimates:\n  - { id: storage, label: S, value: 1, unit: GB, tolerance: 1, derivation: d }\n'),
      expected: ['prompts/tiny.yaml: estimates[1].id: duplicate id "storage" (line 24, column 9)'],
    },
    {
      name: 'a concept id that is not in the glossary vocabulary',
      text: variant('concepts: [single-point-of-failure]', 'concepts: [blockchain]'),
      expected: [
        expect.stringMatching(/^prompts\/tiny\.yaml: concepts\[0\]: Invalid option: expected one of "dns"\|.*\(line 48, column 12\)$/),
      ],
    },
    {
      name: 'an id that differs from the file name',
      text: variant('id: tiny', 'id: small'),
      expected: ['prompts/tiny.yaml: id: id "small" must equal the file name "tiny" (line 1, column 5)'],
    },
    {
      name: 'unclosed flow sequence (YAML syntax)',
      text: variant('tags: [demo]', 'tags: [demo'),
      expected: [
        'prompts/tiny.yaml: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 5, column 1)',
      ],
    },
    {
      name: 'a repeated key (YAML syntax)',
      text: variant('title: Tiny prompt', 'title: Tiny prompt\ntitle: Again'),
      expected: ['prompts/tiny.yaml: invalid YAML: Map keys must be unique (line 3, column 1)'],
    },
    {
      name: 'an empty file',
      text: '',
      expected: ['prompts/tiny.yaml: the file is empty (expected a mapping)'],
    },
    {
      name: 'a list instead of a mapping',
      text: '- a\n- b\n',
      expected: ['prompts/tiny.yaml: expected object, received array (line 1, column 1)'],
    },
  ])('reports $name with file, field path, message and position', ({ text, expected }) => {
    expect(messagesOf(text)).toEqual(expected);
  });

  it('reports every schema problem in a file, not just the first', () => {
    const text = variant('difficulty: easy', 'difficulty: trivial', variant('dau: 1000', 'dau: -5'));
    expect(messagesOf(text)).toEqual([
      'prompts/tiny.yaml: difficulty: Invalid option: expected one of "easy"|"medium"|"hard" (line 3, column 13)',
      'prompts/tiny.yaml: scale.dau: Too small: expected number to be >=0 (line 13, column 8)',
    ]);
  });

  it('carries the structured location next to the message', () => {
    const result = parsePromptFile(FILE, variant('accept: [key_value]', 'accept: key_value'));
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ file: FILE, kind: 'schema', path: 'entities[0].accept', line: 33, column: 13, detail: 'expected array, received string' }),
      ],
    });
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const result = parsePromptFile(FILE, bomb);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^prompts\/tiny\.yaml: invalid YAML: .*alias/i);
  });
});

describe('fileStem and formatFieldPath', () => {
  it.each([
    ['prompts/data/banking.yaml', 'banking'],
    ['C:\\Users\\me\\prompts\\my-prompt.yml', 'my-prompt'],
    ['plain.YAML', 'plain'],
  ])('takes the stem of %s', (file, stem) => {
    expect(fileStem(file)).toBe(stem);
  });

  it.each([
    [['entities', 2, 'accept'], 'entities[2].accept'],
    [['rubric', 'rules', 'caching', 'weight'], 'rubric.rules.caching.weight'],
    [[], ''],
    [[0, 'id'], '[0].id'],
  ] as const)('formats %j as %s', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});
