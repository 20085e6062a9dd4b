import type { GlossaryConcept } from '../../../electron/ipc/contract';

export type FilterableConcept = Pick<GlossaryConcept, 'id' | 'title' | 'summary' | 'explanation' | 'tradeOffs'>;

/**
 * Whether a concept matches what was typed in the filter box: every word of the query must occur,
 * case-insensitively, somewhere in the entry's own text (id, title, summary, explanation,
 * trade-offs), so "cache" also finds the entries that discuss caching along the way.
 */
export function matchesFilter(concept: FilterableConcept, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return true;
  const text = [concept.id, concept.id.replaceAll('-', ' '), concept.title, concept.summary, concept.explanation, ...concept.tradeOffs]
    .join('\n')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}
