import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../rubrics/memo';

describe('boundedMemo: results kept by key, memory bounded', () => {
  it('computes each key once while it is kept', () => {
    const calls: string[] = [];
    const upper = boundedMemo((key: string) => {
      calls.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('keeps an undefined result too', () => {
    let calls = 0;
    const none = boundedMemo((_key: string): number | undefined => {
      calls++;
      return undefined;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });

  it('forgets everything once the limit is reached, so it never holds more than the limit', () => {
    const calls: number[] = [];
    const twice = boundedMemo((key: number) => {
      calls.push(key);
      return key * 2;
    }, 2);
    twice(1);
    twice(2);
    twice(3); // the cache held 2 keys: it is cleared, then keeps 3
    twice(1); // 1 was forgotten with the rest
    twice(3);
    expect(calls).toEqual([1, 2, 3, 1]);
  });
});
