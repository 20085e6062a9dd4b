/** The corpus split rule of tests/corpus/LABELLING.md, fixed before any diagram was collected. */
import { createHash } from 'node:crypto';

export const SPLIT_RULE =
  'repository owner/name, lower case: tuning when the first byte of its SHA-256 is even, test when it is odd';

export type Half = 'tuning' | 'test';
export const HALVES: readonly Half[] = ['tuning', 'test'];

export function halfOf(repo: string): Half {
  const firstByte = createHash('sha256').update(repo.toLowerCase(), 'utf8').digest()[0] ?? 0;
  return firstByte % 2 === 0 ? 'tuning' : 'test';
}

export interface SplitRecord {
  readonly rule: string;
  readonly tuning: readonly string[];
  readonly test: readonly string[];
}

export function buildSplit(repos: Iterable<string>): SplitRecord {
  const unique = [...new Set([...repos].map((r) => r.toLowerCase()))].sort();
  return { rule: SPLIT_RULE, tuning: unique.filter((r) => halfOf(r) === 'tuning'), test: unique.filter((r) => halfOf(r) === 'test') };
}
