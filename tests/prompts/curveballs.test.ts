import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { parsePromptFile } from '../../prompts/parse';
import { MINIMAL_PROMPT_YAML, variant } from './fixtures';

const WITH_CURVEBALL = variant(
  'reference:',
  `curveballs:
  - id: surge
    at: 0.67
    change: Ten times the traffic.
    rubric:
      require: [single-point-of-failure]
      raise: { caching: required }
    absorbed: Replicas and a cache.
reference:`,
);

function errorsOf(text: string): readonly string[] {
  const parsed = parsePromptFile('tiny.yaml', text);
  return parsed.ok ? [] : parsed.errors.map((e) => e.message);
}

describe('curveballs in prompt files', () => {
  it('accepts a curveball that requires a rubric rule and raises a need', () => {
    const parsed = parsePromptFile('tiny.yaml', WITH_CURVEBALL);
    expect(parsed.ok && parsed.prompt.curveballs).toEqual([
      { id: 'surge', at: 0.67, change: 'Ten times the traffic.', rubric: { require: ['single-point-of-failure'], raise: { caching: 'required' } }, absorbed: 'Replicas and a cache.' },
    ]);
  });

  it.each([
    [
      'a rule the rubric does not grade',
      variant('require: [single-point-of-failure]', 'require: [caching]', WITH_CURVEBALL),
      /curveballs\[0\]\.rubric\.require\[0\]: rule "caching" is not in this prompt's rubric\.rules.*\(line 44, column 17\)/,
    ],
    [
      'a need that is not raised',
      variant('raise: { caching: required }', 'raise: { replication: recommended }', WITH_CURVEBALL),
      /curveballs\[0\]\.rubric\.raise\.replication: replication is already "recommended" in the rubric; a curveball can only raise a need \(to required\).*\(line 45, column 29\)/,
    ],
    [
      'an unknown rule id',
      variant('require: [single-point-of-failure]', 'require: [magic]', WITH_CURVEBALL),
      /curveballs\[0\]\.rubric\.require\[0\]: .*\(line 44, column 17\)/,
    ],
    [
      'a moment outside the deep dive',
      variant('at: 0.67', 'at: 0.1', WITH_CURVEBALL),
      /curveballs\[0\]\.at: .*0\.4.*\(line 41, column 9\)/,
    ],
    [
      'no rubric change at all',
      variant(`require: [single-point-of-failure]
      raise: { caching: required }`, 'require: []', WITH_CURVEBALL),
      /curveballs\[0\]\.rubric: a curveball must change the rubric/,
    ],
    ['an empty list', variant('reference:', 'curveballs: []\nreference:'), /curveballs: .*(at least 1|>=1)/i],
  ])('refuses %s with a located message', (_name, text, message) => {
    const errors = errorsOf(text);
    expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
  });

  it('keeps curveballs optional for a user’s own prompt file', () => {
    expect(parsePromptFile('tiny.yaml', MINIMAL_PROMPT_YAML).ok).toBe(true);
  });

  it('gives every built-in prompt at least one curveball, placed right before the reference design', () => {
    const library = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);
    expect(library.errors).toEqual([]);
    for (const prompt of library.prompts) expect(prompt.curveballs?.length ?? 0, prompt.id).toBeGreaterThanOrEqual(1);
  });
});
