import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRange, type TextChange } from '../../../renderer/src/editor/textChange';

const apply = (text: string, change: TextChange): string => text.slice(0, change.from) + change.insert + text.slice(change.to);

describe('changedRange', () => {
  it.each<[string, string, string, TextChange | undefined]>([
    ['equal texts', 'flowchart LR\n  A --> B', 'flowchart LR\n  A --> B', undefined],
    ['both empty', '', '', undefined],
    ['from nothing', '', 'abc', { from: 0, to: 0, insert: 'abc' }],
    ['to nothing', 'abc', '', { from: 0, to: 3, insert: '' }],
    ['a line added at the end', 'flowchart LR\n  A --> B', 'flowchart LR\n  A --> B\n%% sysdrill: A is client', { from: 22, to: 22, insert: '\n%% sysdrill: A is client' }],
    ['a line added after the header', 'flowchart LR\n  A --> B', 'flowchart LR\n%% sysdrill: B is cache\n  A --> B', { from: 13, to: 13, insert: '%% sysdrill: B is cache\n' }],
    ['one word replaced inside a line', '%% sysdrill: A is client\nA --> B', '%% sysdrill: A is service\nA --> B', { from: 18, to: 24, insert: 'service' }],
    ['a line removed from the middle', 'a\n%% sysdrill: A is cache\nb', 'a\nb', { from: 2, to: 26, insert: '' }],
    // "aa" → "aaa": the prefix takes both, the suffix may not reach back into it.
    ['a repeat grown', 'aa', 'aaa', { from: 2, to: 2, insert: 'a' }],
    ['a repeat shrunk', 'aaa', 'aa', { from: 2, to: 3, insert: '' }],
    ['the middle of a repeat', 'abab', 'ababab', { from: 4, to: 4, insert: 'ab' }],
    // Offsets in code units, never between the two halves of one character.
    ['an astral character replaced by another with the same high half', 'x😀y', 'x😁y', { from: 1, to: 3, insert: '😁' }],
    ['an astral character replaced by another with the same low half', 'x\u{1F600}y', 'x\u{10600}y', { from: 1, to: 3, insert: '\u{10600}' }],
  ])('%s', (_name, before, after, expected) => {
    const change = changedRange(before, after);
    expect(change).toEqual(expected);
    if (change !== undefined) expect(apply(before, change)).toBe(after);
  });

  it('always turns one text into the other, with a change no larger than the texts’ difference', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const change = changedRange(before, after);
        if (before === after) return change === undefined;
        if (change === undefined) return false;
        const kept = before.length - (change.to - change.from);
        return apply(before, change) === after && change.from <= change.to && kept <= Math.min(before.length, after.length);
      }),
    );
  });
});
