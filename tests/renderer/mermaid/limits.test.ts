import { describe, expect, it } from 'vitest';
import { longLineError, MAX_LINE_CHARS } from '../../../renderer/src/mermaid/limits';

describe('longLineError', () => {
  it('locates the first line over the limit and says what to do', () => {
    const text = `flowchart LR\n  A["${'x'.repeat(49_000)}"] --> B[Pay]`;
    expect(longLineError(text)).toEqual({
      line: 2,
      column: MAX_LINE_CHARS + 1,
      message: 'Line 2 is 49,018 characters long; the preview draws lines of up to 2,000. Shorten the label or split it over several nodes.',
    });
  });

  it.each([
    ['an ordinary diagram', 'flowchart LR\n  A --> B'],
    ['a line exactly at the limit', `flowchart LR\n${'y'.repeat(MAX_LINE_CHARS)}`],
    ['an empty text', ''],
    ['a text ending in a newline', 'flowchart LR\n'],
  ])('accepts %s', (_name, text) => {
    expect(longLineError(text)).toBeUndefined();
  });

  it('finds a long last line without a trailing newline', () => {
    expect(longLineError(`flowchart LR\nA\n${'z'.repeat(MAX_LINE_CHARS + 1)}`)?.line).toBe(3);
  });
});
